"""The UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a real
uvicorn server: filter, open an event, see the evidence, open map/timeline/network, hostile text stays text.

Screenshots go to test-artifacts/web/ (gitignored)."""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from web_fixtures import EXAMPLE_ID, HOSTILE_ID, SCRIPT, filled_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
#: Runs in every page before its own scripts (injected by the DevTools protocol, so the CSP does not apply
#: to it): records CSP violations the page would otherwise only log.
RECORD_CSP = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
              "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from warta.web.app import LOOPBACK_HOSTS

    port = _free_port()
    app = filled_app(str(tmp_path_factory.mktemp("browser") / "warta.db"), allowed_hosts=list(LOOPBACK_HOSTS))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(RECORD_CSP)
    pg = context.new_page()
    pg.problems = []
    pg.dialogs = []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"request failed: {r.url}"))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def _clean(pg) -> None:
    pg.wait_for_load_state("networkidle")
    csp = pg.evaluate("window.__csp")
    assert not csp, f"CSP violations: {csp}"
    assert not pg.problems, pg.problems
    assert not pg.dialogs, f"a dialog fired: {pg.dialogs}"


def test_filter_open_event_and_see_the_evidence(server, page):
    page.goto(server + "/")
    assert page.locator("#events-table tbody tr").count() == 12
    page.select_option("select[name=type]", "ASSAULT")
    page.fill("input[name=country]", "UKR")
    page.fill("input[name=since]", "2024-10-01")
    page.fill("input[name=until]", "2024-10-05")
    page.click("#apply-filters")
    page.wait_for_url("**/?type=ASSAULT&country=UKR&since=2024-10-01&until=2024-10-05")  # empty fields are left out of the URL
    assert page.locator("#result-count").inner_text() == "1 event"
    page.screenshot(path=str(ARTIFACTS / "events-filtered.png"), full_page=True)
    _clean(page)
    page.click("a.event-link")
    page.wait_for_url(f"**/events/{EXAMPLE_ID}-v1")
    trigger = page.locator("#article-text .k-trigger")
    assert trigger.count() == 1 and trigger.inner_text() == "serangan" and trigger.is_visible()
    for kind in ("actor", "recipient", "place", "time", "claim", "cue", "speaker", "sentence"):
        assert page.locator(f"#article-text .k-{kind}").count() >= 1, kind
    assert page.locator("#article-text .k-place").first.inner_text() == "Donetsk"
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    _clean(page)


def test_sorting_and_paging_keep_the_filters(server, page):
    page.goto(server + "/?type=REJECT&per_page=1")
    page.click("th.sortable >> text=Conf.")
    assert "sort=confidence" in page.url and "type=REJECT" in page.url
    page.click("a[rel=next]")
    assert "page=2" in page.url and "type=REJECT" in page.url
    _clean(page)


def test_timeline_draws_stacked_bars(server, page):
    page.goto(server + "/timeline")
    page.wait_for_selector("#chart svg rect.bar")
    assert page.locator("#chart rect.bar").count() >= 5
    assert "ASSAULT" in page.locator("#chart-legend").inner_text()
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    _clean(page)


def test_map_draws_countries_and_clusters_with_popups(server, page):
    page.goto(server + "/map")
    page.wait_for_selector("#map path.country")
    assert page.locator("#map path.country").count() > 150
    clusters = page.locator("#map g.cluster")
    assert clusters.count() >= 1
    page.screenshot(path=str(ARTIFACTS / "map.png"), full_page=True)
    clusters.first.click()
    popup = page.locator("#map-popup")
    assert popup.is_visible() and popup.locator("a[href^='/events/']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "map-popup.png"))
    _clean(page)


def test_network_draws_actors_and_typed_edges(server, page):
    page.goto(server + "/network")
    page.wait_for_selector("#network svg g.node")
    assert page.locator("#network g.node").count() >= 8
    assert page.locator("#network path.edge").count() >= 6
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    _clean(page)


def test_hostile_article_shows_markup_as_text_and_nothing_runs(server, page):
    page.goto(server + f"/articles/{HOSTILE_ID}")
    assert SCRIPT in page.locator("#article-text").inner_text()
    assert SCRIPT in page.locator("h1").inner_text()
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)
    _clean(page)
    for url in (f"/events/{HOSTILE_ID}-v1", "/?country=IDN", "/map?country=IDN", "/network?country=IDN"):
        page.goto(server + url)
        _clean(page)
    page.goto(server + "/map?country=IDN")
    page.wait_for_selector("#map g.cluster")
    page.locator("#map g.cluster").first.click()
    assert SCRIPT in page.locator("#map-popup").inner_text() or "Breaking" in page.locator("#map-popup").inner_text()
    _clean(page)
