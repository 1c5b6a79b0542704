"""The command line: the happy paths, and every bad input from the issue as one clear sentence."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from fixtures import example_result

from warta import query as Q
from warta.cli import cli
from warta.store import Store


def run(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, output
    return lines[0]


def test_help_of_every_command_has_an_example():
    for name, cmd in cli.commands.items():
        assert "Example:" in (cmd.help or ""), f"warta {name} --help has no Example"


def test_demo_prints_summary_and_writes_json(tmp_path):
    out = tmp_path / "demo.json"
    db = tmp_path / "demo.db"
    r = run("demo", "--db", str(db), "--out", str(out))
    assert r.exit_code == 0
    assert "Pasukan Korea Utara bertarung untuk Rusia di Ukraina: Seoul" in r.output
    data = json.loads(out.read_text())
    assert data["article"]["published"] == "2024-10-08"
    with Store(str(db)) as store:
        assert Q.stats(store)["articles"] == 1


def test_extract_stdin_and_text_format(example_text):
    r = run("extract", "-", "--published", "2024-10-08", "--format", "text", input=example_text)
    assert r.exit_code == 0 and "(published: 2024-10-08, language: id)" in r.output


def test_extract_file_json(tmp_path, example_text, validate):
    p = tmp_path / "a.txt"
    p.write_text(example_text, encoding="utf-8")
    r = run("extract", str(p), "--published", "2024-10-08")
    validate(json.loads(r.output))


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02PK\x03\x04", "looks like a binary file"),
    ("Kabar dari Bandung: caf\xe9".encode("latin-1"), "is not UTF-8 text"),
])
def test_extract_bad_files(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = run("extract", str(p))
    assert r.exit_code == 2
    assert message in _one_error_line(r.output)


def test_extract_invalid_published(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Rusia menyerang Ukraina.")
    r = run("extract", str(p), "--published", "8 Oktober 2024")
    assert r.exit_code == 2
    assert "is not a date: write it as YYYY-MM-DD" in _one_error_line(r.output)


def test_extract_huge_text_refused_with_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("Rusia menyerang Ukraina. " * 840_000)  # about 20 MB
    r = run("extract", str(p))
    assert r.exit_code == 2
    line = _one_error_line(r.output)
    assert "more than the limit of 1,000,000" in line and "--max-chars" in line


def test_ingest_mixed_inputs_keeps_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Judul\n\nPasukan Rusia menyerang Kharkiv pada hari Selasa.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x00\x00")
    (folder / "latin.txt").write_bytes("Caf\xe9 di Jakarta".encode("latin-1"))
    big = "Rusia menyerang Ukraina. " * 840_000
    (folder / "feed.jsonl").write_text(
        '{"id": "j1", "text": "Korea Utara menolak tuduhan itu.", "published": "2024-10-08"}\n'
        "{broken json\n"
        + json.dumps({"id": "j3", "text": big}) + "\n"
        + '{"id": "j4", "text": "Polisi menangkap dua orang di Medan.", "published": "not-a-date"}\n'
        + '{"id": "j5", "text": "Presiden menandatangani perjanjian.", "published": "2024-10-07"}\n',
        encoding="utf-8")
    db = str(tmp_path / "w.db")
    r = run("ingest", str(folder), "--db", db, "--quiet")
    assert r.exit_code == 0, r.output
    assert "ingested 3, skipped 0 (unchanged), failed 6" in r.output
    assert "feed.jsonl:2: line 2 is not valid JSON" in r.output
    with Store(db) as store:
        s = Q.stats(store)
        assert (s["articles"], s["failures"]) == (3, 6)
        stages = {f["stage"] for f in Q.list_failures(store)}
        assert stages == {"input"}
    again = run("ingest", str(folder), "--db", db, "--quiet")
    assert "ingested 0, skipped 3 (unchanged), failed 6" in again.output


def test_ingest_reprocess(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "x", "text": "Rusia menyerang Ukraina."}\n')
    db = str(tmp_path / "w.db")
    run("ingest", str(p), "--db", db, "--quiet")
    r = run("ingest", str(p), "--db", db, "--quiet", "--reprocess")
    assert "ingested 1, skipped 0" in r.output


def test_unreachable_database(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Rusia menyerang Ukraina.")
    r = run("ingest", str(p), "--db", "postgresql://warta:pw@127.0.0.1:1/nothing")
    assert r.exit_code == 1
    line = _one_error_line(r.output)
    assert "cannot open the database postgresql+psycopg://warta@127.0.0.1:1/nothing" in line
    assert "pw" not in line


def test_events_stats_search_show(example_stored, sqlite_url):
    r = run("events", "--db", sqlite_url, "--format", "json", "--type", "ASSAULT")
    rows = json.loads(r.output)
    assert [x["id"] for x in rows] == ["example-1-v1"]
    stats = json.loads(run("stats", "--db", sqlite_url, "--format", "json").output)
    assert {"articles", "events", "failures", "actors", "places"} <= set(stats)
    assert json.loads(run("search", "Donetsk", "--db", sqlite_url, "--format", "json").output)[0]["id"] == "example-1"
    shown = run("show", "example-1", "--db", sqlite_url)
    assert "ASSAULT" in shown.output and "Donetsk" in shown.output
    missing = run("show", "nope", "--db", sqlite_url)
    assert missing.exit_code == 2 and "no article with id 'nope'" in missing.output


def test_bad_filter_value_is_one_sentence(example_stored, sqlite_url):
    r = run("events", "--db", sqlite_url, "--type", "BOMBING")
    assert r.exit_code == 2 and "unknown event type 'BOMBING'" in _one_error_line(r.output)
    r = run("events", "--db", sqlite_url, "--since", "yesterday")
    assert r.exit_code == 2 and "is not a date" in _one_error_line(r.output)


def test_real_entry_point_has_no_traceback_without_debug(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\x00\x01")
    proc = subprocess.run([sys.executable, "-m", "warta.cli", "extract", str(p)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error:") and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "warta.cli", "--debug", "extract", str(p)], capture_output=True, text=True)
    assert "Traceback" in proc.stderr


def test_llm_coder_unreachable_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("WARTA_LLM_MODEL", "stub")
    p = tmp_path / "a.txt"
    p.write_text("Rusia menyerang Ukraina pada hari Selasa.")
    r = run("extract", str(p), "--coder", "llm")
    assert r.exit_code == 1
    assert "stage 'events' failed: LLMError" in _one_error_line(r.output)
