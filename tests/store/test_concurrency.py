"""Real processes on one SQLite file: concurrent ingests, and a kill -9 in the middle."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

N_ARTICLES = 200
#: how long to wait for the first committed batch before killing the writer
FIRST_BATCH_TIMEOUT_S = 120


def _jsonl(tmp_path, records):
    p = tmp_path / "articles.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return p


def _ingest_cmd(path, db):
    return [sys.executable, "-m", "warta.cli", "ingest", str(path), "--db", str(db), "--quiet", "--batch-size", "16"]


def _count(db, sql="SELECT count(*) FROM articles"):
    try:
        con = sqlite3.connect(db, timeout=30)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _assert_each_exactly_once(db, records):
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(r["id"] for r in records)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the decomposed rows agree with the stored whole results: nothing was written twice
    stored = sum(len(json.loads(r[0])["events"]) for r in con.execute("SELECT result FROM articles"))
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == stored
    con.close()


@pytest.mark.slow
def test_kill_9_then_rerun_leaves_every_article_once(tmp_path, clickid):
    records = clickid(N_ARTICLES)
    path, db = _jsonl(tmp_path, records), tmp_path / "w.db"
    proc = subprocess.Popen(_ingest_cmd(path, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + FIRST_BATCH_TIMEOUT_S
    while _count(str(db)) == 0 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(str(db))
    assert 0 < partial < N_ARTICLES, "the kill should land mid-run"
    rerun = subprocess.run(_ingest_cmd(path, db), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {partial} (unchanged)" in rerun.stdout
    _assert_each_exactly_once(str(db), records)


@pytest.mark.slow
def test_two_ingests_on_one_sqlite_file(tmp_path, clickid):
    records = clickid(N_ARTICLES // 2)
    path, db = _jsonl(tmp_path, records), tmp_path / "w.db"
    procs = [subprocess.Popen(_ingest_cmd(path, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "failed 0" in out
    _assert_each_exactly_once(str(db), records)


@pytest.mark.slow
def test_processes_opening_a_new_file_at_once_all_get_it(tmp_path):
    # SQLite refuses the switch to WAL at once, without waiting, while another process holds the new file:
    # six processes open each of ten new files at the same instant
    start = time.time() + 4.0
    code = ("import time\nfrom warta.store.engine import make_engine\n"
            f"for n in range(10):\n"
            f"    while time.time() < {start} + 0.3 * n: pass\n"
            f"    make_engine({str(tmp_path)!r} + f'/new{{n}}.db').connect().close()\n"
            "print('ok')")
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(6)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [out.strip() for out, _err in outs] == ["ok"] * 6, [err[-300:] for _out, err in outs if err]
