"""Benchmark task: actor country on the PLOVER gold-standard records (``plover-gsr-cameo``).

Each record's sentence goes through the public API (``language``, ``sentences``, ``analysis``,
``places``, ``actors``). Every gold source and target actor whose ``actorText`` occurs in the
sentence is looked up with ``warta.actors.actor_at`` over that text span — the way the events
coder looks actors up. Metrics:

- ``country_acc``: gold actors coded with a country (ISO alpha-3) whose warta actor has that
  country; no warta actor there counts as wrong;
- ``igo_acc``: gold actors coded ``IGO`` that warta reads as an IGO;
- ``actor_acc``: both populations together;
- ``sector_acc``: gold actors with a PLOVER sector whose warta actor has the same sector
  (a state actor counts as GOV).

The records' ``JAP`` and ``ITL`` (not ISO, CAMEO writes JPN and ITA) are read as ``JPN`` and ``ITA``.

Example:
    >>> gold_code("JAP"), gold_code("IGO"), gold_code("***")
    ('JPN', 'IGO', None)
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import Score

TASK = "actors"
DATASETS = ("plover-gsr-cameo",)
FAST = True
STAGES = ("language", "sentences", "analysis", "places", "actors")
SOURCE = "plover-gsr-cameo/PLOVER_GSR_CAMEO.train70.json"
SPLIT = "train70"
#: codes in the records that differ from ISO alpha-3
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA"}
SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "CVL", "JRN", "LEG", "JUD", "REF", "EDU", "BUS", "MED"})


@dataclass(frozen=True)
class GoldActor:
    record: str
    text: str
    actor_text: str
    code: str
    sector: str | None
    start: int
    end: int


def gold_code(code: str | None) -> str | None:
    """The comparable code: an alpha-3 country, ``IGO``, or None for codes warta does not score."""
    if not code or not isinstance(code, str):
        return None
    code = LEGACY_CODES.get(code, code)
    if code == "IGO" or (len(code) == 3 and code.isalpha() and code.isupper() and code not in ("NGO", "MNC")):
        return code
    return None


def read_gold(path: Path) -> list[GoldActor]:
    """Gold actors of every record whose actor text is found in its sentence."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for r in records:
        text = r.get("text") or ""
        if not text or r.get("event") == "DOCUMENT":
            continue
        for side in ("source", "target"):
            actors = r.get(side)
            if not isinstance(actors, list):
                continue
            for a in actors:
                if not isinstance(a, dict):
                    continue
                code = gold_code(a.get("code"))
                actor_text = (a.get("actorText") or "").strip()
                if code is None or not actor_text:
                    continue
                start = text.find(actor_text)
                if start < 0:
                    start = text.lower().find(actor_text.lower())
                if start < 0:
                    continue
                sector = a.get("sector") if a.get("sector") in SECTORS else None
                out.append(GoldActor(r["id"], text, actor_text, code, sector, start, start + len(actor_text)))
    return out


def _predict(texts: list[str]) -> list[Any]:
    from ...api import process_many
    from ...model import Article
    from ...pipeline import Failure, build_pipeline

    pipe = build_pipeline(list(STAGES))
    articles = [Article(id=str(n), text=t, language="en") for n, t in enumerate(texts)]
    out: list[Any] = ["not processed"] * len(articles)
    for item in process_many(articles, pipeline=pipe):
        if isinstance(item, Failure):
            out[int(item.article_id)] = f"stage {item.stage}: {item.message}"
        else:
            out[int(item.article.id)] = item
    return out


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    """Score actor countries; ``limit`` caps the records (sentences) read."""
    from ...actors import actor_at

    path = Path(data_dir) / SOURCE
    if not path.exists():
        return []
    t0 = time.perf_counter()
    gold = read_gold(path)
    texts = list(dict.fromkeys(g.text for g in gold))
    if limit is not None:
        texts = texts[:limit]
        keep = set(texts)
        gold = [g for g in gold if g.text in keep]
    docs = dict(zip(texts, _predict(texts)))
    tally = {"country": [0, 0], "igo": [0, 0], "sector": [0, 0]}
    for g in gold:
        doc = docs[g.text]
        actor = None if isinstance(doc, str) else actor_at(doc, g.start, g.end)
        if g.code == "IGO":
            right = actor is not None and actor.kind == "igo"
            key = "igo"
        else:
            right = actor is not None and actor.country == g.code
            key = "country"
        tally[key][0] += int(right)
        tally[key][1] += 1
        if g.sector:
            tally["sector"][1] += 1
            tally["sector"][0] += int(actor is not None and actor.sector == g.sector)
        if errors is not None and not right:
            errors.append({"dataset": DATASETS[0], "record": g.record, "gold": g.actor_text, "code": g.code,
                           "found": actor.name if actor else None, "country": actor.country if actor else None,
                           "kind": actor.kind if actor else None, "text": g.text,
                           **({"failure": doc} if isinstance(doc, str) else {})})
    secs = time.perf_counter() - t0
    both = [tally["country"][0] + tally["igo"][0], tally["country"][1] + tally["igo"][1]]

    def score(metric: str, pair: list[int]) -> Score:
        return Score(TASK, DATASETS[0], SPLIT, metric, pair[0] / pair[1] if pair[1] else 0.0, pair[1], secs)

    return [score("actor_acc", both), score("country_acc", tally["country"]), score("igo_acc", tally["igo"]),
            score("sector_acc", tally["sector"])]
