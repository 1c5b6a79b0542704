"""A token view of a document shared by the claim and event coders (built once per document).

Example:
    >>> from warta.model import Article, Document, Sentence
    >>> doc = Document(article=Article(id="a", text="Rusia menyerang Ukraina."))
    >>> doc.sentences = [Sentence(0, 24)]
    >>> view = text_view(doc)
    >>> view.words[view.sent_ranges[0][0]:view.sent_ranges[0][1]]
    ['rusia', 'menyerang', 'ukraina', '.']
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..model import Document
from .lexicon import tokenize

SCRATCH_KEY = "coding_view"
#: UD tags under which a generated (fallback) verb trigger may fire
VERB_POS = frozenset({"VERB"})


@dataclass
class TextView:
    starts: list[int]
    ends: list[int]
    words: list[str]  # lowercased
    sent_ranges: list[tuple[int, int]]  # token index ranges per doc.sentences
    actor_at_token: list[str | None]  # the actor id whose mention covers the token
    mentions: list[tuple[int, int, str]]  # (first token, end token exclusive, actor id), by position
    place_mentions: list[tuple[int, int, str]]
    time_mentions: list[tuple[int, int, str]]
    #: UD part of speech per token from the language analysis ("" where unknown or not analysed)
    pos: list[str] | None = None

    def may_be_verb(self, i: int) -> bool:
        """True unless the analysis tagged token ``i`` as something else than a verb (no tags: True)."""
        if not self.pos or not self.pos[i]:
            return True
        return self.pos[i] in VERB_POS

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices ``[i, j)`` whose tokens overlap the characters ``[start, end)``."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)

    def mentions_in(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        return [m for m in self.mentions if m[0] >= lo and m[1] <= hi]

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        return self.starts[i], self.ends[j - 1]


def _index(view_starts: list[int], view_ends: list[int], spans) -> list[tuple[int, int, str]]:
    out = []
    for start, end, ident in spans:
        i, j = bisect_right(view_ends, start), bisect_left(view_starts, end)
        if i < j:
            out.append((i, j, ident))
    out.sort()
    return out


def text_view(doc: Document) -> TextView:
    """The document's token view (cached in ``doc.scratch``; rebuilt if the actors changed)."""
    key = (len(doc.actors), len(doc.places), len(doc.times), len(doc.sentences))
    cached = doc.scratch.get(SCRATCH_KEY)
    if cached is not None and cached[0] == key:
        return cached[1]
    toks = tokenize(doc.article.text)
    starts = [t[0] for t in toks]
    ends = [t[1] for t in toks]
    words = [t[2] for t in toks]
    sent_ranges = [(bisect_left(starts, s.start), bisect_left(starts, s.end)) for s in doc.sentences]
    if not doc.sentences and toks:
        sent_ranges = [(0, len(toks))]
    mentions = _index(starts, ends, ((m.start, m.end, a.id) for a in doc.actors for m in a.mentions))
    # keep the longest mention where two overlap
    kept: list[tuple[int, int, str]] = []
    for m in sorted(mentions, key=lambda m: (m[0], -(m[1] - m[0]))):
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    at_token: list[str | None] = [None] * len(toks)
    for i, j, ident in kept:
        for k in range(i, j):
            at_token[k] = ident
    places = _index(starts, ends, ((m.start, m.end, p.id) for p in doc.places for m in p.mentions))
    times = _index(starts, ends, ((t.start, t.end, t.id) for t in doc.times))
    pos: list[str] | None = None
    if doc.tokens:
        by_start = {t.start: t.pos for t in doc.tokens}
        pos = [by_start.get(st, "") for st in starts]
    view = TextView(starts, ends, words, sent_ranges, at_token, kept, places, times, pos)
    doc.scratch[SCRATCH_KEY] = (key, view)
    return view
