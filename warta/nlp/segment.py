"""Sentence segmentation for news text.

Policy:
- every line is at least its own sentence: a paragraph break ends a sentence even
  without a full stop, and the headline line never merges with the lead;
- inside a line, a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
  and brackets after it) when the next word starts with a capital, a digit or an
  opening quote/bracket;
- not after an abbreviation (``resources/nlp/abbreviations.id.txt``: Dr., No., Jl., …)
  or a single-letter initial ("M. Hendra"), except for the few that normally close a
  sentence (dll., dsb., dst., etc.);
- a quotation's closing ``”`` stays with its sentence (“…,” kata Kim is one sentence); a quote glued to
  a capital after a full stop (``ditangkap.“Saya``, ``bersikap."Saya``) opens the next one;
  an unbalanced straight ``"`` does not stop a split;
- scraped text that joined its paragraphs with commas ("…warga.,,Warga pun…", as in the
  CLICK-ID corpus) still splits after the full stop; commas never open a sentence.

Example:
    >>> text = "Judul berita\\n\\nKim datang. Dia pergi."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Judul berita', 'Kim datang.', 'Dia pergi.']
"""
from __future__ import annotations

import re
from functools import lru_cache

from .tokenize import abbreviations

_LINE = re.compile(r"[^\n]+")
# A candidate end: terminal punctuation plus closing quotes/brackets, then space and a sentence opener, or
# an opening quote glued to the next sentence ("ditangkap.“Saya tidak bersalah", "bersikap.\"Saya perintahkan",
# CLICK-ID's joined paragraphs: of 150 such straight quotes in its 17k articles, a sample of 25 all opened the next).
_BOUNDARY = re.compile(r"""(?:[.!?]+|…)["'”’)\]]*(?=(?:\s+|,+\s*)["“‘'(\[]?[A-Z0-9À-Ý]|[“‘"][A-Z0-9À-Ý])""")
#: abbreviations that usually close a sentence when a capital follows
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"dll", "dsb", "dst", "etc"})


@lru_cache(maxsize=1)
def _non_final_abbreviations() -> frozenset[str]:
    out = set()
    for a in abbreviations():
        key = a.lower().rstrip(".")
        if key not in SENTENCE_FINAL_ABBREVIATIONS:
            out.add(key)
    return frozenset(out)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)`` without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            if text[m.start()] == "." and _is_abbreviation(text, start, m.start()):
                continue
            _add(text, start, m.end(), spans)
            start = m.end()
        _add(text, start, line.end(), spans)
    return spans


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    """True when the word ending at ``dot`` (the full stop's index) is an abbreviation or an initial."""
    i = dot
    if i > sent_start and text[i - 1] == " ":
        # "R . Covey": a stop written apart from its word (space-joined corpus text) still closes it.
        i -= 1
        dot = i
    while i > sent_start and not text[i - 1].isspace() and text[i - 1] not in "(\"“‘'":
        i -= 1
    word = text[i:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    return word in _non_final_abbreviations()


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
