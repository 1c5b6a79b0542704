"""Stage: tokens (with UD pos, corpus tag, lemma, sentence index) and named entities.

The text is tokenized with the language's pipeline (warta's tokenizer policy for
Indonesian), sentence starts from the ``sentences`` stage are set on the spaCy Doc,
the model components run in batches, and the entities pass through
:func:`warta.nlp.postprocess.fix_entities` (no entity crosses a sentence, sentence-initial
common words are not names, GPE/LOC by gazetteer, organisation lexicon).

Example:
    >>> from warta.model import Article, Document, Sentence
    >>> d = Document(article=Article(id="a", text="Putin tiba di Moskow."), language="id")
    >>> d.sentences = [Sentence(0, 21, "id")]
    >>> [(e.text, e.label) for e in AnalysisStage()(d).entities]
    [('Putin', 'PERSON'), ('Moskow', 'GPE')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

from ..model import Document, Entity, Token
from ..nlp.corpora import POSTAG_TO_UPOS
from ..nlp.models import entity_decoder, has_ner, load_pipeline
from ..nlp.postprocess import fix_entities

#: spaCy batch size for ``pipe``
BATCH_SIZE = 64
#: map model labels onto the contract's labels
LABEL_MAP = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
             "EVENT": "EVENT", "FAC": "FAC"}
#: components of the Indonesian model the stage replaces by a table lookup
SKIPPED_COMPONENTS = ("attribute_ruler",)
#: languages with a pipeline; anything else is tokenized with the Indonesian one, without entities
ANALYSED = ("id", "en", "ms")


@lru_cache(maxsize=200_000)
def _lemma_id(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="id").lower()


class AnalysisStage:
    name = "analysis"
    requires = ("article", "language", "sentences")
    assigns = ("tokens", "entities")

    def __init__(self, *, batch_size: int = BATCH_SIZE, numpy_ner: bool = True) -> None:
        self.batch_size = batch_size
        # numpy_ner=False runs spaCy's own NER loop (same model, same entities, ~8x slower decoding)
        self.numpy_ner = numpy_ner

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: Sequence[Document]) -> list[Document]:
        by_lang: dict[str, list[Document]] = {}
        for d in docs:
            by_lang.setdefault(d.language if d.language in ANALYSED else "other", []).append(d)
        for lang, group in by_lang.items():
            nlp = load_pipeline("id" if lang == "other" else lang)
            sdocs = (_make_doc(nlp, d) for d in group)
            # The model's attribute_ruler (tag → UD pos, for spacy.load users) is a Matcher pass per
            # Doc; the same table applied in _fill costs a dict lookup.
            skip = [n for n in SKIPPED_COMPONENTS if n in nlp.pipe_names] if lang in ("id", "ms", "other") else []
            decoder = entity_decoder(nlp) if self.numpy_ner and lang != "other" else None
            if decoder is not None:
                skip.append("ner")
            with _one_blas_thread():
                stream = nlp.pipe(sdocs, batch_size=self.batch_size, disable=skip)
                if decoder is not None:
                    stream = _decode_entities(stream, decoder, nlp.get_pipe("ner"), self.batch_size)
                for d, sdoc in zip(group, stream):
                    _fill(d, sdoc, with_entities=lang != "other" and has_ner(nlp))
                    if lang == "other":
                        d.warnings.append("language not analysed: no entities")
        return list(docs)


def _decode_entities(stream: Iterable, decoder, ner, batch_size: int) -> Iterator:
    """Entities by the numpy decoder, batch by batch; spaCy's loop for a batch it declines."""
    stream = iter(stream)
    while batch := list(islice(stream, batch_size)):
        if not decoder(batch):
            batch = list(ner.pipe(batch, batch_size=batch_size))
        yield from batch


def _one_blas_thread():
    """BLAS limited to one thread while the models run, restored afterwards.

    The models' matrices are small: OpenBLAS's second thread spent more time waiting than computing
    (14,355 tokens/s with one thread against 12,856 with two, 1,500 CLICK-ID articles, 2026-11-27),
    and it took the core that a second worker process or the caller could use.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _make_doc(nlp, doc: Document):
    """Tokenize and mark the sentence starts the ``sentences`` stage found."""
    import numpy

    from spacy.attrs import IDX, IS_SPACE, SENT_START

    sdoc = nlp.make_doc(doc.article.text)
    if doc.sentences and len(sdoc):
        # One array write: setting token.is_sent_start one by one re-checks the whole Doc each time.
        # A token opens a sentence when a sentence start lies in (previous token's idx, its idx].
        idx, is_space = sdoc.to_array([IDX, IS_SPACE]).T
        starts = numpy.array([s.start for s in doc.sentences], dtype="int64")
        seen = numpy.searchsorted(starts, idx, side="right")
        opened = numpy.diff(seen, prepend=0) > 0
        values = numpy.where(opened & (is_space == 0), 1, -1).astype("int64").reshape(-1, 1)
        values[0, 0] = 1
        sdoc.from_array([SENT_START], values.astype("uint64"))  # spaCy stores -1 wrapped in uint64
    return sdoc


def _fill(doc: Document, sdoc, *, with_entities: bool) -> None:
    from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, POS, TAG
    from spacy.parts_of_speech import NAMES as UPOS_NAMES

    lang = doc.language
    text = doc.article.text
    # Column arrays instead of spaCy Token objects: creating one Python object per token was a
    # fifth of this stage's time on news articles.
    cols = sdoc.to_array([IDX, LENGTH, IS_SPACE, IS_ALPHA, IS_PUNCT, TAG, POS, LEMMA]).tolist()
    strings = sdoc.vocab.strings
    sent_starts = [s.start for s in doc.sentences[1:]]
    tokens: list[Token] = []
    sent_idx = 0
    n_starts = len(sent_starts)
    for start, length, space, alpha, punct, tag_id, pos_id, lemma_id in cols:
        if space:
            continue
        while sent_idx < n_starts and sent_starts[sent_idx] <= start:
            sent_idx += 1
        word = text[start:start + length]
        tag = strings[tag_id] if tag_id else ""
        if lang == "en":
            lemma = (strings[lemma_id] if lemma_id else "") or word.lower()
            pos = UPOS_NAMES.get(pos_id, "") if pos_id else ""
        else:
            lemma = _lemma_id(word) if alpha else word.lower()
            pos = "PUNCT" if tag == "SYM" and punct else POSTAG_TO_UPOS.get(tag, "")
        tokens.append(Token(start, start + length, word, pos, tag, lemma, sent_idx))
    doc.tokens = tokens
    doc.scratch["spacy"] = sdoc
    if not with_entities:
        doc.entities = []
        return
    raw = [(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in sdoc.ents if e.label_ in LABEL_MAP]
    if lang in ("id", "ms"):
        spans = fix_entities(text, raw, sentences=[(s.start, s.end) for s in doc.sentences],
                             tokens=[(t.start, t.end) for t in tokens])
    else:
        spans = raw
    doc.entities = [Entity(f"e{i + 1}", s, e, text[s:e], label, source=_source(s, e, raw))
                    for i, (s, e, label) in enumerate(spans)]


def _source(start: int, end: int, raw: list[tuple[int, int, str]]) -> str:
    """model: as predicted; rule: a predicted span trimmed; gazetteer: added from the lexicon."""
    if any(s == start and e == end for s, e, _ in raw):
        return "model"
    return "rule" if any(s < end and start < e for s, e, _ in raw) else "gazetteer"
