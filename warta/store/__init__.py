"""The event store: SQLite (default) or PostgreSQL behind one class.

Example:
    >>> import tempfile, os, warta
    >>> store = Store(os.path.join(tempfile.mkdtemp(), "w.db"))
    >>> store.add(warta.extract("Rusia menyerang Ukraina.", published="2024-10-08"))  # doctest: +ELLIPSIS
    '...'
    >>> store.stats()["articles"]
    1
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import StoreError, unreachable_db
from .engine import make_engine, normalise_url, writing
from .migrations import migrate
from .rows import content_hash, pipeline_signature, rows_for
from .schema import ARTICLE_CHILD_TABLES, articles, failures

__all__ = ["Store", "DEFAULT_DB"]

DEFAULT_DB = "warta.db"
#: insertion order (parents first)
_INSERT_ORDER = ("articles", "actors", "places", "times", "claims", "events", "event_actors", "spans")


class Store:
    """A connection to a warta database; creates and migrates the schema on first use."""

    def __init__(self, db: str | Path = DEFAULT_DB) -> None:
        self.url = normalise_url(db)
        self.engine = make_engine(db)
        self.dialect = self.engine.dialect.name
        try:
            migrate(self.engine)
        except OperationalError as exc:
            self.engine.dispose()
            raise unreachable_db(_safe_url(self.url), _first_line(exc)) from None
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot prepare the database {_safe_url(self.url)}: {_first_line(exc)}") from None

    # -- writing ---------------------------------------------------------------------------------
    def add(self, result: dict[str, Any]) -> str:
        """Store one ``warta.extract`` result, replacing any earlier version of that article."""
        self.add_many([result])
        return result["article"]["id"]

    def add_many(self, results: Iterable[dict[str, Any]]) -> int:
        """Store several results in one transaction (all or none)."""
        batch = [rows_for(r) for r in results]
        if not batch:
            return 0
        ids = [b["articles"][0]["id"] for b in batch]
        with writing(self.engine) as conn:
            for table in ARTICLE_CHILD_TABLES:
                conn.execute(delete(table).where(table.c.article_id.in_(ids)))
            conn.execute(delete(articles).where(articles.c.id.in_(ids)))
            conn.execute(delete(failures).where(failures.c.article_id.in_(ids)))
            tables = {t.name: t for t in (articles, *ARTICLE_CHILD_TABLES)}
            for name in _INSERT_ORDER:
                rows = [row for b in batch for row in b[name]]
                if rows:
                    conn.execute(insert(tables[name]), rows)
        return len(batch)

    def record_failure(self, *, stage: str, message: str, article_id: str | None = None,
                       location: str | None = None) -> None:
        """Remember an article that could not be processed (the run goes on)."""
        with writing(self.engine) as conn:
            if article_id:
                conn.execute(delete(failures).where(failures.c.article_id == article_id))
            conn.execute(insert(failures).values(article_id=article_id, location=location, stage=stage,
                                                 message=message, created_at=datetime.now(timezone.utc)))

    # -- reading (thin wrappers over warta.query) ------------------------------------------------
    def known(self, article_ids: list[str]) -> dict[str, tuple[str, str]]:
        """article id → (content hash, pipeline signature) for the ids already stored."""
        if not article_ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.content_hash, articles.c.pipeline_version)
                                .where(articles.c.id.in_(article_ids)))
            return {r.id: (r.content_hash, r.pipeline_version) for r in rows}

    def is_current(self, article_id: str, text: str, pipeline: dict[str, Any],
                   known: dict[str, tuple[str, str]]) -> bool:
        return known.get(article_id) == (content_hash(text), pipeline_signature(pipeline))

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Event rows matching ``warta.query.EventFilter`` fields (``limit``/``offset`` too)."""
        from ..query import EventFilter, list_events

        limit = filters.pop("limit", None)
        offset = filters.pop("offset", 0)
        rows, _ = list_events(self, EventFilter(**filters), limit=limit, offset=offset)
        return rows

    def stats(self) -> dict[str, Any]:
        from ..query import stats

        return stats(self)

    def optimize(self) -> None:
        """Refresh the planner's statistics after a large write (cheap when little changed)."""
        with writing(self.engine) as conn:
            conn.exec_driver_sql("PRAGMA optimize" if self.dialect == "sqlite" else "ANALYZE")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        user = cred.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url
