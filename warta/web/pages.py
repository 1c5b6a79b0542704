"""Server-rendered pages: the events table, one event with its evidence, articles, actors,
timeline, map, network, the downloads and the API reference.

Every page reads through ``warta.query``. Data for the charts travels as JSON inside
``<script type="application/json">`` (Jinja's ``tojson`` escapes ``<``, ``>`` and ``&``), and
the shipped scripts read it with ``JSON.parse``; nothing is ever evaluated.

Example:
    >>> # GET /?type=ASSAULT&country=UKR&sort=date&order=desc&page=2
"""
from __future__ import annotations

import math
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from .. import query
from ..errors import InputError
from ..query import EventFilter
from . import downloads
from .highlight import highlight
from .render import render

PER_PAGE_CHOICES = (25, 50, 100, 200)
DEFAULT_PER_PAGE = 50
#: Deep pages cost a long OFFSET scan; past this an analyst should narrow the filters or download.
MAX_PAGE = 2_000
MAP_POINTS = 5_000
NETWORK_EDGES = 300
ACTORS_PER_PAGE = 50


def _filter(request: Request) -> EventFilter:
    return EventFilter.from_params(request.query_params)


def _int_param(request: Request, name: str, default: int, *, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"'{name}' must be a whole number", hint=f"use {low} to {high}") from None
    if not low <= value <= high:
        raise InputError(f"'{name}' {value} is out of range", hint=f"use {low} to {high}")
    return value


def _page(template: str, request: Request, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, request=request, **context))


def events_page(request: Request) -> HTMLResponse:
    """``/``: the filterable, sortable, paginated events table."""
    flt = _filter(request)
    sort = request.query_params.get("sort") or "date"
    if sort not in query.SORTS:
        raise InputError(f"unknown sort '{sort}'", hint=f"use one of {', '.join(query.SORTS)}")
    order = "asc" if request.query_params.get("order") == "asc" else "desc"
    per_page = _int_param(request, "per_page", DEFAULT_PER_PAGE, low=1, high=max(PER_PAGE_CHOICES))
    page = _int_param(request, "page", 1, low=1, high=MAX_PAGE)
    rows, total = query.list_events(request.app.state.store, flt, sort=sort, descending=order == "desc",
                                    limit=per_page, offset=(page - 1) * per_page)
    params = flt.to_params()
    state = {**params, "sort": sort if sort != "date" else None, "order": order if order != "desc" else None,
             "per_page": per_page if per_page != DEFAULT_PER_PAGE else None}
    return _page("events.html", request, rows=rows, total=total, flt=params, state=state, sort=sort, order=order,
                 page=page, per_page=per_page, pages=max(1, math.ceil(total / per_page)), max_page=MAX_PAGE,
                 per_page_choices=PER_PAGE_CHOICES, filter_qs=_qs(params))


def _qs(params: dict[str, str]) -> str:
    from .render import query_string

    return query_string(params)


def event_page(request: Request, event_id: str) -> HTMLResponse:
    """``/events/{id}``: every field, and the article with each field's words highlighted."""
    ev = query.get_event(request.app.state.store, event_id)
    if ev is None:
        raise HTTPException(404, "no such event")
    text = ev["article"]["text"]
    names = _actor_names(request, ev["article_id"])
    claim = ev.get("claim")
    chain = [names.get(x, x) for x in (claim or {}).get("source_chain", [])]
    return _page("event.html", request, ev=ev, text_html=highlight(text, ev["spans"]),
                 kinds_present=sorted({s["kind"] for s in ev["spans"]}), claim=claim, chain=chain,
                 contract=ev.get("event") or {})


def _actor_names(request: Request, article_id: str) -> dict[str, str]:
    art = query.get_article(request.app.state.store, article_id, events_too=False) or {}
    result = (art.get("article") or {}).get("result") or {}
    return {a["id"]: a["name"] for a in result.get("actors", [])}


def article_page(request: Request, article_id: str) -> HTMLResponse:
    """``/articles/{id}``: the article, its events and claims, triggers linked to their events."""
    art = query.get_article(request.app.state.store, article_id)
    if art is None:
        raise HTTPException(404, "no such article")
    text = art["article"]["text"]
    names = {a["local_id"]: a["name"] for a in art["actors"]}
    for c in art["claims"]:
        c["chain_names"] = [names.get(x, x) for x in c.get("source_chain", [])]
    return _page("article.html", request, art=art["article"], events=art["events"], claims=art["claims"],
                 actors=art["actors"], places=art["places"], times=art["times"],
                 text_html=highlight(text, art.get("spans", []), link_events=True))


