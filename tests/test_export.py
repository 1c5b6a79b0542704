"""Exports and `warta events --format json` give back exactly what was stored."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from fixtures import example_result, variant

from warta import query as Q
from warta.cli import cli
from warta.export import COLUMNS, export, flat_event
from warta.store import Store


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    s.add(example_result())
    s.add(variant(example_result(), "second", url="https://example.org/b"))
    yield s
    s.close()


def _expected(store):
    rows = list(Q.iter_events(store))
    assert len(rows) == 4
    return [flat_event(r) for r in rows]


def _norm(v):
    return "" if v is None else str(v)


def test_events_json_round_trip(store, tmp_path):
    if store.dialect != "sqlite":
        pytest.skip("the CLI test runs on SQLite; the library path is covered on both")
    out = CliRunner().invoke(cli, ["events", "--db", store.url.replace("sqlite:///", ""), "--format", "json"]).output
    rows = json.loads(out)
    stored = {r["id"]: r for r in Q.iter_events(store)}
    assert {r["id"] for r in rows} == set(stored)
    for r in rows:
        assert r == json.loads(json.dumps(stored[r["id"]], default=str))


def test_jsonl_and_plover(store, tmp_path):
    expected = _expected(store)
    p = tmp_path / "e.jsonl"
    assert export(store, "jsonl", out=p) == 4
    assert [json.loads(line) for line in p.read_text().splitlines()] == expected
    p2 = tmp_path / "e.plover.jsonl"
    export(store, "plover", out=p2)
    first = json.loads(p2.read_text().splitlines()[0])
    assert {"event_type", "actor", "recipient", "location", "event_date", "text"} <= set(first)


def test_csv_round_trip(store, tmp_path):
    expected = _expected(store)
    p = tmp_path / "e.csv"
    export(store, "csv", out=p)
    got = list(csv.DictReader(io.StringIO(p.read_text(encoding="utf-8"))))
    assert list(got[0]) == list(COLUMNS)
    assert got == [{k: _norm(v) for k, v in row.items()} for row in expected]


def test_geojson_round_trip(store, tmp_path):
    expected = [e for e in _expected(store) if e["lat"] is not None]
    p = tmp_path / "e.geojson"
    export(store, "geojson", out=p)
    data = json.loads(p.read_text())
    assert data["type"] == "FeatureCollection"
    assert [f["properties"] for f in data["features"]] == expected
    assert data["features"][0]["geometry"]["coordinates"] == [expected[0]["lon"], expected[0]["lat"]]


def test_parquet_round_trip(store, tmp_path):
    import pyarrow.parquet as pq

    expected = _expected(store)
    p = tmp_path / "e.parquet"
    export(store, "parquet", out=p)
    assert pq.read_table(p).to_pylist() == expected


def test_filtered_export(store, tmp_path):
    from warta.query import EventFilter

    p = tmp_path / "a.jsonl"
    assert export(store, "jsonl", out=p, flt=EventFilter(type="AGREE")) == 2
