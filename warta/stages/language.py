"""Stage: decide the article's language (a user hint wins)."""
from __future__ import annotations

from ..model import Document
from ..nlp.langid import detect_language


class LanguageStage:
    name = "language"
    requires = ("article",)
    assigns = ("language",)

    def __call__(self, doc: Document) -> Document:
        hint = doc.article.language
        if hint and hint != "auto":
            doc.language, doc.language_score = hint, None
            return doc
        doc.language, doc.language_score = detect_language(doc.article.text)
        return doc
