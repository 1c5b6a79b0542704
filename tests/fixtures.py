"""Hand-built contract results for store, query, export and web tests (no models involved)."""
from __future__ import annotations

import copy
from typing import Any

EXAMPLE_TEXT = (
    "Pasukan Korea Utara bertarung untuk Rusia di Ukraina: Seoul | Berita Perang\n\n"
    "Kim Yong-hyun mengatakan pada hari Selasa bahwa “sangat mungkin” enam perwira Korea Utara tewas dalam "
    "serangan misil Ukraina di dekat Donetsk pada tanggal 3 Oktober. Putin dan pemimpin Korea Utara Kim Jong Un "
    "pada bulan Juni mengadopsi kemitraan strategis."
)


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def example_result(article_id: str = "example-1", *, text: str = EXAMPLE_TEXT, title: str | None = None,
                   published: str | None = "2024-10-08", url: str | None = "https://example.org/a") -> dict[str, Any]:
    """A result shaped exactly like ``warta.extract`` output, with two events and one claim."""
    t = text
    s1 = _find(t, "Kim Yong-hyun mengatakan")[0], _find(t, "3 Oktober.")[1]
    s2 = _find(t, "Putin dan")[0], len(t)
    kim = _find(t, "Kim Yong-hyun")
    ukr = _find(t, "Ukraina", 1)
    prk = _find(t, "perwira Korea Utara")
    putin = _find(t, "Putin")
    kju = _find(t, "Kim Jong Un")
    donetsk = _find(t, "Donetsk")
    tue = _find(t, "pada hari Selasa")
    oct3 = _find(t, "3 Oktober")
    june = _find(t, "bulan Juni")
    say = _find(t, "mengatakan")
    claim = _find(t, "enam perwira")[0], _find(t, "3 Oktober")[1]
    return {
        "contract": "1",
        "article": {"id": article_id, "title": title if title is not None else t.split(" | ")[0], "text": t,
                    "language": "id", "published": published, "url": url, "source": "test"},
        "sentences": [{"start": s1[0], "end": s1[1]}, {"start": s2[0], "end": s2[1]}],
        "entities": [{"id": "e1", "start": kim[0], "end": kim[1], "text": "Kim Yong-hyun", "label": "PERSON"}],
        "actors": [
            {"id": "a1", "name": "Kim Yong-hyun", "kind": "person", "country": "KOR", "sector": "GOV",
             "role": "minister of defence", "code": None, "mentions": [{"start": kim[0], "end": kim[1]}]},
            {"id": "a2", "name": "Ukraina", "kind": "state", "country": "UKR", "sector": "MIL", "role": None,
             "code": "UKR", "mentions": [{"start": ukr[0], "end": ukr[1]}]},
            {"id": "a3", "name": "perwira Korea Utara", "kind": "group", "country": "PRK", "sector": "MIL",
             "role": None, "code": "PRK.MIL", "mentions": [{"start": prk[0], "end": prk[1]}]},
            {"id": "a4", "name": "Putin", "kind": "person", "country": "RUS", "sector": "GOV", "role": "president",
             "code": "P:vladimir-putin", "mentions": [{"start": putin[0], "end": putin[1]}]},
            {"id": "a5", "name": "Kim Jong Un", "kind": "person", "country": "PRK", "sector": "GOV", "role": "leader",
             "code": "P:kim-jong-un", "mentions": [{"start": kju[0], "end": kju[1]}]},
        ],
        "places": [{"id": "p1", "name": "Donetsk", "country": "UKR", "lat": 48.023, "lon": 37.80224,
                    "geonames_id": 709717, "precision": "city", "mentions": [{"start": donetsk[0], "end": donetsk[1]}]}],
        "times": [
            {"id": "t1", "text": "pada hari Selasa", "start": tue[0], "end": tue[1], "value": "2024-10-08",
             "earliest": "2024-10-08", "latest": "2024-10-08", "granularity": "day"},
            {"id": "t2", "text": "3 Oktober", "start": oct3[0], "end": oct3[1], "value": "2024-10-03",
             "earliest": "2024-10-03", "latest": "2024-10-03", "granularity": "day"},
            {"id": "t3", "text": "bulan Juni", "start": june[0], "end": june[1], "value": "2024-06",
             "earliest": "2024-06-01", "latest": "2024-06-30", "granularity": "month"},
        ],
        "claims": [{"id": "c1", "speaker": "a1", "cue": "mengatakan", "start": claim[0], "end": claim[1],
                    "polarity": "affirm", "certainty": "probable", "source_chain": ["a1"], "kind": "indirect",
                    "cue_span": {"start": say[0], "end": say[1]}, "speaker_span": {"start": kim[0], "end": kim[1]}}],
        "events": [
            {"id": "v1", "type": "ASSAULT", "mode": "aerial", "context": ["military"], "actors": ["a2"],
             "recipients": ["a3"], "place": "p1", "time": "t2", "fatalities": {"low": 6, "high": 6}, "injured": None,
             "polarity": "positive", "certainty": "probable", "status": "occurred", "historical": False,
             "claim": "c1", "evidence": {"sentence": {"start": s1[0], "end": s1[1]},
                                         "trigger": dict(zip(("start", "end"), _find(t, "serangan")))},
             "confidence": 0.8, "coder": "test/1"},
            {"id": "v2", "type": "AGREE", "mode": None, "context": ["diplomatic"], "actors": ["a4", "a5"],
             "recipients": [], "place": None, "time": "t3", "fatalities": None, "injured": None,
             "polarity": "positive", "certainty": "certain", "status": "occurred", "historical": False,
             "claim": None, "evidence": {"sentence": {"start": s2[0], "end": s2[1]},
                                         "trigger": dict(zip(("start", "end"), _find(t, "mengadopsi")))},
             "confidence": 0.7, "coder": "test/1"},
        ],
        "pipeline": {"version": "test", "stages": ["hand"]},
        "warnings": [],
    }


def variant(result: dict[str, Any], article_id: str, **article_fields: Any) -> dict[str, Any]:
    out = copy.deepcopy(result)
    out["article"]["id"] = article_id
    out["article"].update(article_fields)
    return out
