"""Stage: tokens, tags, lemmas and named entities from the language's spaCy pipeline."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Entity, Token
from ..nlp.models import load_pipeline

#: spaCy batch size for ``pipe``
BATCH_SIZE = 64
#: map model labels onto the contract's labels
LABEL_MAP = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
             "EVENT": "EVENT", "FAC": "FAC"}


class AnalysisStage:
    name = "analysis"
    requires = ("article", "language", "sentences")
    assigns = ("tokens", "entities")

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        by_lang: dict[str, list[Document]] = {}
        for d in docs:
            by_lang.setdefault(d.language if d.language in ("id", "en", "ms") else "id", []).append(d)
        for lang, group in by_lang.items():
            nlp = load_pipeline(lang)
            for d, sdoc in zip(group, nlp.pipe((d.article.text for d in group), batch_size=BATCH_SIZE)):
                _fill(d, sdoc)
        return list(docs)


def _fill(doc: Document, sdoc) -> None:
    tokens = []
    for t in sdoc:
        if t.is_space:
            continue
        tokens.append(Token(t.idx, t.idx + len(t.text), t.text, t.pos_, t.tag_, t.lemma_ or t.text.lower()))
    doc.tokens = tokens
    ents = []
    for i, e in enumerate(sdoc.ents):
        label = LABEL_MAP.get(e.label_)
        if label:
            ents.append(Entity(f"e{len(ents) + 1}", e.start_char, e.end_char, e.text, label))
    doc.entities = ents
    doc.scratch["spacy"] = sdoc
