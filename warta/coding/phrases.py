"""Multi-word phrase sets matched over lowercased token lists by a first-word dict.

Example:
    >>> ps = PhraseSet(["sangat mungkin", "mungkin"])
    >>> ps.match(["ia", "sangat", "mungkin", "datang"], 1)
    ('sangat', 'mungkin')
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence


class PhraseSet:
    """A set of phrases; ``match`` returns the longest phrase starting at a position."""

    __slots__ = ("_first", "values")

    def __init__(self, phrases: Iterable[str], values: dict[str, object] | None = None) -> None:
        self._first: dict[str, list[tuple[str, ...]]] = {}
        self.values: dict[tuple[str, ...], object] = {}
        for p in phrases:
            words = tuple(str(p).lower().split())
            if not words:
                continue
            self._first.setdefault(words[0], []).append(words)
            self.values[words] = (values or {}).get(p, True)
        for bucket in self._first.values():
            bucket.sort(key=len, reverse=True)

    def match(self, words: Sequence[str], i: int) -> tuple[str, ...] | None:
        for phrase in self._first.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i:i + n]) == phrase:
                return phrase
        return None

    def finditer(self, words: Sequence[str], lo: int, hi: int) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(index, phrase) for every match starting in ``[lo, hi)`` (overlaps skipped, left to right)."""
        i = max(lo, 0)
        hi = min(hi, len(words))
        while i < hi:
            p = self.match(words, i)
            if p:
                yield i, p
                i += len(p)
            else:
                i += 1

    def __len__(self) -> int:
        return len(self.values)

    def __contains__(self, word: str) -> bool:
        return (word,) in self.values
