"""Exports: one row per event, as JSONL, CSV, GeoJSON, Parquet or PLOVER-shaped JSON.

Example:
    >>> flat_event({"id": "a-v1", "actors": [{"name": "Rusia", "key": "RUS", "country": "RUS"}],
    ...             "recipients": [], "context": []})["actor_names"]
    'Rusia'
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .query import EventFilter, iter_events
from .store import Store

FORMATS = ("jsonl", "csv", "geojson", "parquet", "plover")
#: separator inside one CSV cell holding several actors
LIST_SEPARATOR = "; "
#: the columns of every flat export, in order
COLUMNS = (
    "event_id", "article_id", "type", "mode", "context", "actor_names", "actor_codes", "actor_countries",
    "recipient_names", "recipient_codes", "recipient_countries", "place_name", "place_country", "lat", "lon",
    "geonames_id", "date_start", "date_end", "time_text", "certainty", "status", "polarity", "historical",
    "fatalities_low", "fatalities_high", "injured_low", "injured_high", "speaker", "confidence", "coder",
    "evidence", "trigger", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "title", "url",
    "published",
)


def flat_event(row: dict[str, Any]) -> dict[str, Any]:
    """An event row from ``warta.query`` → the flat export record (``COLUMNS``)."""
    def names(role: str, field: str) -> str:
        return LIST_SEPARATOR.join(str(a.get(field) or "") for a in row.get(role, []))

    return {
        "event_id": row["id"], "article_id": row.get("article_id"), "type": row.get("type"), "mode": row.get("mode"),
        "context": LIST_SEPARATOR.join(row.get("context") or []),
        "actor_names": names("actors", "name"), "actor_codes": names("actors", "key"),
        "actor_countries": names("actors", "country"),
        "recipient_names": names("recipients", "name"), "recipient_codes": names("recipients", "key"),
        "recipient_countries": names("recipients", "country"),
        "place_name": row.get("place_name"), "place_country": row.get("place_country"),
        "lat": row.get("lat"), "lon": row.get("lon"), "geonames_id": row.get("geonames_id"),
        "date_start": row.get("date_start"), "date_end": row.get("date_end"), "time_text": row.get("time_text"),
        "certainty": row.get("certainty"), "status": row.get("status"), "polarity": row.get("polarity"),
        "historical": row.get("historical"), "fatalities_low": row.get("fatalities_low"),
        "fatalities_high": row.get("fatalities_high"), "injured_low": row.get("injured_low"),
        "injured_high": row.get("injured_high"), "speaker": row.get("speaker"), "confidence": row.get("confidence"),
        "coder": row.get("coder"), "evidence": row.get("sentence"), "trigger": row.get("trigger"),
        "sentence_start": row.get("sentence_start"), "sentence_end": row.get("sentence_end"),
        "trigger_start": row.get("trigger_start"), "trigger_end": row.get("trigger_end"),
        "title": row.get("title"), "url": row.get("url"), "published": row.get("published"),
    }


def plover_event(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style record (event_type, mode, context, actor/recipient with codes, location, date)."""
    def actors(role: str) -> list[dict[str, Any]]:
        return [{"name": a["name"], "code": a.get("key"), "country": a.get("country"), "sector": a.get("sector")}
                for a in row.get(role, [])]

    return {
        "id": row["id"], "event_type": row.get("type"), "mode": row.get("mode"), "context": row.get("context") or [],
        "event_date": row.get("date_start"), "event_date_end": row.get("date_end"),
        "actor": actors("actors"), "recipient": actors("recipients"),
        "location": {"name": row.get("place_name"), "country": row.get("place_country"),
                     "lat": row.get("lat"), "lon": row.get("lon"), "geonames_id": row.get("geonames_id")},
        "fatalities": {"low": row.get("fatalities_low"), "high": row.get("fatalities_high")},
        "certainty": row.get("certainty"), "status": row.get("status"), "polarity": row.get("polarity"),
        "historical": row.get("historical"), "source": {"speaker": row.get("speaker")},
        "text": row.get("sentence"), "trigger": row.get("trigger"),
        "article": {"id": row.get("article_id"), "url": row.get("url"), "title": row.get("title"),
                    "published": row.get("published")},
        "coder": row.get("coder"), "confidence": row.get("confidence"),
    }


def _write_json_lines(rows: Iterable[dict[str, Any]], out: IO[str], shape) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(shape(row), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return _write_json_lines(rows, out, flat_event)


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(flat_event(row))
        n += 1
    return n


def geojson_features(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events with coordinates as GeoJSON Features (events without a place are left out)."""
    for row in rows:
        flat = flat_event(row)
        if flat["lat"] is None or flat["lon"] is None:
            continue
        yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": [flat["lon"], flat["lat"]]},
               "properties": flat}


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feat in geojson_features(rows):
        out.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_plover(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    return _write_json_lines(rows, out, plover_event)


def write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        (c, pa.float64() if c in ("lat", "lon", "confidence") else
         pa.int64() if c in ("geonames_id", "fatalities_low", "fatalities_high", "injured_low", "injured_high",
                             "sentence_start", "sentence_end", "trigger_start", "trigger_end") else
         pa.bool_() if c == "historical" else pa.string())
        for c in COLUMNS
    ])
    writer = pq.ParquetWriter(str(path), schema)
    n = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(flat_event(row))
        if len(batch) >= 5000:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
            batch = []
    if batch or n == 0:
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    writer.close()
    return n


def export(store: Store, fmt: str, *, out: Path | None = None, flt: EventFilter | None = None,
           stream: IO[str] | None = None) -> int:
    """Write every event matching ``flt`` in ``fmt`` to ``out`` (or ``stream``); returns the count."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'", hint=f"use one of {', '.join(FORMATS)}")
    rows = iter_events(store, flt)
    if fmt == "parquet":
        if out is None:
            raise InputError("parquet needs a file", hint="add --out events.parquet")
        return write_parquet(rows, out)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson, "plover": write_plover}[fmt]
    if out is not None:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return writer(rows, fh)
    return writer(rows, stream or io.StringIO())
