"""Run the pipeline on several CPU cores: forked workers that share the loaded models.

The parent process runs the first few articles itself, which loads the models and
lexicons, then forks ``n_process`` workers. Forked after loading, the workers
share those pages copy-on-write instead of each loading its own copy (``gc.freeze``
keeps the collector from writing to, and so copying, every shared object). Batches go
to the workers, at most a few per worker at a time so a long input never piles up in
memory, and results come back in input order. Workers only compute: the caller (the
parent) writes the store.

Where ``fork`` is not available (Windows; macOS, where forking after loading native
libraries is unsafe) the work runs in this process, as with ``n_process=1``.

Example:
    >>> from warta.ingest import article_from_text
    >>> arts = [article_from_text(f"Rusia menyerang Ukraina pada hari ke-{i}.", article_id=str(i)) for i in range(6)]
    >>> out = list(contracts_many(arts, n_process=2, batch_size=2))          # doctest: +SKIP
    >>> [o["article"]["id"] for o in out]                                      # doctest: +SKIP
    ['0', '1', '2', '3', '4', '5']
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .errors import InputError, WartaError
from .model import Article, Document
from .pipeline import Failure, Pipeline, iter_batches

#: ``n_process`` value meaning one worker per CPU core
AUTO = "auto"
#: articles the parent runs itself before forking: enough to load the models, few enough that the
#: cores are not left idle for long while it works alone
WARM_UP_ARTICLES = 8
#: batches queued per worker: one being processed and one ready, so a worker never waits for the parent
IN_FLIGHT_PER_WORKER = 2
#: articles per batch sent to a worker. What a batch allocates stays with the worker's allocator, so
#: the batch size sets each worker's high-water mark: on 2,000 CLICK-ID articles with 2 workers, 16 gave
#: summed RSS 1,280 MB / PSS 807 MB against 1,641 / 1,167 with 64, at the same throughput within noise
#: (47.5–55.8 against 50.5–55.5 articles/s, 2026-11-27).
WORKER_BATCH_SIZE = 16

# The pipeline the forked workers use: set in the parent just before forking, inherited by the children.
_WORKER_PIPELINE: Pipeline | None = None


def resolve_processes(n_process: int | str | None) -> int:
    """``auto`` (or None) → the CPU count; otherwise a positive integer.

    Example:
        >>> resolve_processes(2), resolve_processes("3"), resolve_processes("auto") >= 1
        (2, 3, True)
    """
    if n_process is None or n_process == AUTO:
        return os.cpu_count() or 1
    try:
        n = int(n_process)
    except (TypeError, ValueError):
        n = 0
    if n < 1:
        raise InputError(f"processes={n_process!r} is not a process count", hint="use a whole number ≥ 1 or 'auto'")
    return n


def can_fork() -> bool:
    """True where worker processes can be forked safely (Linux and other non-macOS POSIX)."""
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def contracts_many(articles: Iterable[Article], *, pipeline: Pipeline | None = None, n_process: int | str = 2,
                   batch_size: int = 64) -> Iterator[dict[str, Any] | Failure]:
    """Contract dicts (or ``Failure``s naming the stage) for ``articles``, in input order.

    Stage times of the workers are added to ``pipeline.timings``, so a breakdown stays complete.
    """
    from .api import default_pipeline

    pipe = pipeline or default_pipeline()
    n = resolve_processes(n_process)
    if n == 1 or not can_fork():
        for batch in iter_batches(articles, batch_size):
            yield from _run_batch_with(pipe, batch)
        return
    items = iter(articles)
    first = list(itertools.islice(items, min(WARM_UP_ARTICLES, batch_size)))
    if not first:
        return
    # The first few articles in this process: they load the models before the fork shares them.
    yield from _run_batch_with(pipe, first)
    yield from _fan_out(pipe, iter_batches(items, min(batch_size, WORKER_BATCH_SIZE)), n)


def _fan_out(pipe: Pipeline, batches: Iterator[list[Article]], n: int) -> Iterator[dict[str, Any] | Failure]:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipe
    gc.collect()
    gc.freeze()
    pending: deque[Future] = deque()
    try:
        with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_init_worker) as pool:
            for batch in batches:
                pending.append(pool.submit(_run_batch, batch))
                while len(pending) >= n * IN_FLIGHT_PER_WORKER:
                    yield from _collect(pipe, pending.popleft())
            while pending:
                yield from _collect(pipe, pending.popleft())
    finally:
        for fut in pending:
            fut.cancel()
        gc.unfreeze()
        _WORKER_PIPELINE = None


def _collect(pipe: Pipeline, fut: Future) -> list[dict[str, Any] | Failure]:
    try:
        results, timings = fut.result()
    except BrokenProcessPool as exc:
        # A worker died without a Python exception (killed, out of memory): no stage to blame.
        raise WartaError("a worker process died while processing articles",
                         hint="run with --processes 1, or with fewer processes if memory is short") from exc
    for name, secs in timings.items():
        pipe.timings[name] = pipe.timings.get(name, 0.0) + secs
    return [Failure(*r[1:]) if r[0] == "fail" else r[1] for r in results]


def _init_worker() -> None:
    # The workers already fill the cores: a BLAS thread pool in each would only contend.
    limit_blas_threads(1)


def _run_batch(batch: list[Article]) -> tuple[list[tuple], dict[str, float]]:
    """In a worker: the batch → picklable results (contract dicts, or failure tuples) and stage times."""
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    pipe = _WORKER_PIPELINE
    before = dict(pipe.timings)
    out = _run_batch_with(pipe, batch)
    rows = [("fail", r.article_id, r.stage, r.message) if isinstance(r, Failure) else ("ok", r) for r in out]
    return rows, {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()}


def _run_batch_with(pipe: Pipeline, batch: list[Article]) -> list[dict[str, Any] | Failure]:
    from .api import process_many
    from .serialize import to_contract

    meta = pipe.describe()
    out: list[dict[str, Any] | Failure] = []
    for item in process_many(batch, batch_size=len(batch), pipeline=pipe):
        out.append(to_contract(item, pipeline=meta) if isinstance(item, Document) else item)
    return out


def limit_blas_threads(n: int) -> bool:
    """Cap the BLAS thread pools loaded in this process at ``n`` threads; False if none is loaded.

    numpy reads ``OPENBLAS_NUM_THREADS`` only when it is first imported, so a forked worker sets the
    limit through the library's own call (threadpoolctl, as the analysis stage does around its models).
    """
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=n, user_api="blas")
    return any(lib.get("user_api") == "blas" for lib in threadpool_info())


__all__ = ["AUTO", "contracts_many", "resolve_processes", "can_fork", "limit_blas_threads"]
