"""Filters → rows: the only module that reads the store (CLI, API, web and exports use it).

Example:
    >>> flt = EventFilter.from_params({"type": "assault", "since": "2024-10-01"})
    >>> flt.type, flt.since.isoformat()
    ('ASSAULT', '2024-10-01')
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select, text, union_all
from sqlalchemy.sql import Select

from .errors import InputError
from .model import CERTAINTIES, PLOVER_TYPES, STATUSES
from .store import Store
from .store.schema import actors, articles, claims, event_actors, events, failures, places, spans, times

SORTS = ("date", "type", "certainty", "confidence", "article")
#: the largest page any caller may ask for
MAX_LIMIT = 10_000
_ISO3 = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class EventFilter:
    """What to select; every field is optional."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    certainty: str | None = None
    status: str | None = None
    historical: bool | None = None
    q: str | None = None
    article_id: str | None = None

    def __post_init__(self) -> None:
        if self.type:
            self.type = self.type.upper()
            if self.type not in PLOVER_TYPES:
                raise InputError(f"unknown event type '{self.type}'", hint=f"use one of {', '.join(PLOVER_TYPES)}")
        if self.country:
            self.country = self.country.upper()
        if self.certainty and self.certainty not in CERTAINTIES:
            raise InputError(f"unknown certainty '{self.certainty}'", hint=f"use one of {', '.join(CERTAINTIES)}")
        if self.status and self.status not in STATUSES:
            raise InputError(f"unknown status '{self.status}'", hint=f"use one of {', '.join(STATUSES)}")

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> EventFilter:
        """Build from query-string-like values (empty strings mean 'no filter')."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = params.get(f.name)
            if raw is None or raw == "":
                continue
            if f.name in ("since", "until"):
                values[f.name] = _parse_day(str(raw), f.name)
            elif f.name == "historical":
                values[f.name] = _parse_bool(raw)
            else:
                values[f.name] = str(raw).strip()
        return cls(**values)

    def to_params(self) -> dict[str, str]:
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None or v == "":
                continue
            out[f.name] = v.isoformat() if isinstance(v, date) else ("true" if v is True else "false" if v is False else str(v))
        return out


def _parse_day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--{name} '{value}' is not a date", hint="write it as YYYY-MM-DD") from None


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    v = str(value).lower()
    if v in ("1", "true", "yes", "y", "on"):
        return True
    if v in ("0", "false", "no", "n", "off"):
        return False
    raise InputError(f"'{value}' is not true or false", hint="use true or false")


# -- full text --------------------------------------------------------------------------------------
def _fts_article_ids(store: Store, q: str):
    """A subquery of article ids matching the words of ``q`` (all words, any order)."""
    words = _WORD.findall(q)
    if not words:
        raise InputError("the search has no words", hint="search for at least one word")
    if store.dialect == "sqlite":
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        pks = select(literal_column("rowid")).select_from(text("articles_fts")).where(
            text("articles_fts MATCH :fts_q").bindparams(fts_q=match))
        return select(articles.c.id).where(articles.c.pk.in_(pks))
    doc = func.to_tsvector("simple", func.coalesce(articles.c.title, "") + " " + articles.c.text)
    query = func.plainto_tsquery("simple", " ".join(words))
    return select(articles.c.id).where(doc.op("@@")(query))


# -- events -----------------------------------------------------------------------------------------
def _events_with_actor(actor_ids):
    """Ids of events that have an actor or recipient among ``actor_ids`` (a subquery of actor ids).

    Uncorrelated ``IN (subquery)`` rather than a correlated ``EXISTS``: the database computes the
    matching actors once and reaches their events through ``ix_event_actors_actor``, instead of
    probing every event (about 1 s → under 100 ms at 100,000 events).
    """
    return select(event_actors.c.event_id).where(event_actors.c.actor_id.in_(actor_ids))


def _actor_match(value: str, dialect: str):
    # SQLite's LIKE already ignores ASCII case (and its lower() knows no more than ASCII), so no lower()
    # there: it would stop a covering index on actors(name) from being used. PostgreSQL gets ILIKE.
    pattern = f"%{value}%"
    by_name = actors.c.name.like(pattern) if dialect == "sqlite" else actors.c.name.ilike(pattern)
    parts = [select(actors.c.id).where(actors.c.key == value), select(actors.c.id).where(by_name)]
    if _ISO3.match(value):
        parts.append(select(actors.c.id).where(actors.c.country == value))
    return events.c.id.in_(_events_with_actor(union_all(*parts)))


def _apply(stmt: Select, store: Store, flt: EventFilter) -> Select:
    conds = []
    if flt.type:
        conds.append(events.c.type == flt.type)
    if flt.actor:
        conds.append(_actor_match(flt.actor, store.dialect))
    if flt.country:
        conds.append(or_(
            events.c.id.in_(_events_with_actor(select(actors.c.id).where(actors.c.country == flt.country))),
            events.c.place_id.in_(select(places.c.id).where(places.c.country == flt.country)),
        ))
    if flt.since:
        conds.append(func.coalesce(events.c.date_end, events.c.date_start) >= flt.since)
    if flt.until:
        conds.append(events.c.date_start <= flt.until)
    if flt.certainty:
        conds.append(events.c.certainty == flt.certainty)
    if flt.status:
        conds.append(events.c.status == flt.status)
    if flt.historical is not None:
        conds.append(events.c.historical == flt.historical)
    if flt.article_id:
        conds.append(events.c.article_id == flt.article_id)
    if flt.q:
        conds.append(events.c.article_id.in_(_fts_article_ids(store, flt.q)))
    return stmt.where(and_(*conds)) if conds else stmt


def _substr(col_text, start, end):
    return func.substr(col_text, start + 1, end - start)


def _event_select() -> Select:
    speaker = actors.alias("speaker")
    return (
        select(
            events.c.id, events.c.article_id, events.c.local_id, events.c.type, events.c.mode, events.c.context,
            events.c.date_start, events.c.date_end, times.c.text.label("time_text"), times.c.value.label("time_value"),
            places.c.name.label("place_name"), places.c.country.label("place_country"), places.c.lat, places.c.lon,
            places.c.geonames_id, places.c.precision.label("place_precision"),
            events.c.certainty, events.c.status, events.c.polarity, events.c.historical,
            events.c.fatalities_low, events.c.fatalities_high, events.c.injured_low, events.c.injured_high,
            speaker.c.name.label("speaker"), events.c.confidence, events.c.coder, events.c.claim_id,
            events.c.sentence_start, events.c.sentence_end, events.c.trigger_start, events.c.trigger_end,
            _substr(articles.c.text, events.c.sentence_start, events.c.sentence_end).label("sentence"),
            _substr(articles.c.text, events.c.trigger_start, events.c.trigger_end).label("trigger"),
            articles.c.title, articles.c.url, articles.c.published,
        )
        .select_from(
            events.join(articles, articles.c.id == events.c.article_id)
            .outerjoin(places, places.c.id == events.c.place_id)
            .outerjoin(times, times.c.id == events.c.time_id)
            .outerjoin(claims, claims.c.id == events.c.claim_id)
            .outerjoin(speaker, speaker.c.id == claims.c.speaker_id)
        )
    )


def _sort_column(sort: str):
    if sort not in SORTS:
        raise InputError(f"unknown sort '{sort}'", hint=f"use one of {', '.join(SORTS)}")
    return {"date": events.c.date_start, "type": events.c.type, "certainty": events.c.certainty,
            "confidence": events.c.confidence, "article": articles.c.published}[sort]


def _sort_cols(sort: str, descending: bool):
    col = _sort_column(sort)
    primary = col.desc().nulls_last() if descending else col.asc().nulls_last()
    return [primary, events.c.id]


def _page_and_total(conn: Any, store: Store, flt: EventFilter, *, sort: str, descending: bool,
                    limit: int | None, offset: int) -> tuple[list[str], int]:
    """One filtered page of event ids and the number of matches, evaluating the filter once.

    The matches are materialised in a CTE that both the count and the page read: actor, country and
    full-text filters cost a scan each, and running them twice (page, then count) doubled the time.
    """
    source = events.join(articles, articles.c.id == events.c.article_id) if sort == "article" else events
    m = (_apply(select(events.c.id, _sort_column(sort).label("k")).select_from(source), store, flt)
         .cte("matches").prefix_with("MATERIALIZED"))
    key = m.c.k.desc().nulls_last() if descending else m.c.k.asc().nulls_last()
    stmt = (select(m.c.id, select(func.count()).select_from(m).scalar_subquery().label("total"))
            .order_by(key, m.c.id).offset(max(0, offset)))
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = conn.execute(stmt).all()
    if rows:
        return [r.id for r in rows], rows[0].total
    # past the last page: the page is empty but the total still has to be told
    return [], conn.execute(_apply(select(func.count()).select_from(events), store, flt)).scalar_one()


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _row(r: Any) -> dict[str, Any]:
    m = dict(r._mapping)
    for k in ("date_start", "date_end", "published"):
        m[k] = _iso(m.get(k))
    m["historical"] = bool(m["historical"])
    m["actors"], m["recipients"] = [], []
    return m


def _attach_actors(store: Store, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    by_id = {r["id"]: r for r in rows}
    stmt = (select(event_actors.c.event_id, event_actors.c.role, event_actors.c.position, actors.c.key,
                   actors.c.name, actors.c.country, actors.c.sector, actors.c.kind, actors.c.role.label("actor_role"),
                   actors.c.local_id)
            .select_from(event_actors.join(actors, actors.c.id == event_actors.c.actor_id))
            .where(event_actors.c.event_id.in_(list(by_id)))
            .order_by(event_actors.c.event_id, event_actors.c.role, event_actors.c.position))
    with store.engine.connect() as conn:
        for r in conn.execute(stmt):
            target = by_id[r.event_id]["actors" if r.role == "actor" else "recipients"]
            target.append({"key": r.key, "name": r.name, "country": r.country, "sector": r.sector, "kind": r.kind,
                           "role": r.actor_role, "local_id": r.local_id})


def list_events(store: Store, flt: EventFilter | None = None, *, sort: str = "date", descending: bool = True,
                limit: int | None = 50, offset: int = 0, with_total: bool = True) -> tuple[list[dict[str, Any]], int]:
    """One page of events matching ``flt`` and the total count."""
    flt = flt or EventFilter()
    if limit is not None and not 0 < limit <= MAX_LIMIT:
        raise InputError(f"limit {limit} is out of range", hint=f"use 1 to {MAX_LIMIT}")
    order = _sort_cols(sort, descending)
    filtered = any(getattr(flt, f.name) not in (None, "") for f in fields(flt))
    counted = with_total and (limit is not None or bool(offset))
    # Two steps: pick the page's ids with only the tables the filter and sort need, then read the
    # full rows (joins, evidence substrings) for those ids alone, not for every matching event.
    with store.engine.connect() as conn:
        if limit is None:  # everything at once (one article's events, exports): one plain query
            rows = [_row(r) for r in conn.execute(_apply(_event_select(), store, flt).order_by(*order)
                                                  .offset(max(0, offset)))]
            total = len(rows)
            if counted:
                total = conn.execute(_apply(select(func.count()).select_from(events), store, flt)).scalar_one()
        elif filtered and counted:
            ids, total = _page_and_total(conn, store, flt, sort=sort, descending=descending, limit=limit,
                                         offset=offset)
        else:  # unfiltered: the sort index gives the page at once, and count(*) is cheap
            source = events.join(articles, articles.c.id == events.c.article_id) if sort == "article" else events
            page = _apply(select(events.c.id).select_from(source), store, flt).order_by(*order).offset(max(0, offset))
            ids = list(conn.execute(page.limit(limit) if limit is not None else page).scalars())
            total = conn.execute(select(func.count()).select_from(events)).scalar_one() if counted else len(ids)
        if limit is not None:
            found = {r.id: _row(r) for r in conn.execute(_event_select().where(events.c.id.in_(ids)))} if ids else {}
            rows = [found[i] for i in ids if i in found]
    _attach_actors(store, rows)
    return rows, total


def iter_events(store: Store, flt: EventFilter | None = None, *, page: int = 1000):
    """Every matching event, page by page (for exports)."""
    offset = 0
    while True:
        rows, _ = list_events(store, flt, sort="date", descending=False, limit=page, offset=offset, with_total=False)
        yield from rows
        if len(rows) < page:
            return
        offset += page


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """Every field of one event, with its article and the spans to highlight."""
    with store.engine.connect() as conn:
        r = conn.execute(_event_select().where(events.c.id == event_id)).first()
    if r is None:
        return None
    row = _row(r)
    _attach_actors(store, [row])
    art = get_article(store, row["article_id"], events_too=False)
    row["spans"], row["event"], row["claim"] = _event_spans(row, art)
    row["article"] = {k: v for k, v in art["article"].items() if k != "result"}
    return row


def article_event_spans(art: dict[str, Any]) -> list[dict[str, Any]]:
    """Every event's highlight spans (claims left out) of an article read with :func:`get_article`.

    One read of the article serves all its events (``get_event`` per event would re-read it each time).

    Example:
        >>> art = get_article(store, article_id)                  # doctest: +SKIP
        >>> {s["kind"] for s in article_event_spans(art)}         # doctest: +SKIP
        {'sentence', 'trigger', 'actor', 'recipient', 'place', 'time', 'cue', 'speaker'}
    """
    out: list[dict[str, Any]] = []
    for row in art["events"]:
        spans_, _ev, _claim = _event_spans(row, art)
        out.extend(s for s in spans_ if s["kind"] != "claim")
    return out


def _event_spans(row: dict[str, Any], art: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any], dict | None]:
    """(highlight spans, the event's contract dict, its claim) of one event row within its article."""
    claim = next((c for c in art["claims"] if f"{row['article_id']}-{c['id']}" == row["claim_id"]), None)
    sp = [{"start": row["sentence_start"], "end": row["sentence_end"], "kind": "sentence"},
          {"start": row["trigger_start"], "end": row["trigger_end"], "kind": "trigger"}]
    actor_spans = {a["id"]: a["mentions"] for a in art["actors"]}
    for role, kind in (("actors", "actor"), ("recipients", "recipient")):
        for a in row[role]:
            for m in actor_spans.get(f"{row['article_id']}-{a['local_id']}", []):
                sp.append({**m, "kind": kind})
    result = art["article"]["result"]
    ev = next((e for e in result.get("events", []) if e["id"] == row["local_id"]), {})
    place = next((p for p in result.get("places", []) if p["id"] == ev.get("place")), None)
    if place:
        sp += [{**m, "kind": "place"} for m in place.get("mentions", [])]
    tm = next((t for t in result.get("times", []) if t["id"] == ev.get("time")), None)
    if tm:
        sp.append({"start": tm["start"], "end": tm["end"], "kind": "time"})
    if claim:
        sp.append({"start": claim["start"], "end": claim["end"], "kind": "claim"})
        if claim.get("cue_span"):
            sp.append({**claim["cue_span"], "kind": "cue"})
        if claim.get("speaker_span"):
            sp.append({**claim["speaker_span"], "kind": "speaker"})
    return sp, ev, claim


def get_article(store: Store, article_id: str, *, events_too: bool = True) -> dict[str, Any] | None:
    """The article, its stored result and (optionally) its event rows."""
    with store.engine.connect() as conn:
        a = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if a is None:
            return None
        acts = conn.execute(select(actors).where(actors.c.article_id == article_id)).mappings().all()
        ment = conn.execute(select(spans).where(spans.c.article_id == article_id, spans.c.owner_kind == "actor")).mappings().all()
    result = a.result
    mentions: dict[str, list[dict[str, int]]] = {}
    for m in ment:
        mentions.setdefault(m["owner_id"], []).append({"start": m["start"], "end": m["end"]})
    article = {"id": a.id, "title": a.title, "text": a.text, "language": a.language, "published": _iso(a.published),
               "url": a.url, "source": a.source, "ingested_at": a.ingested_at.isoformat() if a.ingested_at else None,
               "result": result}
    out = {
        "article": article,
        "actors": [{**dict(x), "mentions": mentions.get(x["id"], [])} for x in acts],
        "places": result.get("places", []),
        "times": result.get("times", []),
        "claims": [{**c, "speaker_name": _name_of(result, c.get("speaker"))} for c in result.get("claims", [])],
        "events": [],
    }
    if events_too:
        out["events"], _ = list_events(store, EventFilter(article_id=article_id), sort="date", limit=None)
        out["spans"] = [
            {"start": e["trigger_start"], "end": e["trigger_end"], "kind": "trigger", "event_id": e["id"]} for e in out["events"]
        ] + [{"start": c["start"], "end": c["end"], "kind": "claim", "event_id": None} for c in result.get("claims", [])]
    return out


def _name_of(result: dict[str, Any], actor_id: str | None) -> str | None:
    return next((a["name"] for a in result.get("actors", []) if a["id"] == actor_id), None)


# -- actors ----------------------------------------------------------------------------------------
def list_actors(store: Store, *, q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Actors across articles, grouped by their cross-article key, most active first."""
    n_events = func.count(func.distinct(event_actors.c.event_id)).label("events")
    stmt = (select(actors.c.key, func.min(actors.c.name).label("name"), func.min(actors.c.kind).label("kind"),
                   func.min(actors.c.country).label("country"), func.min(actors.c.sector).label("sector"), n_events)
            .select_from(actors.outerjoin(event_actors, event_actors.c.actor_id == actors.c.id))
            .group_by(actors.c.key))
    if q:
        stmt = stmt.where(or_(func.lower(actors.c.name).like(f"%{q.lower()}%"), actors.c.key == q))
    with store.engine.connect() as conn:
        # the number of keys, without grouping every actor row a second time
        n_keys = select(func.count(func.distinct(actors.c.key)))
        if q:
            n_keys = n_keys.where(or_(func.lower(actors.c.name).like(f"%{q.lower()}%"), actors.c.key == q))
        total = conn.execute(n_keys).scalar_one()
        rows = conn.execute(stmt.order_by(n_events.desc(), actors.c.key).limit(limit).offset(offset)).mappings().all()
    return [dict(r) for r in rows], total


def get_actor(store: Store, key: str, *, limit: int = 500) -> dict[str, Any] | None:
    """One actor (by key): its names, roles, events over time and counterparts."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(actors).where(actors.c.key == key)).mappings().all()
        if not rows:
            return None
        ids = [r["id"] for r in rows]
        event_ids = list(conn.execute(select(func.distinct(event_actors.c.event_id)).where(event_actors.c.actor_id.in_(ids))).scalars())
        other = actors.alias("other")
        ea2 = event_actors.alias("ea2")
        counter = conn.execute(
            select(other.c.key, func.min(other.c.name).label("name"), func.count(func.distinct(ea2.c.event_id)).label("count"))
            .select_from(ea2.join(other, other.c.id == ea2.c.actor_id))
            .where(ea2.c.event_id.in_(event_ids), other.c.key != key)
            .group_by(other.c.key).order_by(literal_column("count").desc()).limit(50)).mappings().all()
    evs: list[dict[str, Any]] = []
    if event_ids:
        with store.engine.connect() as conn:
            found = [_row(r) for r in conn.execute(_event_select().where(events.c.id.in_(event_ids[:limit]))
                                                   .order_by(*_sort_cols("date", True)))]
        _attach_actors(store, found)
        evs = found
    per_day: dict[str, int] = {}
    for e in evs:
        if e["date_start"]:
            per_day[e["date_start"]] = per_day.get(e["date_start"], 0) + 1
    first = rows[0]
    return {
        "key": key, "name": first["name"], "kind": first["kind"], "country": first["country"], "sector": first["sector"],
        "names": sorted({r["name"] for r in rows}), "roles": sorted({r["role"] for r in rows if r["role"]}),
        "events": evs, "counterparts": [dict(c) for c in counter],
        "per_day": [{"day": d, "count": n} for d, n in sorted(per_day.items())],
    }


# -- aggregates -------------------------------------------------------------------------------------
def _filtered_events(store: Store, flt: EventFilter | None, cols, *, joins: bool = True) -> Select:
    """``cols`` of the events matching ``flt``; ``joins=False`` when ``cols`` need only the events table
    (no filter needs the joins: at 100,000 events they doubled the timeline's time)."""
    source = (events.outerjoin(places, places.c.id == events.c.place_id)
              .join(articles, articles.c.id == events.c.article_id)) if joins else events
    return _apply(select(*cols).select_from(source), store, flt or EventFilter())


def timeline(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events per day and type (by the start of each event's date interval)."""
    stmt = _filtered_events(store, flt, [events.c.date_start, events.c.type, func.count().label("n")], joins=False)
    stmt = stmt.where(events.c.date_start.is_not(None)).group_by(events.c.date_start, events.c.type).order_by(events.c.date_start)
    with store.engine.connect() as conn:
        return [{"day": _iso(r.date_start), "type": r.type, "count": r.n} for r in conn.execute(stmt)]


def map_points(store: Store, flt: EventFilter | None = None, *, limit: int = 5000) -> list[dict[str, Any]]:
    stmt = _filtered_events(store, flt, [events.c.id, events.c.type, places.c.lat, places.c.lon, places.c.name,
                                         events.c.date_start, articles.c.title])
    stmt = stmt.where(places.c.lat.is_not(None)).order_by(events.c.date_start.desc().nulls_last()).limit(limit)
    with store.engine.connect() as conn:
        return [{"event_id": r.id, "type": r.type, "lat": r.lat, "lon": r.lon, "place_name": r.name,
                 "date_start": _iso(r.date_start), "title": r.title} for r in conn.execute(stmt)]


def network(store: Store, flt: EventFilter | None = None, *, limit: int = 500) -> dict[str, Any]:
    """Actors as nodes and actor→recipient pairs per event type as edges."""
    ev_ids = _filtered_events(store, flt, [events.c.id], joins=False).subquery()
    src_ea, dst_ea = event_actors.alias("s"), event_actors.alias("d")
    src, dst = actors.alias("sa"), actors.alias("da")
    stmt = (select(src.c.key.label("source"), dst.c.key.label("target"), events.c.type, func.count().label("n"),
                   func.min(events.c.id).label("example"))
            .select_from(src_ea.join(dst_ea, and_(dst_ea.c.event_id == src_ea.c.event_id, dst_ea.c.role == "recipient"))
                         .join(src, src.c.id == src_ea.c.actor_id).join(dst, dst.c.id == dst_ea.c.actor_id)
                         .join(events, events.c.id == src_ea.c.event_id))
            .where(src_ea.c.role == "actor", src_ea.c.event_id.in_(select(ev_ids.c.id)), src.c.key != dst.c.key)
            .group_by(src.c.key, dst.c.key, events.c.type).order_by(literal_column("n").desc()).limit(limit))
    with store.engine.connect() as conn:
        edges = [{"source": r.source, "target": r.target, "type": r.type, "count": r.n, "example": r.example}
                 for r in conn.execute(stmt)]
        keys = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = []
        if keys:
            q = (select(actors.c.key, func.min(actors.c.name).label("name"), func.min(actors.c.country).label("country"),
                        func.min(actors.c.kind).label("kind")).where(actors.c.key.in_(keys)).group_by(actors.c.key))
            nodes = [dict(r) for r in conn.execute(q).mappings()]
    weight: dict[str, int] = {}
    for e in edges:
        weight[e["source"]] = weight.get(e["source"], 0) + e["count"]
        weight[e["target"]] = weight.get(e["target"], 0) + e["count"]
    for n in nodes:
        n["events"] = weight.get(n["key"], 0)
    return {"nodes": nodes, "edges": edges}


def stats(store: Store) -> dict[str, Any]:
    """Counts of everything stored."""
    with store.engine.connect() as conn:
        count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
        by_type = dict(conn.execute(select(events.c.type, func.count()).group_by(events.c.type)).all())
        n_actors = conn.execute(select(func.count(func.distinct(actors.c.key)))).scalar_one()
        return {"articles": count(articles), "events": count(events), "failures": count(failures),
                "actors": n_actors, "actor_mentions": count(actors), "places": count(places),
                "claims": count(claims), "times": count(times), "by_type": by_type}


def list_failures(store: Store, *, limit: int = 100) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(failures).order_by(failures.c.pk.desc()).limit(limit)).mappings().all()
    return [{**dict(r), "created_at": r["created_at"].isoformat()} for r in rows]


def search_articles(store: Store, q: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Articles whose title or text contain every word of ``q``."""
    ids = _fts_article_ids(store, q)
    with store.engine.connect() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.published, articles.c.text)
                            .where(articles.c.id.in_(ids)).order_by(articles.c.published.desc().nulls_last(), articles.c.id)
                            .limit(limit)).all()
    words = [w.lower() for w in _WORD.findall(q)]
    return [{"id": r.id, "title": r.title, "published": _iso(r.published), "snippet": _snippet(r.text, words)} for r in rows]


def _snippet(body: str, words: list[str], width: int = 160) -> str:
    low = body.lower()
    pos = min((p for p in (low.find(w) for w in words) if p >= 0), default=0)
    start = max(0, pos - width // 3)
    return ("…" if start else "") + body[start:start + width].replace("\n", " ") + ("…" if start + width < len(body) else "")
