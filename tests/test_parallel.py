"""Multiprocessing (warta.parallel): same results, same order, failures with their stage, store written by the parent."""
from __future__ import annotations

import os

import pytest

from warta import query as Q
from warta.api import extract_many
from warta.errors import InputError
from warta.ingest import BadRecord, article_from_record, article_from_text
from warta.model import Document
from warta.parallel import can_fork, contracts_many, resolve_processes
from warta.pipeline import Pipeline, build_pipeline
from warta.runner import ingest_articles
from warta.store import Store

needs_fork = pytest.mark.skipif(not can_fork(), reason="worker processes are forked only where fork is safe")


class _FailOn:
    """A test stage: raises on article ids ending in 'x'; records the process id it ran in."""

    name = "boom"
    requires = ("article",)
    assigns = ()

    def __call__(self, doc: Document) -> Document:
        if doc.article.id.endswith("x"):
            raise ValueError(f"bad article {doc.article.id}")
        doc.warnings.append(f"pid {os.getpid()}")
        return doc


def _small_pipeline() -> Pipeline:
    pipe = build_pipeline(["language", "sentences"])
    pipe.stages.append(_FailOn())
    return pipe


def _articles(n: int) -> list:
    # every 4th article fails in the test stage
    return [article_from_text(f"Rusia menyerang Ukraina pada hari ke-{i}.", article_id=f"a{i}" + ("x" if i % 4 == 3 else ""))
            for i in range(n)]


def test_resolve_processes():
    assert resolve_processes(1) == 1 and resolve_processes("2") == 2
    assert resolve_processes("auto") == (os.cpu_count() or 1)
    with pytest.raises(InputError):
        resolve_processes(0)
    with pytest.raises(InputError):
        resolve_processes("many")


@needs_fork
def test_order_failures_and_workers():
    arts = _articles(20)
    out = list(contracts_many(arts, pipeline=_small_pipeline(), n_process=2, batch_size=3))
    assert len(out) == 20
    for i, (a, o) in enumerate(zip(arts, out)):
        if i % 4 == 3:
            assert not isinstance(o, dict)
            assert (o.article_id, o.stage) == (a.id, "boom") and o.message == f"ValueError: bad article {a.id}"
        else:
            assert o["article"]["id"] == a.id
    pids = {w for o in out if isinstance(o, dict) for w in o["warnings"] if w.startswith("pid")}
    # the first articles run in this process (they load the models), the rest in the workers
    assert f"pid {os.getpid()}" in pids and len(pids) >= 2


@needs_fork
def test_worker_stage_times_reach_the_parent():
    pipe = _small_pipeline()
    list(contracts_many(_articles(12), pipeline=pipe, n_process=2, batch_size=2))
    assert set(pipe.timings) >= {"language", "sentences", "boom"}


@needs_fork
def test_extract_many_two_processes_equals_one(clickid):
    records = clickid(20)
    one = list(extract_many(records, batch_size=4, errors="include"))
    two = list(extract_many(records, batch_size=4, errors="include", n_process=2))
    assert [r["article"]["id"] for r in two] == [str(r["id"]) for r in records]
    assert two == one


@needs_fork
def test_ingest_two_processes(tmp_path):
    arts = _articles(20)
    items = [*arts[:10], BadRecord(message="not JSON", where="x.jsonl:3"), *arts[10:]]
    with Store(str(tmp_path / "w.db")) as store:
        s = ingest_articles(items, store=store, pipeline=_small_pipeline(), batch_size=3, n_process=2)
        assert (s.ingested, s.failed, s.skipped) == (15, 6, 0)
        stages = sorted(f["stage"] for f in s.failures)
        assert stages == ["boom"] * 5 + ["input"]
        assert {f["article_id"] for f in s.failures if f["stage"] == "boom"} == {a.id for a in arts if a.id.endswith("x")}
        assert Q.stats(store)["articles"] == 15
        again = ingest_articles(arts, store=store, pipeline=_small_pipeline(), batch_size=3, n_process=2)
        assert (again.ingested, again.skipped) == (0, 15)


@needs_fork
def test_cli_ingest_processes(tmp_path):
    import json

    from click.testing import CliRunner

    from warta.cli import cli

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"j{i}", "text": f"Polisi menangkap {i} orang di Medan."}) + "\n"
                            for i in range(6)), encoding="utf-8")
    db = str(tmp_path / "w.db")
    r = CliRunner().invoke(cli, ["ingest", str(feed), "--db", db, "--quiet", "--processes", "2", "--batch-size", "2"])
    assert r.exit_code == 0, r.output
    assert "ingested 6, skipped 0 (unchanged), failed 0" in r.output
    bad = CliRunner().invoke(cli, ["ingest", str(feed), "--db", db, "--processes", "0"])
    assert bad.exit_code != 0 and "not a process count" in bad.output
