"""Sentence segmentation for news text.

Example:
    >>> text = "Judul berita\\n\\nKim datang. Dia pergi."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Judul berita', 'Kim datang.', 'Dia pergi.']
"""
from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital, digit or quote.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["“‘'(]?[A-Z0-9])""")
_ABBREVIATIONS = frozenset(
    "dr drs prof no jl jln tn ny sdr bpk ir kol letjen mayjen brigjen jend kapt st mr mrs ms jr sr vs etc inc "
    "co corp ltd u.s u.k u.n gen col lt sgt rep sen gov dkk dll dsb tsb hlm".split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return sentence spans (start, end) without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for m in _BOUNDARY.finditer(text, line.start(), line.end()):
            word = re.search(r"(\S+?)[.!?]*$", text[start:m.start() + 1])
            token = word.group(1).lower() if word else ""
            if token.rstrip(".") in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            _add(text, start, m.end(), spans)
            start = m.end()
        _add(text, start, line.end(), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
