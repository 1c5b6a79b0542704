"""Hand-built contract results for the web tests: the shipped example article with its events,
a hostile article (script/img markup in title and text), and an English article.

Offsets are found with ``str.index`` on the real text, so they are exact by construction.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_FILE = REPO / "warta" / "resources" / "examples" / "korea-utara-rusia-ukraina.id.txt"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TITLE = f"Breaking {SCRIPT} news {IMG} & more"
HOSTILE_ID = "hostile-1"
EXAMPLE_ID = "example-korea"
ENGLISH_ID = "english-1"


class Builder:
    """Accumulates one article's actors, places, times, claims and events with exact offsets."""

    def __init__(self, article_id: str, text: str, *, title: str | None, published: str | None,
                 language: str = "id", url: str | None = None) -> None:
        self.text = text
        self.article = {"id": article_id, "title": title, "text": text, "language": language,
                        "published": published, "url": url, "source": "web-test"}
        self.actors: list[dict[str, Any]] = []
        self.places: list[dict[str, Any]] = []
        self.times: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def find(self, needle: str, *, after: str | None = None, nth: int = 0) -> tuple[int, int]:
        pos = self.text.index(after) if after else 0
        for _ in range(nth + 1):
            pos = self.text.index(needle, pos + (1 if _ else 0))
        return pos, pos + len(needle)

    def span(self, needle: str, **kw: Any) -> dict[str, int]:
        a, b = self.find(needle, **kw)
        return {"start": a, "end": b}

    def sentence_of(self, offset: int) -> dict[str, int]:
        """The sentence around ``offset``: from after the previous '.', '!', '?' or newline to the next."""
        start = max((m.end() for m in re.finditer(r"[.!?]\s+|\n+", self.text[:offset])), default=0)
        m = re.compile(r"[.!?](?=\s|$)|\n").search(self.text, offset)
        end = m.end() if m and m.group() != "\n" else (m.start() if m else len(self.text))
        return {"start": start, "end": end}

    def actor(self, aid: str, name: str, kind: str, mentions: list[str | tuple[str, str]], *,
              country: str | None = None, sector: str | None = None, code: str | None = None,
              role: str | None = None) -> str:
        spans = [self.span(m) if isinstance(m, str) else self.span(m[0], after=m[1]) for m in mentions]
        self.actors.append({"id": aid, "name": name, "kind": kind, "country": country, "sector": sector,
                            "role": role, "code": code, "mentions": spans})
        return aid

    def place(self, pid: str, name: str, country: str | None, lat: float | None, lon: float | None,
              mention: str | tuple[str, str], *, precision: str = "city") -> str:
        span = self.span(mention) if isinstance(mention, str) else self.span(mention[0], after=mention[1])
        self.places.append({"id": pid, "name": name, "country": country, "lat": lat, "lon": lon,
                            "geonames_id": None, "precision": precision, "mentions": [span]})
        return pid

    def time(self, tid: str, text: str, value: str, earliest: str, latest: str, granularity: str, *,
             after: str | None = None) -> str:
        a, b = self.find(text, after=after)
        self.times.append({"id": tid, "text": text, "start": a, "end": b, "value": value, "earliest": earliest,
                           "latest": latest, "granularity": granularity})
        return tid

    def claim(self, cid: str, *, speaker: str | None, speaker_text: str | None, cue: str, content: str,
              certainty: str = "certain", polarity: str = "affirm", chain: list[str] | None = None,
              after: str | None = None) -> str:
        a, b = self.find(content, after=after)
        self.claims.append({
            "id": cid, "speaker": speaker, "cue": cue, "start": a, "end": b, "polarity": polarity,
            "certainty": certainty, "source_chain": chain or ([speaker] if speaker else []), "kind": "indirect",
            "cue_span": self.span(cue, after=after), "speaker_span": self.span(speaker_text, after=after) if speaker_text else None,
        })
        return cid

    def event(self, vid: str, etype: str, trigger: str, *, after: str | None = None, actors: list[str] = (),
              recipients: list[str] = (), place: str | None = None, time: str | None = None, claim: str | None = None,
              certainty: str = "certain", status: str = "occurred", historical: bool = False,
              fatalities: dict[str, int] | None = None, mode: str | None = None, context: list[str] = (),
              polarity: str = "positive", confidence: float = 0.7) -> str:
        a, b = self.find(trigger, after=after)
        self.events.append({
            "id": vid, "type": etype, "mode": mode, "context": list(context), "actors": list(actors),
            "recipients": list(recipients), "place": place, "time": time, "fatalities": fatalities, "injured": None,
            "polarity": polarity, "certainty": certainty, "status": status, "historical": historical, "claim": claim,
            "evidence": {"sentence": self.sentence_of(a), "trigger": {"start": a, "end": b}},
            "confidence": confidence, "coder": "web-test/1",
        })
        return vid

    def result(self) -> dict[str, Any]:
        return {"contract": "1", "article": self.article, "sentences": [], "entities": [], "actors": self.actors,
                "places": self.places, "times": self.times, "claims": self.claims, "events": self.events,
                "pipeline": {"version": "test", "stages": ["hand"]}, "warnings": []}


