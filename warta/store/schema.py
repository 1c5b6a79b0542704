"""The relational schema (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Each article's result is stored whole (``articles.result`` JSON, for exact round
trips) and decomposed into rows for filtering: actors, places, times, claims,
events, event_actors and spans. Row ids of the decomposed tables are
``<article_id>-<local id>`` strings so URLs and exports stay stable.

Example:
    >>> sorted(metadata.tables)[:3]
    ['actors', 'articles', 'claims']
"""
from __future__ import annotations

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # a stable integer key for full-text indexes
    Column("id", String(200), nullable=False, unique=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("language", String(16)),
    Column("published", Date),
    Column("url", Text),
    Column("source", Text),
    Column("content_hash", String(64), nullable=False),
    Column("pipeline_version", String(200), nullable=False),
    Column("result", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

failures = Table(
    "failures", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200)),
    Column("location", Text),  # file, file:line, or "api"
    Column("stage", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", String(260), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40), nullable=False),
    Column("key", String(200), nullable=False),  # cross-article identity: code, or kind:slug(name)
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(8)),
    Column("sector", String(20)),
    Column("role", Text),
    Column("code", String(200)),
)

places = Table(
    "places", metadata,
    Column("id", String(260), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40), nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
    Column("precision", String(20)),
)

times = Table(
    "times", metadata,
    Column("id", String(260), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(40)),
    Column("earliest", Date),
    Column("latest", Date),
    Column("granularity", String(20)),
)

claims = Table(
    "claims", metadata,
    Column("id", String(260), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40), nullable=False),
    Column("speaker_id", String(260)),
    Column("cue", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("polarity", String(10), nullable=False),
    Column("certainty", String(10), nullable=False),
    Column("source_chain", JSON, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(260), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(40), nullable=False),
    Column("type", String(20), nullable=False),
    Column("mode", String(40)),
    Column("context", JSON, nullable=False),
    Column("place_id", String(260)),
    Column("time_id", String(260)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("injured_low", Integer),
    Column("injured_high", Integer),
    Column("polarity", String(10), nullable=False),
    Column("certainty", String(10), nullable=False),
    Column("status", String(14), nullable=False),
    Column("historical", Boolean, nullable=False),
    Column("claim_id", String(260)),
    Column("confidence", Float, nullable=False),
    Column("coder", String(80), nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(260), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(260), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(10), primary_key=True),  # actor | recipient
    Column("position", Integer, nullable=False),
    Column("article_id", String(200), nullable=False),
)

spans = Table(
    "spans", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("owner_kind", String(10), nullable=False),  # actor | place | entity
    Column("owner_id", String(260), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("label", String(20)),
)

Index("ix_events_type", events.c.type)
Index("ix_events_date", events.c.date_start, events.c.date_end)
Index("ix_events_article", events.c.article_id)
Index("ix_events_certainty", events.c.certainty)
Index("ix_events_status", events.c.status)
Index("ix_events_place", events.c.place_id)
Index("ix_event_actors_actor", event_actors.c.actor_id, event_actors.c.role)
Index("ix_event_actors_article", event_actors.c.article_id)
Index("ix_actors_key", actors.c.key)
Index("ix_actors_country", actors.c.country)
Index("ix_actors_article", actors.c.article_id)
Index("ix_places_country", places.c.country)
Index("ix_places_article", places.c.article_id)
Index("ix_times_article", times.c.article_id)
Index("ix_claims_article", claims.c.article_id)
Index("ix_spans_article", spans.c.article_id)
Index("ix_failures_article", failures.c.article_id)
Index("ix_articles_published", articles.c.published)

#: delete order for replacing one article's rows (children first)
ARTICLE_CHILD_TABLES = (spans, event_actors, events, claims, times, places, actors)
