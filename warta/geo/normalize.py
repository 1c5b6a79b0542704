"""Name keys shared by the gazetteer and the actor tables.

A key is lowercase, without diacritics, with hyphens and runs of spaces folded into
one space and apostrophes and full stops dropped, so that "Donets'k", "Donetsk" and
"DONETSK" meet, and "St. Louis" meets "St Louis".

Example:
    >>> name_key("Donets'k")
    'donetsk'
    >>> name_key("Winston-Salem")
    'winston salem'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"['’‘`ʼ.]")
_SPACE = re.compile(r"[\s\-‐‑–—_/]+")


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Fold ``text`` into the key used for gazetteer and alias lookups (cached: news repeats its names)."""
    if text.isascii():
        stripped = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    stripped = _DROP.sub("", stripped)
    return _SPACE.sub(" ", stripped).strip()


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin (alternate names in other scripts are skipped)."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in text if ch.isalpha())


_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_CLITICS = ("-nya", "-ku", "-mu", "'s", "’s")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word offsets; clitics attached to a name are left out ("PBB-nya" → "PBB", "Korea's" → "Korea").

    Example:
        >>> t = "hak veto PBB-nya"
        >>> [t[s:e] for s, e in word_spans(t)]
        ['hak', 'veto', 'PBB']
    """
    out = []
    for m in _WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        if "-" in word or "'" in word or "’" in word:
            low = word.lower()
            for clitic in _CLITICS:
                if low.endswith(clitic) and len(low) > len(clitic) + 1:
                    end -= len(clitic)
                    break
        out.append((start, end))
    return out
