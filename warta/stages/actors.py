"""Stage: actors with country, sector and role.

Placeholder until its issue lands: it assigns an empty list and never invents output.
"""
from __future__ import annotations

from ..model import Document


class ActorStage:
    name = "actors"
    requires = ('article', 'entities', 'places')
    assigns = ('actors',)

    def __call__(self, doc: Document) -> Document:
        return doc
