"""Stage: attributed claims (who says what, how surely, through whom), see ``warta.coding.attribution``.

Example:
    >>> from warta.model import Article, Document, Sentence
    >>> t = "Polisi mengatakan bahwa dua orang ditangkap."
    >>> d = ClaimStage()(Document(article=Article(id="a", text=t), language="id", sentences=[Sentence(0, len(t))]))
    >>> d.claims[0].cue
    'mengatakan'
"""
from __future__ import annotations

from ..coding.attribution import find_claims
from ..model import Document


class ClaimStage:
    name = "claims"
    version_name = "claims/warta-attribution-1.0"
    requires = ("article", "sentences", "tokens", "actors")
    assigns = ("claims",)

    def __call__(self, doc: Document) -> Document:
        doc.claims = find_claims(doc)
        return doc
