"""Stage: toponyms geocoded offline.

Placeholder until its issue lands: it assigns an empty list and never invents output.
"""
from __future__ import annotations

from ..model import Document


class PlaceStage:
    name = "places"
    requires = ('article', 'entities')
    assigns = ('places',)

    def __call__(self, doc: Document) -> Document:
        return doc
