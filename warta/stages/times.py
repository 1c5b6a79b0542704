"""Stage: time expressions resolved to ISO values and inclusive date intervals (``doc.times``).

Rules and lexicons per language live in ``warta/resources/timex/``; the engine is ``warta.timex``.
Relative expressions resolve against ``article.published``; without it they keep their span and get a
null value (the API adds the warning). The policies are in docs/times.md.

Example:
    >>> from datetime import date
    >>> from warta.model import Article, Document, Sentence
    >>> text = "Rusia menyerang pada hari Selasa."
    >>> doc = Document(article=Article(id="a", text=text, published=date(2024, 10, 8)), language="id",
    ...                sentences=[Sentence(0, len(text))])
    >>> [(t.text, t.value) for t in TimeStage()(doc).times]
    [('hari Selasa', '2024-10-08')]
"""
from __future__ import annotations

from ..model import Document
from ..timex import find_times


class TimeStage:
    name = "times"
    # Tokens are not needed: the rules read the text, and sentences bound the tense cues.
    requires = ("article", "sentences")
    assigns = ("times",)

    def __call__(self, doc: Document) -> Document:
        doc.times = find_times(
            doc.article.text,
            language=doc.language or doc.article.language,
            published=doc.article.published,
            sentences=[(s.start, s.end) for s in doc.sentences],
        )
        return doc
