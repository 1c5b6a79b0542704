"""Stage: attributed claims.

Placeholder until its issue lands: it assigns an empty list and never invents output.
"""
from __future__ import annotations

from ..model import Document


class ClaimStage:
    name = "claims"
    requires = ('article', 'sentences', 'tokens', 'actors')
    assigns = ('claims',)

    def __call__(self, doc: Document) -> Document:
        return doc