def example_article() -> dict[str, Any]:
    """The shipped example (published 2024-10-08) with the events an analyst reads in it."""
    text = EXAMPLE_FILE.read_text(encoding="utf-8")
    b = Builder(EXAMPLE_ID, text, title="Pasukan Korea Utara bertarung untuk Rusia di Ukraina: Seoul",
                published="2024-10-08", url="https://example.org/korea-utara")
    kim = b.actor("a1", "Kim Yong-hyun", "person", ["Kim Yong-hyun"], country="KOR", sector="GOV",
                  role="menteri pertahanan", code="P:kim-yong-hyun")
    ukr = b.actor("a2", "Ukraina", "state", [("Ukraina", "serangan terbaru oleh pasukan")], country="UKR", sector="MIL",
                  code="UKR.MIL")
    prk_off = b.actor("a3", "perwira Korea Utara", "group", ["enam perwira Korea Utara"], country="PRK",
                      sector="MIL", code="PRK.MIL")
    prk = b.actor("a4", "Korea Utara", "state", [("Korea Utara", "Saran tersebut")], country="PRK", code="PRK")
    rus = b.actor("a5", "Rusia", "state", [("Rusia", "bertempur bersama pasukan")], country="RUS", code="RUS")
    putin = b.actor("a6", "Putin", "person", ["Putin"], country="RUS", sector="GOV", code="P:vladimir-putin")
    kju = b.actor("a7", "Kim Jong Un", "person", ["Kim Jong Un"], country="PRK", sector="GOV", code="P:kim-jong-un")
    kor = b.actor("a8", "Korea Selatan", "state", [("Korea Selatan", "pakta pertahanan")], country="KOR",
                  code="KOR")
    un = b.actor("a9", "PBB", "igo", [("PBB", "dilarang oleh sanksi")], code="IGOUNO")
    donetsk = b.place("p1", "Donetsk", "UKR", 48.023, 37.80224, "Donetsk")
    ukraine = b.place("p2", "Ukraina", "UKR", 49.0, 32.0, ("Ukraina", "bersama pasukan Rusia di"), precision="country")
    t_oct3 = b.time("t1", "pada tanggal 3 Oktober", "2024-10-03", "2024-10-03", "2024-10-03", "day")
    t_june = b.time("t2", "pada bulan Juni", "2024-06", "2024-06-01", "2024-06-30", "month")
    t_1991 = b.time("t3", "pada tahun 1991", "1991", "1991-01-01", "1991-12-31", "year")
    t_week = b.time("t4", "pekan ini", "2024-W41", "2024-10-07", "2024-10-13", "week", after="pertemuan parlemen")
    c1 = b.claim("c1", speaker=kim, speaker_text="Kim Yong-hyun", cue="mengatakan",
                 content="enam perwira Korea Utara tewas dalam serangan misil Ukraina di dekat Donetsk",
                 certainty="probable", after="Kim Yong-hyun mengatakan")
    c2 = b.claim("c2", speaker=kor, speaker_text="Korea Selatan", cue="mengklaim",
                 content="Pyongyang telah menjadi pemasok utama senjata ke Rusia", after="Korea Selatan, didukung")
    b.event("v1", "ASSAULT", "serangan", after="enam perwira", actors=[ukr], recipients=[prk_off], place=donetsk,
            time=t_oct3, claim=c1, certainty="probable", fatalities={"low": 6, "high": 6}, mode="missile",
            context=["military"], confidence=0.82)
    b.event("v2", "COOPERATE", "bertempur bersama", actors=[prk], recipients=[rus], place=ukraine, status="ongoing",
            certainty="probable", context=["military"], confidence=0.64)
    b.event("v3", "REJECT", "menolak", actors=[prk], recipients=[kor], confidence=0.7)
    b.event("v4", "AGREE", "mengadopsi", actors=[putin, kju], time=t_june, context=["military"], confidence=0.75)
    b.event("v5", "ACCUSE", "mengklaim", actors=[kor], recipients=[prk], claim=c2, confidence=0.66)
    b.event("v6", "SANCTION", "dilarang", actors=[un], recipients=[prk], confidence=0.6)
    b.event("v7", "AGREE", "ditandatangani", actors=[prk, kor], time=t_1991, historical=True, confidence=0.5)
    b.event("v8", "REJECT", "membatalkan", actors=[prk], recipients=[kor], time=t_week, status="expected",
            certainty="possible", confidence=0.55)
    return b.result()