def actors_page(request: Request) -> HTMLResponse:
    """``/actors``: every actor key, most active first, searchable by name."""
    q = (request.query_params.get("q") or "").strip()[:200] or None
    page = _int_param(request, "page", 1, low=1, high=MAX_PAGE)
    rows, total = query.list_actors(request.app.state.store, q=q, limit=ACTORS_PER_PAGE,
                                    offset=(page - 1) * ACTORS_PER_PAGE)
    return _page("actors.html", request, rows=rows, total=total, q=q or "", page=page,
                 pages=max(1, math.ceil(total / ACTORS_PER_PAGE)))


def actor_page(request: Request, key: str) -> HTMLResponse:
    """``/actors/{key}``: the actor's events over time and its counterparts."""
    actor = query.get_actor(request.app.state.store, key)
    if actor is None:
        raise HTTPException(404, "no such actor")
    per_type: dict[str, int] = {}
    for e in actor["events"]:
        per_type[e["type"]] = per_type.get(e["type"], 0) + 1
    chart = [{"day": e["date_start"], "type": e["type"], "count": 1} for e in actor["events"] if e["date_start"]]
    return _page("actor.html", request, actor=actor, per_type=sorted(per_type.items(), key=lambda kv: -kv[1]),
                 chart=chart, actor_qs=_qs({"actor": key}))


def timeline_page(request: Request) -> HTMLResponse:
    """``/timeline``: events per day by type, stacked, with the table's filters."""
    flt = _filter(request)
    data = query.timeline(request.app.state.store, flt)
    return _page("timeline.html", request, data=data, flt=flt.to_params(), filter_qs=_qs(flt.to_params()),
                 total=sum(d["count"] for d in data))


def map_page(request: Request) -> HTMLResponse:
    """``/map``: geolocated events on an offline world map, clustered."""
    flt = _filter(request)
    points = query.map_points(request.app.state.store, flt, limit=MAP_POINTS)
    return _page("map.html", request, points=points, flt=flt.to_params(), filter_qs=_qs(flt.to_params()),
                 limit=MAP_POINTS)


def network_page(request: Request) -> HTMLResponse:
    """``/network``: actors as nodes, events as edges coloured by type."""
    flt = _filter(request)
    net = query.network(request.app.state.store, flt, limit=NETWORK_EDGES)
    return _page("network.html", request, net=net, flt=flt.to_params(), filter_qs=_qs(flt.to_params()),
                 limit=NETWORK_EDGES)


def export_csv(request: Request) -> StreamingResponse:
    """The filtered events as CSV (all of them, streamed)."""
    flt = _filter(request)
    return StreamingResponse(downloads.csv_lines(request.app.state.store, flt), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="warta-events.csv"'})


def export_geojson(request: Request) -> StreamingResponse:
    """The filtered, geolocated events as a GeoJSON FeatureCollection (streamed)."""
    flt = _filter(request)
    return StreamingResponse(downloads.geojson_chunks(request.app.state.store, flt),
                             media_type="application/geo+json",
                             headers={"Content-Disposition": 'attachment; filename="warta-events.geojson"'})


def api_docs_page(request: Request) -> HTMLResponse:
    """``/api/docs``: the OpenAPI schema as a readable page (no CDN, no inline script)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or (p.get("schema") or {}).get("description", ""),
                       "schema": _schema_text(p.get("schema") or {})} for p in op.get("parameters", [])]
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                              "description": op.get("description", "").replace("``", ""), "params": params,
                              "body": "requestBody" in op, "tag": (op.get("tags") or [""])[0]})
    return _page("api_docs.html", request, endpoints=endpoints, title=spec["info"]["title"],
                 version=spec["info"]["version"])


def _schema_text(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_text(s) for s in schema["anyOf"])
    t = schema.get("type", "")
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength") if k in schema]
    default = f"default {schema['default']}" if schema.get("default") is not None else ""
    return ", ".join(x for x in [t, *bounds, default] if x)
