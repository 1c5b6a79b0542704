"""The JSON API through an httpx ASGI client on a real store: SQLite always, PostgreSQL when configured."""
from __future__ import annotations

import pytest
from web_fixtures import EXAMPLE_ID, HOSTILE_ID, HOSTILE_TITLE, SCRIPT, Client, filled_app

from warta.errors import InputError
from warta.web.app import MAX_BODY_BYTES, create_app

N_EVENTS = 12  # 8 example + 2 hostile + 2 English


@pytest.fixture
def api(db_url):
    app = filled_app(db_url)
    yield Client(app)
    app.state.store.close()


def ids(resp) -> set[str]:
    return {e["id"] for e in resp.json()["items"]}


def test_events_lists_everything_with_total(api):
    r = api.get("/api/events")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["total"] == N_EVENTS and len(body["items"]) == N_EVENTS
    row = next(e for e in body["items"] if e["id"] == f"{EXAMPLE_ID}-v1")
    assert row["type"] == "ASSAULT" and row["date_start"] == "2024-10-03" and row["trigger"] == "serangan"
    assert [a["key"] for a in row["actors"]] == ["UKR.MIL"] and [a["key"] for a in row["recipients"]] == ["PRK.MIL"]
    assert row["place_name"] == "Donetsk" and row["fatalities_low"] == 6 and row["speaker"] == "Kim Yong-hyun"


@pytest.mark.parametrize("query, expected", [
    ("type=ASSAULT", {f"{EXAMPLE_ID}-v1", "english-1-v1"}),
    ("type=assault&country=RUS", {"english-1-v1"}),
    ("historical=true", {f"{EXAMPLE_ID}-v7"}),
    ("status=expected", {f"{EXAMPLE_ID}-v8"}),
    ("certainty=possible", {f"{EXAMPLE_ID}-v8"}),
    ("since=2024-10-13&until=2024-10-31", {"english-1-v1", f"{EXAMPLE_ID}-v8"}),
    ("actor=Putin", {f"{EXAMPLE_ID}-v4"}),
    ("q=Kharkiv", {"english-1-v1", "english-1-v2"}),
    ("country=UKR&type=ASSAULT&since=2024-10-01&until=2024-10-05", {f"{EXAMPLE_ID}-v1"}),
])
def test_filters_select_the_right_events(api, query, expected):
    r = api.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    assert ids(r) == expected and r.json()["total"] == len(expected)


def test_pagination_and_sorting(api):
    page = api.get("/api/events?limit=5&offset=10&sort=confidence&order=asc").json()
    assert page["total"] == N_EVENTS and len(page["items"]) == 2
    everything = api.get("/api/events?limit=500&sort=confidence&order=asc").json()["items"]
    confs = [e["confidence"] for e in everything]
    assert confs == sorted(confs) and [e["id"] for e in everything[10:]] == [e["id"] for e in page["items"]]


@pytest.mark.parametrize("query, status", [
    ("since=yesterday", 400), ("type=EXPLODE", 400), ("certainty=sure", 400), ("historical=maybe", 400),
    ("sort=title", 400), ("limit=501", 422), ("limit=0", 422), ("offset=-1", 422), ("order=up", 422),
])
def test_bad_parameters_are_refused_with_a_reason(api, query, status):
    r = api.get(f"/api/events?{query}")
    assert r.status_code == status and r.json()["detail"]


def test_event_detail_cites_every_field(api):
    ev = api.get(f"/api/events/{EXAMPLE_ID}-v1").json()
    text = ev["article"]["text"]
    by_kind: dict[str, list[str]] = {}
    for s in ev["spans"]:
        by_kind.setdefault(s["kind"], []).append(text[s["start"]:s["end"]])
    assert by_kind["trigger"] == ["serangan"]
    assert by_kind["actor"] == ["Ukraina"] and by_kind["recipient"] == ["enam perwira Korea Utara"]
    assert by_kind["place"] == ["Donetsk"] and by_kind["time"] == ["pada tanggal 3 Oktober"]
    assert by_kind["cue"] == ["mengatakan"] and by_kind["speaker"] == ["Kim Yong-hyun"]
    assert by_kind["claim"][0].startswith("enam perwira") and by_kind["sentence"][0].startswith("Kim Yong-hyun")
    assert ev["claim"]["certainty"] == "probable" and ev["claim"]["source_chain"] == ["a1"]


