"""Stage: time expressions resolved to intervals (issue: time, place and actors).

Placeholder until its issue lands: it assigns an empty list and never invents output.
"""
from __future__ import annotations

from ..model import Document


class TimeStage:
    name = "times"
    requires = ('article', 'sentences', 'tokens')
    assigns = ('times',)

    def __call__(self, doc: Document) -> Document:
        return doc
