"""The one conftest: shared paths, databases and the example article.

PostgreSQL: tests marked ``postgres`` use ``$WARTA_TEST_POSTGRES_URL`` (CI sets it);
locally they skip with the reason when no server answers.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/fixtures.py

from fixtures import example_result  # noqa: E402

DATA_DIR = Path(os.environ.get("WARTA_DATA", REPO.parent / "shared" / "data"))
EXAMPLE_FILE = REPO / "warta" / "resources" / "examples" / "korea-utara-rusia-ukraina.id.txt"
EXAMPLE_PUBLISHED = "2024-10-08"
CLICKID = DATA_DIR / "indonesian-news-clickid" / "articles.jsonl.gz"
SCHEMA_FILE = REPO / "docs" / "contract.schema.json"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA_DIR.exists():
        pytest.skip(f"gold data not found at {DATA_DIR} (set WARTA_DATA)")
    return DATA_DIR


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_extract(example_text):
    """The example article through the full default pipeline (computed once per session)."""
    import warta

    return warta.extract(example_text, published=EXAMPLE_PUBLISHED)


@pytest.fixture(scope="session")
def contract_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def validate(contract_schema):
    import jsonschema

    validator = jsonschema.Draft202012Validator(contract_schema)

    def check(result: dict) -> None:
        errors = sorted(validator.iter_errors(result), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


def clickid_records(n: int, *, offset: int = 0) -> list[dict]:
    """The first ``n`` CLICK-ID articles as ingest records (id, title, text, published, url, source)."""
    out = []
    with gzip.open(CLICKID, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < offset:
                continue
            if len(out) >= n:
                break
            r = json.loads(line)
            if not (r.get("content") or "").strip():
                continue
            out.append({"id": r["id"], "title": r.get("title"), "text": r["content"], "published": r.get("date"),
                        "url": r.get("url"), "source": r.get("source")})
    return out


@pytest.fixture(scope="session")
def clickid(data_dir):
    if not CLICKID.exists():
        pytest.skip(f"CLICK-ID articles not found at {CLICKID}")
    return clickid_records


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return str(tmp_path / "warta-test.db")


def _postgres_base_url() -> str | None:
    return os.environ.get("WARTA_TEST_POSTGRES_URL")


@pytest.fixture
def postgres_url():
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    base = _postgres_base_url()
    if not base:
        pytest.skip("PostgreSQL not configured: set WARTA_TEST_POSTGRES_URL (CI does)")
    import psycopg

    try:
        admin = psycopg.connect(base, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL at WARTA_TEST_POSTGRES_URL does not answer: {str(exc).splitlines()[0]}")
    name = f"warta_t_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Each store test runs on a real SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "warta-test.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def example_stored(sqlite_url):
    """A SQLite store holding the hand-built example result."""
    from warta.store import Store

    store = Store(sqlite_url)
    store.add(example_result())
    yield store
    store.close()
