"""Counting metrics shared by the evaluation tasks: precision, recall and F1 over sets of items.

An item is anything hashable whose equality means "the same answer" — for NER an
``(start, end, label)`` triple, so a match needs the exact span and the exact type.

Example:
    >>> gold = {(0, 5, "PERSON"), (10, 17, "PLACE")}
    >>> pred = {(0, 5, "PERSON"), (10, 17, "ORG")}
    >>> c = count_matches(gold, pred)
    >>> (c.tp, c.fp, c.fn), round(c.f1, 2)
    ((1, 1, 1), 0.5)
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass


@dataclass
class Counts:
    """True positives, false positives and false negatives; adds up across examples."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        # No prediction at all scores 0 precision, not 1: an empty system must not look perfect.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        """How many gold items there were."""
        return self.tp + self.fn


def count_matches(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> Counts:
    """Exact-match counts between two sets of items (duplicates collapse)."""
    g, p = set(gold), set(pred)
    tp = len(g & p)
    return Counts(tp=tp, fp=len(p) - tp, fn=len(g) - tp)


def count_by_label(gold: Iterable[tuple], pred: Iterable[tuple], *, labels: Iterable[str]) -> dict[str, Counts]:
    """Per-label exact-match counts for items whose last element is the label.

    Example:
        >>> by = count_by_label({(0, 5, "ORG")}, {(0, 5, "ORG"), (6, 9, "PERSON")}, labels=["ORG", "PERSON"])
        >>> by["ORG"].f1, by["PERSON"].fp
        (1.0, 1)
    """
    g, p = set(gold), set(pred)
    return {lab: count_matches({x for x in g if x[-1] == lab}, {x for x in p if x[-1] == lab}) for lab in labels}