def hostile_article() -> dict[str, Any]:
    """Markup in title and text: must show as text and never run."""
    text = (f"{HOSTILE_TITLE}\n\nPolisi menangkap demonstran {SCRIPT} di Jakarta pada hari Senin. "
            f"Demonstran {IMG} memprotes kenaikan harga, kata juru bicara \"{SCRIPT}\".")
    b = Builder(HOSTILE_ID, text, title=HOSTILE_TITLE, published="2024-10-07", url="javascript:alert(1)")
    police = b.actor("a1", f"Polisi {IMG}", "organization", ["Polisi"], country="IDN", sector="COP", code="IDN.COP")
    crowd = b.actor("a2", f"demonstran {SCRIPT}", "group", [f"demonstran {SCRIPT}"], country="IDN", sector="OPP")
    crowd2 = b.actor("a3", "Demonstran", "group", [f"Demonstran {IMG}"], country="IDN", sector="OPP")
    jkt = b.place("p1", f"Jakarta {SCRIPT}", "IDN", -6.2, 106.85, "Jakarta")
    monday = b.time("t1", "pada hari Senin", "2024-10-07", "2024-10-07", "2024-10-07", "day")
    b.event("v1", "COERCE", "menangkap", actors=[police], recipients=[crowd], place=jkt, time=monday, mode="arrest")
    b.event("v2", "PROTEST", "memprotes", actors=[crowd2], place=jkt, time=monday, mode=f"demo {IMG}")
    return b.result()


def english_article() -> dict[str, Any]:
    text = ("Russia strikes Kharkiv power plant\n\nRussian forces struck a power plant in Kharkiv on Sunday, "
            "Ukrainian officials said. Ukraine asked its allies for more air defence.")
    b = Builder(ENGLISH_ID, text, title="Russia strikes Kharkiv power plant", published="2024-10-14", language="en")
    rus = b.actor("a1", "Russian forces", "group", ["Russian forces"], country="RUS", sector="MIL", code="RUS.MIL")
    ukr = b.actor("a2", "Ukraine", "state", [("Ukraine", "officials said.")], country="UKR", code="UKR")
    kharkiv = b.place("p1", "Kharkiv", "UKR", 49.98, 36.25, ("Kharkiv", "power plant in"))
    sunday = b.time("t1", "on Sunday", "2024-10-13", "2024-10-13", "2024-10-13", "day")
    b.event("v1", "ASSAULT", "struck", actors=[rus], recipients=[ukr], place=kharkiv, time=sunday, mode="missile",
            confidence=0.9)
    b.event("v2", "REQUEST", "asked", actors=[ukr], confidence=0.7)
    return b.result()


def all_results() -> list[dict[str, Any]]:
    return [example_article(), hostile_article(), english_article()]


def fill(store: Any) -> None:
    """Add every fixture article to ``store``."""
    for r in all_results():
        store.add(r)


def filled_app(db_url: str, **options: Any) -> Any:
    """A web app over a store at ``db_url`` holding every fixture article (options go to ``create_app``)."""
    from warta.store import Store
    from warta.web.app import create_app

    store = Store(db_url)
    fill(store)
    store.close()
    return create_app(db_url, **options)


class Client:
    """A synchronous face over ``httpx.AsyncClient`` + ``httpx.ASGITransport`` (no server, real app)."""

    def __init__(self, app: Any, *, host: str = "127.0.0.1") -> None:
        self.app = app
        self.base = f"http://{host}"

    def request(self, method: str, url: str, **kw: Any):
        import asyncio

        import httpx

        async def go():
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url=self.base) as c:
                return await c.request(method, url, **kw)

        return asyncio.run(go())

    def get(self, url: str, **kw: Any):
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any):
        return self.request("POST", url, **kw)


def strip_tags(html: str) -> str:
    """The text a browser shows for a fragment made only of spans/links (for highlight checks)."""
    import html as html_mod

    return html_mod.unescape(re.sub(r"<[^>]+>", "", html))
