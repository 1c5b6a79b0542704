from __future__ import annotations

import pytest
from fixtures import example_result, variant

from warta import query as Q
from warta.errors import StoreError
from warta.runner import ingest_articles
from warta.ingest import article_from_record
from warta.store import Store
from warta.store.engine import normalise_url


def test_urls_are_normalised():
    assert normalise_url("x.db") == "sqlite:///x.db"
    assert normalise_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    assert normalise_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_add_replaces_an_article(db_url):
    with Store(db_url) as store:
        store.add(example_result())
        store.add(example_result())
        s = Q.stats(store)
        assert (s["articles"], s["events"], s["claims"], s["places"], s["times"]) == (1, 2, 1, 1, 3)
        changed = example_result()
        changed["events"] = changed["events"][:1]
        store.add(changed)
        assert Q.stats(store)["events"] == 1


def test_stored_result_round_trips(db_url):
    with Store(db_url) as store:
        result = example_result()
        store.add(result)
        assert Q.get_article(store, "example-1")["article"]["result"] == result


def test_filters(db_url):
    with Store(db_url) as store:
        store.add(example_result())
        store.add(variant(example_result(), "other", published="2023-01-01"))
        ids = lambda **kw: sorted(r["id"] for r in store.events(**kw))  # noqa: E731
        assert ids(type="ASSAULT") == ["example-1-v1", "other-v1"]
        assert ids(actor="Putin") == ["example-1-v2", "other-v2"]
        assert ids(actor="PRK") == ["example-1-v1", "example-1-v2", "other-v1", "other-v2"]
        assert ids(country="UKR", article_id="other") == ["other-v1"]
        assert ids(certainty="probable") == ["example-1-v1", "other-v1"]
        from datetime import date
        assert ids(since=date(2024, 9, 1)) == ["example-1-v1", "other-v1"]
        assert ids(until=date(2024, 6, 15)) == ["example-1-v2", "other-v2"]
        assert ids(q="Donetsk", type="AGREE") == ["example-1-v2", "other-v2"]


def test_failures_are_recorded(db_url):
    with Store(db_url) as store:
        store.record_failure(stage="input", message="line 3 is not valid JSON", location="a.jsonl:3")
        assert Q.stats(store)["failures"] == 1
        assert Q.list_failures(store)[0]["location"] == "a.jsonl:3"


def test_unreachable_database_is_one_sentence(tmp_path):
    with pytest.raises(StoreError, match="cannot open the database"):
        Store("postgresql://nobody:secret@127.0.0.1:1/none")
    with pytest.raises(StoreError) as err:
        Store(str(tmp_path / "missing-dir" / "x.db"))
    assert "secret" not in str(err.value)


@pytest.mark.slow
def test_ingest_1000_clickid_articles_counts_match_and_rerun_adds_nothing(db_url, clickid):
    records = clickid(1000)
    with Store(db_url) as store:
        first = ingest_articles((article_from_record(r) for r in records), store=store)
        assert (first.ingested, first.skipped, first.failed) == (1000, 0, 0)
        assert Q.stats(store)["articles"] == 1000
        before = Q.stats(store)
        second = ingest_articles((article_from_record(r) for r in records), store=store)
        assert (second.ingested, second.skipped, second.failed) == (0, 1000, 0)
        assert Q.stats(store) == before
