"""Server-rendered pages: filters in the URL, evidence highlighting, hostile text, no inline script, downloads."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from web_fixtures import EXAMPLE_ID, HOSTILE_ID, IMG, SCRIPT, Client, filled_app, strip_tags

from warta.store import Store
from warta.web.app import create_app

PAGES = ["/", "/?type=COERCE", f"/events/{EXAMPLE_ID}-v1", f"/events/{HOSTILE_ID}-v1", f"/events/{HOSTILE_ID}-v2",
         f"/articles/{EXAMPLE_ID}", f"/articles/{HOSTILE_ID}", "/actors", "/actors/IDN.COP", "/actors/PRK",
         "/timeline", "/map", "/network", "/api/docs", "/nope", "/?since=bad"]


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    app = filled_app(str(tmp_path_factory.mktemp("web") / "warta.db"))
    yield Client(app)
    app.state.store.close()


@pytest.mark.parametrize("url", PAGES)
def test_hostile_markup_never_reaches_a_page_raw(web, url):
    html = web.get(url).text
    assert SCRIPT not in html and IMG not in html and "<img" not in html


@pytest.mark.parametrize("url", PAGES)
def test_pages_carry_no_inline_script_style_or_handlers(web, url):
    html = web.get(url).text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"<[^>]+\sstyle=", html)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html)
    # every script, stylesheet and image comes from this server
    assert not re.search(r'<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?//', html)


def test_source_urls_link_only_when_they_are_web_addresses(web):
    assert '<a class="break" href="https://example.org/korea-utara" rel="noopener noreferrer nofollow">' in web.get(
        f"/articles/{EXAMPLE_ID}").text
    hostile = web.get(f"/articles/{HOSTILE_ID}").text
    assert 'href="javascript:' not in hostile and "javascript:alert(1)" in hostile


def test_hostile_article_shows_its_markup_as_text(web):
    html = web.get(f"/articles/{HOSTILE_ID}").text
    assert "Breaking &lt;script&gt;alert(1)&lt;/script&gt; news &lt;img src=x onerror=alert(1)&gt; &amp; more" in html
    # data for the charts is JSON inside a non-executing block, with < > & escaped
    map_html = web.get("/map").text
    block = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', map_html, re.S).group(1)
    assert "\\u003cscript\\u003e" in block
    assert any(p["place_name"] == f"Jakarta {SCRIPT}" for p in json.loads(block))


def test_event_page_highlights_every_cited_field(web):
    html = web.get(f"/events/{EXAMPLE_ID}-v1").text
    text = re.search(r'<div class="article-text"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert '<span class="hl k-sentence k-claim k-trigger">serangan</span>' in text
    for kind, words in [("actor", "Ukraina"), ("place", "Donetsk"), ("speaker", "Kim Yong-hyun"), ("cue", "mengatakan")]:
        assert re.search(rf'<span class="hl [^"]*k-{kind}[^"]*">{words}</span>', text), kind
    assert 'k-time">pada tanggal 3 Oktober</span>' in text
    source = open("warta/resources/examples/korea-utara-rusia-ukraina.id.txt", encoding="utf-8").read()
    assert strip_tags(text) == source  # highlighting adds marks, never changes the text
    assert "Kim Yong-hyun" in html and "probable" in html and "Source chain" in html


def test_article_page_links_each_trigger_to_its_event(web):
    html = web.get(f"/articles/{EXAMPLE_ID}").text
    for v in range(1, 9):
        assert f'href="/events/{EXAMPLE_ID}-v{v}"' in html
    assert '<a class="hl-link" href="/events/example-korea-v3"><span class="hl k-trigger">menolak</span></a>' in html


def test_table_filters_sort_and_pages_live_in_the_url(web):
    html = web.get("/?type=REJECT&country=KOR&sort=confidence&order=asc&per_page=1").text
    assert '<option value="REJECT" selected>' in html and 'name="country" value="KOR"' in html
    assert "2 events" in html and "page 1 of 2" in html
    nxt = re.search(r'rel="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert all(p in nxt for p in ("type=REJECT", "country=KOR", "sort=confidence", "order=asc", "per_page=1", "page=2"))
    page2 = web.get("/" + nxt).text
    assert "page 2 of 2" in page2 and "<b>menolak</b>" in page2 and "membatalkan" not in page2
    assert "<b>membatalkan</b>" in html  # confidence 0.55 sorts before 0.70
    assert "/export/events.csv?type=REJECT&amp;country=KOR" in html


def test_bad_filters_give_a_readable_400_page(web):
    r = web.get("/?since=31-12-2024")
    assert r.status_code == 400 and "is not a date" in r.text and r.headers["content-type"].startswith("text/html")
    assert web.get("/?per_page=100000").status_code == 400
    assert web.get("/events/nope").status_code == 404


def test_csv_download_of_the_filtered_set(web):
    r = web.get("/export/events.csv?country=IDN")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["event_id"] for row in rows} == {f"{HOSTILE_ID}-v1", f"{HOSTILE_ID}-v2"}
    assert rows[0]["place_name"] == f"Jakarta {SCRIPT}"


def test_csv_cells_that_look_like_formulas_are_defused():
    from warta.web.downloads import _cell

    assert _cell("=cmd()") == "'=cmd()" and _cell("-1+2") == "'-1+2" and _cell("ok") == "ok" and _cell(3) == 3


def test_geojson_download_of_the_filtered_set(web):
    r = web.get("/export/events.geojson?type=ASSAULT")
    data = json.loads(r.text)
    assert data["type"] == "FeatureCollection"
    coords = sorted(tuple(f["geometry"]["coordinates"]) for f in data["features"])
    assert coords == [(36.25, 49.98), (37.80224, 48.023)]


def test_every_view_shows_the_example_events(web):
    table = web.get("/?article_id=" + EXAMPLE_ID).text
    assert "8 events" in table
    for trigger in ("serangan", "bertempur bersama", "menolak", "mengadopsi", "mengklaim", "dilarang",
                    "ditandatangani", "membatalkan"):
        assert f"<b>{trigger}</b>" in table
    tl = json.loads(re.search(r'id="timeline-data">(.*?)</script>', web.get("/timeline").text, re.S).group(1))
    assert {"day": "2024-10-03", "type": "ASSAULT", "count": 1} in tl
    mp = json.loads(re.search(r'id="map-data">(.*?)</script>', web.get("/map").text, re.S).group(1))
    assert any(p["event_id"] == f"{EXAMPLE_ID}-v1" and p["place_name"] == "Donetsk" for p in mp)
    net = json.loads(re.search(r'id="network-data">(.*?)</script>', web.get("/network").text, re.S).group(1))
    assert any(e["source"] == "PRK" and e["target"] == "RUS" and e["type"] == "COOPERATE" for e in net["edges"])
    actor = web.get("/actors/PRK").text
    assert "Korea Selatan" in actor and "REJECT" in actor


@pytest.mark.slow
def test_the_pipelines_example_result_renders_in_every_view(example_extract, tmp_path):
    """The real extraction of the shipped example (not a hand-built one) through every page."""
    db = str(tmp_path / "real.db")
    store = Store(db)
    store.add(example_extract)
    store.close()
    app = create_app(db)
    client = Client(app)
    text = example_extract["article"]["text"]
    article_id = example_extract["article"]["id"]
    assert f"{len(example_extract['events'])} event" in client.get(f"/?article_id={article_id}&per_page=200").text
    for ev in example_extract["events"]:
        html = client.get(f"/events/{article_id}-{ev['id']}").text
        body = re.search(r'<div class="article-text"[^>]*>(.*?)</div>', html, re.S).group(1)
        trigger = text[ev["evidence"]["trigger"]["start"]:ev["evidence"]["trigger"]["end"]]
        assert re.search(r'<span class="hl [^"]*k-trigger[^"]*">', body), ev["id"]
        assert strip_tags("".join(re.findall(r'<span class="hl [^"]*k-trigger[^"]*">([^<]*)</span>', body))) == trigger
        assert strip_tags(body) == text
    for url in ("/timeline", "/map", "/network", f"/articles/{article_id}", "/actors"):
        assert client.get(url).status_code == 200, url
    app.state.store.close()
