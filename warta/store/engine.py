"""Database URLs → SQLAlchemy engines with the settings each backend needs.

SQLite runs in WAL mode with a busy timeout; write transactions (``writing``) take
the write lock at their start (``BEGIN IMMEDIATE``), so two ``warta ingest``
processes on one file wait for each other instead of failing or corrupting it,
while readers (the web UI) never wait for a writer.

Example:
    >>> normalise_url("warta.db")
    'sqlite:///warta.db'
    >>> normalise_url("postgresql://u@localhost/warta")
    'postgresql+psycopg://u@localhost/warta'
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

#: execution option marking a connection that will write
WRITE_OPTION = "warta_write"
#: how long a writer waits for another process's lock before giving up
SQLITE_BUSY_TIMEOUT_S = 60


def normalise_url(db: str | Path) -> str:
    db = str(db)
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def make_engine(db: str | Path) -> Engine:
    url = normalise_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "isolation_level": None})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API types
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):  # noqa: ANN001
            # Writers take the lock up front (no deadlocked lock upgrades); readers never queue behind them.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (``BEGIN IMMEDIATE`` on SQLite), committed on success."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn
