"""Reader: PolNeAR attributions (gzipped JSON lines, one record per article and annotator; brat standoff).

Example:
    >>> recs = parse_ann("T1\\tSource 0 2\\twe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 10\\tit\\n"
    ...                  "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1")
    >>> recs[0]
    Attribution(source=(0, 2), cue=(3, 7), content=(8, 10))
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Attribution:
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    content: tuple[int, int] | None


@dataclass(frozen=True)
class PolnearArticle:
    id: str
    text: str
    attributions: tuple[Attribution, ...]


def _span(field: str) -> tuple[int, int]:
    # "Source 110 112" or a discontinuous "Content 1 5;9 12": take the outer extent
    parts = field.split(" ", 1)[1].replace(";", " ").split()
    nums = [int(x) for x in parts]
    return min(nums), max(nums)


def parse_ann(ann: str) -> list[Attribution]:
    spans: dict[str, tuple[int, int]] = {}
    out: list[Attribution] = []
    lines = [ln.split("\t") for ln in ann.splitlines() if ln.strip()]
    for cols in lines:
        if cols[0].startswith("T") and len(cols) >= 2:
            spans[cols[0]] = _span(cols[1])
    for cols in lines:
        if cols[0].startswith("E") and len(cols) >= 2:
            roles = dict(p.split(":", 1) for p in cols[1].split() if ":" in p)
            out.append(Attribution(spans.get(roles.get("Source", "")), spans.get(roles.get("Cue", "")),
                                   spans.get(roles.get("Content", ""))))
    return out


def read_polnear(path: Path) -> Iterator[PolnearArticle]:
    """One record per article (the first annotator's, so an article counts once)."""
    seen: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["filename"] in seen or r.get("compartment") == "annotator-training":
                continue
            seen.add(r["filename"])
            yield PolnearArticle(r["filename"], r["text"], tuple(parse_ann(r.get("ann", ""))))
