"""Benchmark task: end-to-end geoparsing on GeoWebNews, LGL, TR-News and GeoVirus (English).

warta finds the toponyms itself (``language``, ``sentences``, ``analysis``, ``places`` through
``warta.api.process_many``); each gold toponym with coordinates is matched to the warta place
mention that overlaps it most. **A gold toponym warta misses counts as an error** in every
accuracy below (unlike reports that score only toponyms whose gold entry the search retrieved).

Populations: GeoWebNews scores its literal types (``LITERAL_TYPES``: Literal, Literal_Modifier,
Mixed, Embedded_Literal, Coercion) with gold coordinates, and reports all typed toponyms with
coordinates as ``all`` too; LGL, TR-News and GeoVirus score every toponym with coordinates.

Metrics: ``acc161`` (within 161 km = 100 miles), ``exact_geonames`` (same GeoNames id, over gold
toponyms that have one), ``country_acc`` (same country; the gold country is LGL/TR-News's gaztag,
else the country of the gazetteer town nearest the gold point), ``found`` (share of gold toponyms
warta found at all), ``mean_km`` / ``median_km`` (error over found ones; ``n`` = found).

Splits: besides the whole file (``train70``), the scored population is reported on the first half
of each file's documents (``train70-dev``, the part read while tuning the geoparser) and on the
second half (``train70-holdout``, never read while tuning). ``--limit`` keeps the halves of the
whole file, so a limited run scores dev documents first. ``errors`` receives the dev half's misses only,
so a holdout error is never written out by accident.

Example:
    >>> round(haversine_km(48.85, 2.35, 51.51, -0.13))
    344
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...geo.resolve import haversine_km
from ..core import Score
from ..readers.geoxml import GeoDoc, GoldToponym, read_geoxml

TASK = "geoparse"
DATASETS = ("geowebnews", "lgl", "tr-news", "geovirus")
#: in the CI gate since 2026-11-28: the first 60 articles of each corpus (dev documents of GeoWebNews and LGL)
#: take about 20 s and guard acc@161 against regressions
FAST = True
FAST_LIMIT = 60
STAGES = ("language", "sentences", "analysis", "places")
#: dataset → path under the data dir
SOURCES = {
    "geowebnews": "geowebnews/GWN.train70.xml",
    "lgl": "lgl/lgl.train70.xml",
    "tr-news": "tr-news/TR-News.train70.xml",
    "geovirus": "geovirus/GeoVirus.train70.xml",
}
SPLIT = "train70"
#: documents before this share of a file are the tuning half (dev), the rest the holdout
DEV_SHARE = 0.5
#: the usual geoparsing tolerance: 100 miles
TOLERANCE_KM = 161.0
LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"})
#: grid cell (degrees) of the nearest-town index used to give a gold point its country
GRID_DEGREES = 1.0


@dataclass
class Tally:
    total: int = 0
    within: int = 0
    found: int = 0
    gid_total: int = 0
    gid_right: int = 0
    country_total: int = 0
    country_right: int = 0
    errors_km: list[float] = field(default_factory=list)

    def scores(self, dataset: str, population: str, secs: float) -> list[Score]:
        split = {"literal": SPLIT, "dev": f"{SPLIT}-dev", "holdout": f"{SPLIT}-holdout"}.get(
            population, f"{SPLIT}.{population}")
        med = statistics.median(self.errors_km) if self.errors_km else 0.0
        mean = statistics.fmean(self.errors_km) if self.errors_km else 0.0
        # GeoVirus gives no GeoNames ids: no exact-id row rather than a 0 over nothing
        exact = [Score(TASK, dataset, split, "exact_geonames", _ratio(self.gid_right, self.gid_total),
                       self.gid_total, secs)] if self.gid_total else []
        return [
            Score(TASK, dataset, split, "acc161", _ratio(self.within, self.total), self.total, secs),
            *exact,
            Score(TASK, dataset, split, "country_acc", _ratio(self.country_right, self.country_total),
                  self.country_total, secs),
            Score(TASK, dataset, split, "found", _ratio(self.found, self.total), self.total, secs),
            Score(TASK, dataset, split, "mean_km", mean, len(self.errors_km), secs),
            Score(TASK, dataset, split, "median_km", med, len(self.errors_km), secs),
        ]


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@lru_cache(maxsize=1)
def _town_grid() -> dict[tuple[int, int], list[int]]:
    from ...geo.gazetteer import get_gazetteer

    grid: dict[tuple[int, int], list[int]] = {}
    for i, e in enumerate(get_gazetteer().entries):
        if e.kind == "city" and e.lat is not None and e.country:
            grid.setdefault((int(e.lat // GRID_DEGREES), int(e.lon // GRID_DEGREES)), []).append(i)
    return grid


def country_of_point(lat: float, lon: float) -> str | None:
    """Alpha-3 of the gazetteer town nearest to a point (searching the 3×3 surrounding cells)."""
    from ...geo.gazetteer import get_gazetteer

    entries = get_gazetteer().entries
    grid = _town_grid()
    cy, cx = int(lat // GRID_DEGREES), int(lon // GRID_DEGREES)
    best, best_km = None, float("inf")
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for i in grid.get((cy + dy, cx + dx), ()):
                e = entries[i]
                km = haversine_km(lat, lon, e.lat, e.lon)
                if km < best_km:
                    best, best_km = e.country, km
    return best


def _gold_country(t: GoldToponym) -> str | None:
    if t.country:
        from ...geo.gazetteer import get_gazetteer

        gaz = get_gazetteer()
        for i in gaz.lookup(t.country, alternates=False):
            if gaz.entries[i].kind == "country":
                return gaz.entries[i].country
    if t.lat is None or t.lon is None:
        return None
    return country_of_point(t.lat, t.lon)


def _predict(docs: Sequence[GeoDoc]) -> list[list[Any] | str]:
    from ...api import process_many
    from ...model import Article
    from ...pipeline import Failure, build_pipeline

    pipe = build_pipeline(list(STAGES))
    articles = [Article(id=f"{n}", text=d.text, language="en") for n, d in enumerate(docs)]
    out: list[list[Any] | str] = ["not processed"] * len(articles)
    for item in process_many(articles, pipeline=pipe):
        if isinstance(item, Failure):
            out[int(item.article_id)] = f"stage {item.stage}: {item.message}"
        else:
            out[int(item.article.id)] = [(m.start, m.end, p) for p in item.places for m in p.mentions]
    return out


def _best(t: GoldToponym, mentions: list[tuple[int, int, Any]]) -> Any:
    best, best_overlap = None, 0
    for s, e, place in mentions:
        overlap = min(e, t.end) - max(s, t.start)
        if overlap > best_overlap:
            best, best_overlap = place, overlap
    return best


def score_dataset(dataset: str, docs: Sequence[GeoDoc], *, errors: list[dict] | None = None,
                  dev_docs: int | None = None) -> list[Score]:
    """Score ``docs``; the first ``dev_docs`` of them (default: half) are the dev split."""
    t0 = time.perf_counter()
    preds = _predict(docs)
    n_dev = int(len(docs) * DEV_SHARE) if dev_docs is None else dev_docs
    tallies = {"literal": Tally(), "all": Tally(), "dev": Tally(), "holdout": Tally()}
    for k, (d, pred) in enumerate(zip(docs, preds, strict=True)):
        mentions = [] if isinstance(pred, str) else pred
        part = "dev" if k < n_dev else "holdout"
        for t in d.toponyms:
            if t.lat is None or t.lon is None:
                continue
            pops = ["all"]
            if dataset != "geowebnews" or t.type in LITERAL_TYPES:
                pops += ["literal", part]
            place = _best(t, mentions)
            km = None
            if place is not None and place.lat is not None:
                km = haversine_km(t.lat, t.lon, place.lat, place.lon)
            gold_country = _gold_country(t)
            for pop in pops:
                tl = tallies[pop]
                tl.total += 1
                if place is not None:
                    tl.found += 1
                    if km is not None:
                        tl.errors_km.append(km)
                if km is not None and km <= TOLERANCE_KM:
                    tl.within += 1
                if t.geonames_id:
                    tl.gid_total += 1
                    tl.gid_right += int(place is not None and place.geonames_id == t.geonames_id)
                if gold_country:
                    tl.country_total += 1
                    tl.country_right += int(place is not None and place.country == gold_country)
            if errors is not None and part == "dev" and "literal" in pops and (km is None or km > TOLERANCE_KM):
                errors.append({"dataset": dataset, "part": part, "doc": d.doc_id, "gold": t.name, "start": t.start,
                               "gold_lat": t.lat, "gold_lon": t.lon,
                               "found": place.name if place is not None else None,
                               "country": place.country if place is not None else None,
                               "km": round(km, 1) if km is not None else None,
                               "context": d.text[max(0, t.start - 60):t.end + 60],
                               **({"failure": pred} if isinstance(pred, str) else {})})
    secs = time.perf_counter() - t0
    rows = tallies["literal"].scores(dataset, "literal", secs)
    for part in ("dev", "holdout"):
        if tallies[part].total:
            rows += tallies[part].scores(dataset, part, secs)
    if dataset == "geowebnews":
        rows += tallies["all"].scores(dataset, "all", secs)
    return rows


def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
    """Score each corpus present under ``data_dir``; ``limit`` caps the articles per corpus."""
    scores: list[Score] = []
    for dataset in DATASETS:
        path = Path(data_dir) / SOURCES[dataset]
        if not path.exists():
            continue
        docs = read_geoxml(path)
        n_dev = int(len(docs) * DEV_SHARE)
        if limit is not None:
            docs = docs[:limit]
        scores += score_dataset(dataset, docs, errors=errors, dev_docs=n_dev)
    return scores
