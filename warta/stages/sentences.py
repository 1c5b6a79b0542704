"""Stage: split the text into sentences; the headline is always a sentence of its own."""
from __future__ import annotations

from ..model import Document, Sentence
from ..nlp.segment import split_sentences


class SentenceStage:
    name = "sentences"
    requires = ("article", "language")
    assigns = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        title = doc.article.title_span
        sentences: list[Sentence] = []
        for start, end in split_sentences(doc.article.text):
            if title and start < title.end and end > title.start:
                # The headline line ends at the title span even when no full stop closes it.
                if not sentences or not sentences[-1].is_headline:
                    sentences.append(Sentence(title.start, title.end, doc.language, is_headline=True))
                if end > title.end:
                    rest = doc.article.text[title.end:end]
                    offset = title.end + (len(rest) - len(rest.lstrip(" |")))
                    if offset < end:
                        sentences.append(Sentence(offset, end, doc.language, is_headline=True))
                continue
            sentences.append(Sentence(start, end, doc.language))
        doc.sentences = sentences
        return doc
