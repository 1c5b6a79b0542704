"""The JSON API under ``/api/`` (documented at ``/api/docs``, schema at ``/api/openapi.json``).

Every endpoint reads through ``warta.query``; none builds SQL. Handlers are plain
``def`` so FastAPI runs them in its thread pool and a slow query never blocks the loop.

Example:
    >>> # GET /api/events?type=ASSAULT&country=UKR&limit=10
    >>> # → {"items": [...], "total": 3, "limit": 10, "offset": 0}
"""
from __future__ import annotations

import hmac
from typing import Any

from fastapi import Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .. import query
from ..ingest import DEFAULT_MAX_CHARS
from ..query import EventFilter

#: The largest page ``/api/events`` returns; bigger sets go through the CSV/GeoJSON downloads.
API_MAX_LIMIT = 500
API_DEFAULT_LIMIT = 50
#: Caps for the aggregate endpoints (what one chart can usefully draw).
MAP_MAX_POINTS = 20_000
NETWORK_MAX_EDGES = 2_000


def event_filter(
    type: str | None = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    actor: str | None = Query(None, max_length=200, description="actor name substring, actor key or ISO3 code"),
    country: str | None = Query(None, max_length=8, description="ISO 3166-1 alpha-3: actor, recipient or place country"),
    since: str | None = Query(None, description="YYYY-MM-DD: events whose date interval ends on or after this day"),
    until: str | None = Query(None, description="YYYY-MM-DD: events whose date interval starts on or before this day"),
    certainty: str | None = Query(None, description="certain | probable | possible"),
    status: str | None = Query(None, description="occurred | ongoing | expected | hypothetical"),
    historical: str | None = Query(None, description="true | false"),
    q: str | None = Query(None, max_length=500, description="full-text search over article titles and texts"),
    article_id: str | None = Query(None, max_length=200, description="only this article's events"),
) -> EventFilter:
    """The table's filters as query parameters (empty values mean no filter)."""
    return EventFilter.from_params({
        "type": type, "actor": actor, "country": country, "since": since, "until": until, "certainty": certainty,
        "status": status, "historical": historical, "q": q, "article_id": article_id,
    })


def _store(request: Request) -> Any:
    return request.app.state.store


def _json(content: Any, status: int = 200) -> JSONResponse:
    # Rows from warta.query are already JSON-ready; skipping jsonable_encoder keeps big pages fast.
    return JSONResponse(content, status_code=status)


def events(
    request: Request,
    flt: EventFilter = Depends(event_filter),
    sort: str = Query("date", description=f"one of {', '.join(query.SORTS)}"),
    order: str = Query("desc", pattern="^(asc|desc)$"),
    limit: int = Query(API_DEFAULT_LIMIT, ge=1, le=API_MAX_LIMIT),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> JSONResponse:
    """Events matching the filters, one page at a time: ``{"items": [...], "total": n}``."""
    items, total = query.list_events(_store(request), flt, sort=sort, descending=order == "desc",
                                     limit=limit, offset=offset)
    return _json({"items": items, "total": total, "limit": limit, "offset": offset})


def event(request: Request, event_id: str) -> JSONResponse:
    """Every field of one event, its article, its claim and the spans that cite each field."""
    row = query.get_event(_store(request), event_id)
    if row is None:
        raise HTTPException(404, "no such event")
    return _json(row)


def article(request: Request, article_id: str) -> JSONResponse:
    """One article with its stored result, events, claims and spans."""
    art = query.get_article(_store(request), article_id)
    if art is None:
        raise HTTPException(404, "no such article")
    return _json(art)


def actors(
    request: Request,
    q: str | None = Query(None, max_length=200, description="name substring or exact actor key"),
    limit: int = Query(API_DEFAULT_LIMIT, ge=1, le=API_MAX_LIMIT),
    offset: int = Query(0, ge=0, le=10_000_000),
) -> JSONResponse:
    """Actors across articles (grouped by their cross-article key), most active first."""
    items, total = query.list_actors(_store(request), q=q or None, limit=limit, offset=offset)
    return _json({"items": items, "total": total, "limit": limit, "offset": offset})


def actor(request: Request, key: str) -> JSONResponse:
    """One actor: names, roles, events, counterparts and events per day."""
    row = query.get_actor(_store(request), key)
    if row is None:
        raise HTTPException(404, "no such actor")
    return _json(row)


def timeline(request: Request, flt: EventFilter = Depends(event_filter)) -> JSONResponse:
    """Events per day and type: ``[{"day", "type", "count"}]``."""
    return _json(query.timeline(_store(request), flt))


def map_points(request: Request, flt: EventFilter = Depends(event_filter),
               limit: int = Query(5000, ge=1, le=MAP_MAX_POINTS)) -> JSONResponse:
    """Geolocated events: ``[{"event_id", "type", "lat", "lon", "place_name", "date_start", "title"}]``."""
    return _json(query.map_points(_store(request), flt, limit=limit))


def network(request: Request, flt: EventFilter = Depends(event_filter),
            limit: int = Query(500, ge=1, le=NETWORK_MAX_EDGES)) -> JSONResponse:
    """Actors as nodes, actor→recipient pairs per event type as edges."""
    return _json(query.network(_store(request), flt, limit=limit))


def stats(request: Request) -> JSONResponse:
    """Counts of articles, events, failures, actors, places and claims, and events per type."""
    return _json(query.stats(_store(request)))


class IngestRequest(BaseModel):
    """One article to extract and store."""

    text: str = Field(..., min_length=1, max_length=DEFAULT_MAX_CHARS)
    title: str | None = Field(None, max_length=2_000)
    published: str | None = Field(None, max_length=32, description="YYYY-MM-DD")
    language: str | None = Field(None, max_length=8, description="id, en or auto")
    url: str | None = Field(None, max_length=2_000)
    source: str | None = Field(None, max_length=200)
    id: str | None = Field(None, max_length=200)


def _check_token(request: Request, authorization: str | None) -> None:
    expected = request.app.state.token
    scheme, _, given = (authorization or "").partition(" ")
    # compare_digest: the time taken must not reveal how much of the token was right
    if not expected or scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(401, "a valid bearer token is needed", headers={"WWW-Authenticate": "Bearer"})


def ingest_article(request: Request, body: IngestRequest,
                   authorization: str | None = Header(None, description="Bearer <token>")) -> JSONResponse:
    """Extract events from one article and store them (only with ``--allow-ingest`` and a token)."""
    _check_token(request, authorization)
    from .. import api as core_api  # looked up at call time so the heavy pipeline loads only when used

    result = core_api.extract(body.text, title=body.title, published=body.published, language=body.language,
                              url=body.url, source=body.source, article_id=body.id)
    article_id = _store(request).add(result)
    return _json({"id": article_id, "events": len(result.get("events", [])),
                  "url": f"/articles/{article_id}"}, status=201)