def test_article_actor_and_aggregate_endpoints(api):
    art = api.get(f"/api/articles/{EXAMPLE_ID}").json()
    assert art["article"]["published"] == "2024-10-08" and len(art["events"]) == 8 and len(art["claims"]) == 2
    actors = api.get("/api/actors?limit=100").json()
    keys = {a["key"]: a for a in actors["items"]}
    assert keys["PRK"]["events"] == 6 and actors["total"] == len(keys)
    assert {a["key"] for a in api.get("/api/actors?q=korea").json()["items"]} >= {"PRK", "KOR", "PRK.MIL"}
    prk = api.get("/api/actors/PRK").json()
    assert {c["key"] for c in prk["counterparts"]} >= {"KOR", "RUS", "IGOUNO"}
    stats = api.get("/api/stats").json()
    assert stats["articles"] == 3 and stats["events"] == N_EVENTS and stats["by_type"]["ASSAULT"] == 2
    tl = api.get("/api/timeline?type=ASSAULT").json()
    assert {(d["day"], d["count"]) for d in tl} == {("2024-10-03", 1), ("2024-10-13", 1)}
    pts = api.get("/api/map?country=UKR").json()
    assert {p["place_name"] for p in pts} == {"Donetsk", "Ukraina", "Kharkiv"}
    net = api.get("/api/network").json()
    assert {"source": "UKR.MIL", "target": "PRK.MIL", "type": "ASSAULT"}.items() <= next(
        e for e in net["edges"] if e["source"] == "UKR.MIL").items()


def test_missing_things_are_404_json(api):
    for url in ("/api/events/nope-v1", "/api/articles/nope", "/api/actors/NOPE"):
        r = api.get(url)
        assert r.status_code == 404 and r.json() == {"detail": r.json()["detail"]}


def test_hostile_text_travels_as_json_data(api):
    r = api.get(f"/api/articles/{HOSTILE_ID}")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["article"]["title"] == HOSTILE_TITLE and SCRIPT in r.json()["article"]["text"]


def test_security_headers_on_every_response(api):
    for url in ("/api/events", "/api/events/nope", "/", "/static/style.css"):
        h = api.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer"


def test_openapi_schema_and_docs_page(api):
    spec = api.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors", "/api/stats"} <= set(spec["paths"])
    assert {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]} >= {
        "type", "actor", "country", "since", "until", "certainty", "status", "historical", "q", "limit", "offset"}
    assert "/api/articles" not in spec["paths"]  # read-only by default
    docs = api.get("/api/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text


def test_read_only_by_default(api):
    assert api.post("/api/articles", json={"text": "x"}).status_code in (404, 405)


def test_ingest_needs_a_token(tmp_path):
    with pytest.raises(InputError):
        create_app(str(tmp_path / "w.db"), allow_ingest=True)


@pytest.fixture
def ingest_api(tmp_path):
    app = create_app(str(tmp_path / "w.db"), allow_ingest=True, token="s3cret")
    yield Client(app)
    app.state.store.close()


def test_ingest_with_token_extracts_and_stores(ingest_api):
    body = {"text": "Russian forces struck Kharkiv on Monday, killing three people.", "published": "2024-10-14",
            "language": "en", "id": "kharkiv-1"}
    assert ingest_api.post("/api/articles", json=body).status_code == 401
    assert ingest_api.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = ingest_api.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "kharkiv-1" and r.json()["events"] >= 1
    stored = ingest_api.get("/api/articles/kharkiv-1")
    assert stored.status_code == 200 and stored.json()["article"]["published"].startswith("2024-10-14")
    assert any(e["type"] == "ASSAULT" for e in stored.json()["events"])
    assert ingest_api.post("/api/articles", json={"text": ""}, headers={"Authorization": "Bearer s3cret"}).status_code == 422


def test_request_bodies_are_bounded(ingest_api):
    big = b'{"text": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}'
    r = ingest_api.post("/api/articles", content=big, headers={"Authorization": "Bearer s3cret",
                                                                "Content-Type": "application/json"})
    assert r.status_code == 413
    assert ingest_api.get("/api/stats").json()["articles"] == 0


def test_loopback_host_check_refuses_rebinding(tmp_path):
    app = create_app(str(tmp_path / "w.db"), allowed_hosts=["127.0.0.1", "localhost"])
    assert Client(app).get("/api/stats").status_code == 200
    assert Client(app, host="evil.example").get("/api/stats").status_code == 400


def test_serve_binds_loopback_and_checks_the_host_by_default(tmp_path, monkeypatch):
    import uvicorn

    from warta.web import app as web_app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    web_app.serve(str(tmp_path / "w.db"))
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert Client(seen["app"], host="evil.example").get("/api/stats").status_code == 400
    assert Client(seen["app"], host="localhost").get("/api/stats").status_code == 200
    assert Client(seen["app"]).post("/api/articles", json={"text": "x"}).status_code in (404, 405)
