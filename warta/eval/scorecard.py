"""Render scores as a text table, JSON or a Markdown table.

Example:
    >>> from warta.eval.core import Score
    >>> print(render([Score("ner", "nergrit", "test", "f1_micro", 0.7123, 688, 3.2)], "markdown"))
    | task | dataset | split | metric | score | n | seconds |
    |---|---|---|---|---:|---:|---:|
    | ner | nergrit | test | f1_micro | 0.712 | 688 | 3.2 |
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence

from .core import Score

FORMATS = ("table", "json", "markdown")
COLUMNS = ("task", "dataset", "split", "metric", "score", "n", "seconds")
#: Metric-name suffixes measured in kilometres (shown with one decimal, not as a fraction).
DISTANCE_SUFFIXES = ("_km",)
#: How a task that could not run shows its score.
NO_SCORE = "—"


def format_score(score: Score) -> str:
    """A fraction with three decimals, a distance with one, a missing score as a dash."""
    if score.score is None or (isinstance(score.score, float) and math.isnan(score.score)):
        return NO_SCORE
    if score.metric.endswith(DISTANCE_SUFFIXES):
        return f"{score.score:.1f}"
    return f"{score.score:.3f}"


def _rows(scores: Sequence[Score]) -> tuple[list[str], list[list[str]]]:
    notes = any(getattr(s, "error", "") for s in scores)
    header = list(COLUMNS) + (["note"] if notes else [])
    rows = []
    for s in scores:
        row = [s.task, s.dataset, s.split, s.metric, format_score(s), str(s.n), f"{s.seconds:.1f}"]
        if notes:
            row.append(getattr(s, "error", "") or "")
        rows.append(row)
    return header, rows


def render(scores: Sequence[Score], fmt: str = "table") -> str:
    """The scorecard in ``table`` (aligned text), ``json`` (a list of objects) or ``markdown``."""
    if fmt == "json":
        out = []
        for s in scores:
            d = s.as_dict()
            if isinstance(d["score"], float) and math.isnan(d["score"]):
                d["score"] = None  # JSON has no NaN
            out.append(d)
        return json.dumps(out, indent=2, ensure_ascii=False)
    header, rows = _rows(scores)
    numeric = {"score", "n", "seconds"}
    if fmt == "markdown":
        align = ["---:" if h in numeric else "---" for h in header]
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        return "\n".join(lines)
    if fmt == "table":
        widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]

        def line(cells: list[str]) -> str:
            return "  ".join(c.rjust(w) if h in numeric else c.ljust(w)
                             for c, w, h in zip(cells, widths, header)).rstrip()

        return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])
    raise ValueError(f"unknown scorecard format {fmt!r}; choose from {', '.join(FORMATS)}")
