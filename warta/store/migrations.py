"""Small named migrations, each applied once inside a transaction.

Example:
    >>> [name for name, _ in MIGRATIONS][:1]
    ['0001_initial']
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, MetaData, String, Table, select
from sqlalchemy.engine import Connection, Engine

from .engine import writing
from .schema import metadata

#: an arbitrary constant naming warta's migration lock on PostgreSQL
MIGRATION_LOCK_ID = 7_277_873
_meta = MetaData()
applied_table = Table(
    "schema_migrations", _meta,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def _initial(conn: Connection) -> None:
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
        )
    else:
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text))"
        )


def _filter_indexes(conn: Connection) -> None:
    # Measured on 100k events (scripts/bench_web.py): actor-name search and the timeline's grouping.
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_actors_name ON actors (name, id)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_events_date_type ON events (date_start, type)")


MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_filter_indexes", _filter_indexes),
]


def migrate(engine: Engine) -> list[str]:
    """Apply pending migrations; returns the names applied now."""
    done_now = []
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            # Two processes starting at once must not both create the schema.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})")
        _meta.create_all(conn)
        done = set(conn.execute(select(applied_table.c.name)).scalars())
        for name, step in MIGRATIONS:
            if name in done:
                continue
            step(conn)
            conn.execute(applied_table.insert().values(name=name, applied_at=datetime.now(timezone.utc)))
            done_now.append(name)
    return done_now
