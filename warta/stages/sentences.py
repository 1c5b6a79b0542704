"""Stage: split the text into sentences; the headline is always a sentence of its own.

The headline is ``article.title_span`` when ingest found one (the first line, cut before
" | section"). The section tail after " | " becomes a separate sentence that is not
marked as headline; the separator itself belongs to no sentence.

Example:
    >>> from warta.model import Article, Document, Span
    >>> d = Document(article=Article(id="a", text="Judul | Rubrik\\n\\nIsi. Lagi.", title_span=Span(0, 5)))
    >>> [(d.article.text[s.start:s.end], s.is_headline) for s in SentenceStage()(d).sentences]
    [('Judul', True), ('Rubrik', False), ('Isi.', False), ('Lagi.', False)]
"""
from __future__ import annotations

from ..model import Document, Sentence
from ..nlp.segment import split_sentences

#: characters stripped between the headline and its section tail
SECTION_SEPARATOR_CHARS = " |\t"


class SentenceStage:
    name = "sentences"
    requires = ("article", "language")
    assigns = ("sentences",)

    def __call__(self, doc: Document) -> Document:
        text = doc.article.text
        title = doc.article.title_span
        lang = doc.language
        sentences: list[Sentence] = []
        if title is not None and title.end > title.start:
            sentences.append(Sentence(title.start, title.end, lang, is_headline=True))
        for start, end in split_sentences(text):
            if title is not None and start < title.end and end > title.start:
                # Sentences overlapping the headline: keep only what lies after it on the line.
                if end <= title.end:
                    continue
                start = title.end
                while start < end and text[start] in SECTION_SEPARATOR_CHARS:
                    start += 1
                if start >= end:
                    continue
            sentences.append(Sentence(start, end, lang))
        sentences.sort(key=lambda s: s.start)
        doc.sentences = sentences
        return doc
