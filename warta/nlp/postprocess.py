"""Corrections applied to the model's entities (the same in the pipeline and in scoring).

1. An entity may not cross a sentence boundary (it is dropped).
2. A capitalised common word at the start of a sentence is not a name ("Saran", "Analis",
   "Namun"): a one-word entity there is dropped, and a leading discourse word is
   trimmed from a longer one ("Namun Moskow" → "Moskow"). Common words are those the
   CLICK-ID news text writes in lower case mid-sentence at least ``COMMON_MIN_LOWER_SHARE``
   of the time (``resources/nlp/common_words.id.txt``).
3. GPE vs LOC follows :func:`warta.nlp.places.place_label`.
4. Names in ``resources/nlp/entities.id.tsv`` (organisations such as PBB, NATO) get the listed
   label when the model found exactly that span; when the model found nothing overlapping,
   the name is added with ``source="gazetteer"``.

Example:
    >>> fix_entities("Analis datang.", [(0, 6, "PERSON")], sentences=[(0, 14)], tokens=[(0, 6), (7, 13), (13, 14)])
    []
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .places import place_label

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "nlp"
COMMON_FILE = RESOURCES / "common_words.id.txt"
ENTITIES_FILE = RESOURCES / "entities.id.tsv"
#: a word is "common" when at least this share of its mid-sentence uses are lower case
COMMON_MIN_LOWER_SHARE = 0.6
#: ... and it was seen lower case at least this often
COMMON_MIN_LOWER_COUNT = 5
#: words that introduce a clause; trimmed from the front of a multi-word entity
DISCOURSE_TAGS_FILE = RESOURCES / "leading_words.id.txt"
Span3 = tuple[int, int, str]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    if not COMMON_FILE.exists():
        return frozenset()
    return frozenset(w for w in COMMON_FILE.read_text(encoding="utf-8").split() if w)


@lru_cache(maxsize=1)
def leading_words() -> frozenset[str]:
    if not DISCOURSE_TAGS_FILE.exists():
        return frozenset()
    lines = DISCOURSE_TAGS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def entity_lexicon() -> dict[str, str]:
    """name (case as written) → label."""
    out: dict[str, str] = {}
    if ENTITIES_FILE.exists():
        for line in ENTITIES_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, label = line.rstrip("\n").split("\t")[:2]
                out[name.strip()] = label.strip()
    return out


@lru_cache(maxsize=1)
def _lexicon_regex() -> re.Pattern[str] | None:
    names = sorted(entity_lexicon(), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def fix_entities(text: str, ents: list[Span3], *, sentences: list[tuple[int, int]],
                 tokens: list[tuple[int, int]]) -> list[Span3]:
    """Apply the corrections above to ``(start, end, label)`` spans; returns a sorted list."""
    sent_starts = {s for s, _ in sentences}
    token_starts = {s for s, _ in tokens}
    token_ends = {e for _, e in tokens}
    next_token = {}
    for (s, _e), (s2, _e2) in zip(tokens, tokens[1:]):
        next_token[s] = s2
    out: list[Span3] = []
    for start, end, label in ents:
        if _crosses(start, end, sentences):
            continue
        if start in sent_starts:
            first_end = next((e for s, e in tokens if s == start), end)
            first = text[start:first_end]
            lower = first.lower()
            if first[:1].isupper() and first_end >= end and lower in common_words():
                continue
            if first_end < end and lower in leading_words():
                start = next_token.get(start, end)
                if start >= end:
                    continue
        if label in ("GPE", "LOC"):
            label = place_label(text[start:end])
        out.append((start, end, label))
    out = _apply_lexicon(text, out, token_starts, token_ends, sentences)
    return sorted(out)


def _crosses(start: int, end: int, sentences: list[tuple[int, int]]) -> bool:
    for s, e in sentences:
        if s <= start < e:
            return end > e
    return False


def _apply_lexicon(text: str, ents: list[Span3], token_starts: set[int], token_ends: set[int],
                   sentences: list[tuple[int, int]]) -> list[Span3]:
    rx = _lexicon_regex()
    if rx is None:
        return ents
    lex = entity_lexicon()
    by_span = {(s, e): i for i, (s, e, _l) in enumerate(ents)}
    for m in rx.finditer(text):
        s, e = m.span()
        if s not in token_starts or e not in token_ends or _crosses(s, e, sentences):
            continue
        label = lex[m.group(0)]
        if (s, e) in by_span:
            i = by_span[(s, e)]
            ents[i] = (s, e, label)
        elif not any(s < pe and ps < e for ps, pe, _l in ents):
            ents.append((s, e, label))
    return ents


def build_common_words(data_dir: Path, path: Path = COMMON_FILE) -> int:
    """Count lower/capitalised mid-sentence uses in CLICK-ID and write the common-word list."""
    word = re.compile(r"[A-Za-z][a-z]+")
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    with gzip.open(data_dir / "indonesian-news-clickid" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            for sent in re.split(r"(?<=[.!?])\s+|\n", content):
                toks = sent.split()
                for tok in toks[1:]:  # skip the sentence-initial word: it is capitalised anyway
                    m = word.fullmatch(tok.strip("\"'“”‘’(),.:;!?"))
                    if not m:
                        continue
                    w = m.group(0)
                    (lower if w[0].islower() else upper)[w.lower()] += 1
    words = sorted(w for w, n in lower.items()
                   if n >= COMMON_MIN_LOWER_COUNT and n / (n + upper[w]) >= COMMON_MIN_LOWER_SHARE)
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    common_words.cache_clear()
    return len(words)
