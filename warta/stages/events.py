"""Stage: PLOVER events.

Placeholder until its issue lands: it assigns an empty list and never invents output.
"""
from __future__ import annotations

from ..model import Document


class EventStage:
    name = "events"
    requires = ('article', 'sentences', 'tokens', 'actors', 'places', 'times', 'claims')
    assigns = ('events',)

    def __call__(self, doc: Document) -> Document:
        return doc
