"""Batch ingest: files → articles → pipeline → store, idempotent and failure-tolerant.

Example:
    >>> import tempfile, os
    >>> from warta.store import Store
    >>> from warta.ingest import article_from_text
    >>> store = Store(os.path.join(tempfile.mkdtemp(), "w.db"))
    >>> s = ingest_articles([article_from_text("Rusia menyerang Ukraina.")], store=store)
    >>> (s.ingested, s.skipped, s.failed)
    (1, 0, 0)
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import default_pipeline, process_many
from .ingest import DEFAULT_MAX_CHARS, BadRecord, iter_articles
from .model import Article, Document
from .parallel import contracts_many, resolve_processes
from .pipeline import Failure, Pipeline, iter_batches
from .serialize import to_contract
from .store import Store

#: articles per pipeline batch and per database transaction
DEFAULT_BATCH_SIZE = 64
#: refresh the database's planner statistics after ingesting at least this many articles
OPTIMIZE_AFTER = 500
#: the stage name recorded for inputs that never became articles
INPUT_STAGE = "input"


@dataclass
class IngestSummary:
    ingested: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        done = self.ingested + self.skipped + self.failed
        return done / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 3), "articles_per_second": round(self.rate, 2),
                "failures": self.failures}


def ingest_articles(items: Iterable[Article | BadRecord], *, store: Store, reprocess: bool = False,
                    batch_size: int = DEFAULT_BATCH_SIZE, pipeline: Pipeline | None = None,
                    on_progress: Callable[[int], None] | None = None, n_process: int | str = 1) -> IngestSummary:
    """Process and store every article; bad inputs and failing articles go to the failures table.

    ``n_process`` above 1 (or ``"auto"``) processes batches in forked workers (:mod:`warta.parallel`);
    only this process writes the store. Then the unchanged-article check runs when a batch is read,
    a few batches ahead of the writes, so an id repeated in nearby batches may be processed twice.
    """
    pipe = pipeline or default_pipeline()
    meta = pipe.describe()
    summary = IngestSummary()
    t0 = time.perf_counter()
    if resolve_processes(n_process) > 1:
        results: list[dict[str, Any]] = []
        todo = _to_process(items, store=store, summary=summary, reprocess=reprocess, meta=meta,
                           batch_size=batch_size, on_progress=on_progress)
        for out in contracts_many(todo, pipeline=pipe, n_process=n_process, batch_size=batch_size):
            if isinstance(out, Failure):
                _fail(store, summary, out.stage, out.message, out.article_id, None)
                continue
            results.append(out)
            if len(results) >= batch_size:
                store.add_many(results)
                summary.ingested += len(results)
                results = []
        if results:
            store.add_many(results)
            summary.ingested += len(results)
    else:
        for batch in iter_batches(items, batch_size):
            todo_batch = _current_batch(batch, store=store, summary=summary, reprocess=reprocess, meta=meta)
            results = []
            for out in process_many(todo_batch, batch_size=batch_size, pipeline=pipe):
                if isinstance(out, Document):
                    results.append(to_contract(out, pipeline=meta))
                else:
                    _fail(store, summary, out.stage, out.message, out.article_id, None)
            if results:
                store.add_many(results)
                summary.ingested += len(results)
            if on_progress:
                on_progress(len(batch))
    if summary.ingested >= OPTIMIZE_AFTER:
        store.optimize()
    summary.seconds = time.perf_counter() - t0
    return summary


def _current_batch(batch: list[Article | BadRecord], *, store: Store, summary: IngestSummary, reprocess: bool,
                   meta: dict[str, Any]) -> list[Article]:
    """The articles of ``batch`` to process: bad inputs recorded as failures, unchanged ones skipped."""
    todo: dict[str, Article] = {}
    for item in batch:
        if isinstance(item, BadRecord):
            _fail(store, summary, INPUT_STAGE, item.message, item.article_id, item.where)
        else:
            todo[item.id] = item  # a repeated id within a batch: the last one wins
    if todo and not reprocess:
        known = store.known(list(todo))
        for aid in [a for a, art in todo.items() if store.is_current(a, art.text, meta, known)]:
            del todo[aid]
            summary.skipped += 1
    return list(todo.values())


def _to_process(items: Iterable[Article | BadRecord], *, store: Store, summary: IngestSummary, reprocess: bool,
                meta: dict[str, Any], batch_size: int,
                on_progress: Callable[[int], None] | None) -> Iterator[Article]:
    for batch in iter_batches(items, batch_size):
        yield from _current_batch(batch, store=store, summary=summary, reprocess=reprocess, meta=meta)
        if on_progress:
            on_progress(len(batch))


def _fail(store: Store, summary: IngestSummary, stage: str, message: str, article_id: str | None,
          where: str | None) -> None:
    store.record_failure(stage=stage, message=message, article_id=article_id, location=where)
    summary.failed += 1
    summary.failures.append({"article_id": article_id, "location": where, "stage": stage, "message": message})


def ingest_paths(paths: list[Path], *, store: Store, reprocess: bool = False, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_chars: int = DEFAULT_MAX_CHARS, published: Any = None, coder: str = "rules",
                 on_progress: Callable[[int], None] | None = None, n_process: int | str = 1) -> IngestSummary:
    """Ingest files and folders (.txt, .html, .jsonl[.gz]); ``n_process`` as in :func:`ingest_articles`."""
    return ingest_articles(iter_articles(paths, max_chars=max_chars, published=published), store=store,
                           reprocess=reprocess, batch_size=batch_size, on_progress=on_progress,
                           pipeline=default_pipeline(coder=coder), n_process=n_process)


def count_inputs(paths: list[Path]) -> int | None:
    """A quick count of articles for the progress bar (JSONL lines + other files)."""
    from .ingest import JSONL_SUFFIXES, iter_paths
    import gzip

    total = 0
    for p in iter_paths(paths):
        if not p.exists():
            total += 1
        elif p.name.lower().endswith(JSONL_SUFFIXES):
            opener = gzip.open if p.name.endswith(".gz") else open
            with opener(p, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


__all__ = ["IngestSummary", "ingest_articles", "ingest_paths", "count_inputs", "Failure"]
