from __future__ import annotations

import pytest

import warta
from warta.errors import InputError, StageError


def test_example_validates_against_schema(example_extract, validate, example_text):
    validate(example_extract)
    assert example_extract["article"]["text"] == example_text
    assert example_extract["article"]["published"] == "2024-10-08"
    assert example_extract["article"]["language"] == "id"
    assert example_extract["pipeline"]["stages"][0] == "language"


def test_every_span_lies_within_the_text(example_extract):
    text = example_extract["article"]["text"]
    n = len(text)
    spans = [(s["start"], s["end"]) for s in example_extract["sentences"]]
    spans += [(e["start"], e["end"]) for e in example_extract["entities"]]
    spans += [(m["start"], m["end"]) for k in ("actors", "places") for x in example_extract[k] for m in x["mentions"]]
    spans += [(t["start"], t["end"]) for t in example_extract["times"]]
    spans += [(c["start"], c["end"]) for c in example_extract["claims"]]
    for ev in example_extract["events"]:
        spans += [(ev["evidence"]["sentence"]["start"], ev["evidence"]["sentence"]["end"]),
                  (ev["evidence"]["trigger"]["start"], ev["evidence"]["trigger"]["end"])]
    assert spans and all(0 <= s < e <= n for s, e in spans)
    for e in example_extract["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]


def test_missing_published_warns():
    out = warta.extract("Rusia menyerang Ukraina kemarin.")
    assert out["article"]["published"] is None
    assert "no publication date: relative dates left unresolved" in out["warnings"]


def test_extract_many_matches_extract_and_keeps_order(clickid, validate):
    records = clickid(12)
    many = list(warta.extract_many(records, batch_size=5))
    assert [m["article"]["id"] for m in many] == [r["id"] for r in records]
    single = warta.extract(records[3]["text"], title=records[3]["title"], published=records[3]["published"],
                           url=records[3]["url"], source=records[3]["source"], article_id=records[3]["id"])
    assert many[3] == single
    for m in many:
        validate(m)


def test_extract_many_error_policies():
    recs = [{"id": "ok", "text": "Rusia menyerang Ukraina."}, {"id": "bad", "text": ""}]
    with pytest.raises(InputError):
        list(warta.extract_many(recs))


def test_extract_many_includes_stage_failures(monkeypatch):
    from warta.stages.sentences import SentenceStage

    original = SentenceStage.__call__

    def flaky(self, doc):
        if "MELEDAK" in doc.article.text:
            raise RuntimeError("segmenter exploded")
        return original(self, doc)

    monkeypatch.setattr(SentenceStage, "__call__", flaky)
    monkeypatch.setattr(SentenceStage, "pipe", lambda self, docs: [flaky(self, d) for d in docs], raising=False)
    recs = [{"id": "a", "text": "Rusia menyerang Ukraina."}, {"id": "b", "text": "MELEDAK di sini."}]
    out = list(warta.extract_many(recs, errors="include"))
    assert out[0]["article"]["id"] == "a"
    assert out[1] == {"id": "b", "error": {"stage": "sentences", "message": "RuntimeError: segmenter exploded"}}
    assert [o["article"]["id"] for o in warta.extract_many(recs, errors="skip")] == ["a"]
    with pytest.raises(StageError, match="stage 'sentences' failed"):
        list(warta.extract_many(recs))


@pytest.mark.slow
def test_500_clickid_articles_validate(clickid, validate):
    n = 0
    for result in warta.extract_many(clickid(500), batch_size=64):
        validate(result)
        n += 1
    assert n == 500


def test_extract_many_keeps_repeated_ids():
    recs = [{"id": "same", "text": "Rusia menyerang Ukraina."}, {"id": "same", "text": "Korea Utara menolak tuduhan."}]
    out = list(warta.extract_many(recs))
    assert [o["article"]["text"] for o in out] == [r["text"] for r in recs]
