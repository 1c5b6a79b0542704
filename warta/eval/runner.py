"""Run the benchmark tasks of ``warta.eval.core.TASKS`` and collect their scores.

A task whose module is missing, whose data is absent or which raises becomes one
scorecard row carrying the error, so one broken benchmark never hides the others.

Example:
    >>> scores = run_eval(["ner"], data_dir=default_data_dir(), limit=5)   # doctest: +SKIP
    >>> scores[0].key                                                      # doctest: +SKIP
    'ner/nergrit/test/f1_micro'
"""
from __future__ import annotations

import dataclasses
import importlib
import json
import math
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from ..errors import InputError, one_line
from ..paths import default_data_dir
from .core import TASKS, Score

#: Environment variable naming the folder of benchmark data (read by ``warta.paths``).
DATA_ENV = "WARTA_DATA"
#: The metric name of a row that stands for a task that could not run.
ERROR_METRIC = "error"


@dataclass(frozen=True)
class TaskFailure(Score):
    """A scorecard row for a task that could not produce scores; ``error`` says why in one line."""

    error: str = ""


def task_names() -> list[str]:
    return list(TASKS)


def load_task(name: str) -> ModuleType:
    """Import a task module by task name (raises ``ImportError`` when it is missing)."""
    return importlib.import_module(TASKS[name])


def fast_limits() -> dict[str, int | None]:
    """The CI gate subset: task → sentence/document limit, for every importable task with ``FAST = True``."""
    out: dict[str, int | None] = {}
    for name in TASKS:
        try:
            mod = load_task(name)
        except Exception:  # a missing or broken module is simply not part of the fast subset
            continue
        if getattr(mod, "FAST", False):
            out[name] = getattr(mod, "FAST_LIMIT", None)
    return out


def run_eval(tasks: Sequence[str] | None = None, *, data_dir: Path | None = None, limit: int | None = None,
             errors_path: Path | None = None, progress: Callable[[str], None] | None = None) -> list[Score]:
    """Run the named tasks (all when None) and return their scores in registry order.

    Args:
        tasks: task names from ``warta.eval.core.TASKS``; unknown names raise ``InputError``.
        data_dir: the benchmark data folder (default: ``default_data_dir()``).
        limit: cap on examples per dataset, passed to every task.
        errors_path: when given, one JSON line per wrong example (``{"task": ..., ...}``) is written there.
        progress: called with a one-line message as each task starts and ends.
    """
    names = _check_names(tasks)
    return run_tasks({n: limit for n in names}, data_dir=data_dir, errors_path=errors_path, progress=progress)


def run_tasks(limits: dict[str, int | None], *, data_dir: Path | None = None, errors_path: Path | None = None,
              progress: Callable[[str], None] | None = None) -> list[Score]:
    """Run each task with its own limit; see ``run_eval``."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    if not data_dir.is_dir():
        raise InputError(f"the benchmark data folder {data_dir} does not exist",
                         hint=f"pass --data DIR or set {DATA_ENV}")
    scores: list[Score] = []
    sink = errors_path.open("w", encoding="utf-8") if errors_path else None
    try:
        for name in [n for n in TASKS if n in limits]:
            if progress:
                progress(f"{name}: running")
            errors: list[dict] = []
            t0 = time.perf_counter()
            rows = _run_one(name, data_dir, limits[name], errors)
            secs = time.perf_counter() - t0
            # Tasks time their own datasets; a row without a time gets the task's wall time.
            rows = [r if r.seconds > 0 else dataclasses.replace(r, seconds=secs) for r in rows]
            scores += rows
            if sink:
                for e in errors:
                    sink.write(json.dumps({"task": name, **e}, ensure_ascii=False, default=str) + "\n")
            if progress:
                failed = [r for r in rows if isinstance(r, TaskFailure)]
                progress(f"{name}: {'FAILED: ' + failed[0].error if failed else f'{len(rows)} scores'} ({secs:.1f}s)")
    finally:
        if sink:
            sink.close()
    return scores


def _check_names(tasks: Sequence[str] | None) -> list[str]:
    if not tasks:
        return list(TASKS)
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        raise InputError(f"unknown evaluation task {', '.join(map(repr, unknown))}",
                         hint=f"choose from {', '.join(TASKS)}")
    return list(tasks)


def _run_one(name: str, data_dir: Path, limit: int | None, errors: list[dict]) -> list[Score]:
    t0 = time.perf_counter()
    try:
        mod = load_task(name)
    except ModuleNotFoundError as exc:
        why = (f"task module {TASKS[name]} is not written yet" if exc.name == TASKS[name]
               else f"cannot import {TASKS[name]}: {one_line(exc)}")
        return [_failure(name, why, t0)]
    except Exception as exc:
        errors.append({"failure": "import", "traceback": traceback.format_exc()})
        return [_failure(name, f"cannot import {TASKS[name]}: {one_line(exc)}", t0)]
    try:
        rows = mod.run(data_dir, limit=limit, errors=errors)
    except FileNotFoundError as exc:
        return [_failure(name, f"benchmark data missing: {exc.filename or one_line(exc)}", t0)]
    except Exception as exc:
        errors.append({"failure": "run", "traceback": traceback.format_exc()})
        return [_failure(name, one_line(exc), t0)]
    rows = list(rows or [])
    if not rows:
        return [_failure(name, "the task returned no scores", t0)]
    bad = [r for r in rows if not isinstance(r, Score)]
    if bad:
        return [_failure(name, f"the task returned {type(bad[0]).__name__}, not Score", t0)]
    return rows


def _failure(name: str, why: str, t0: float) -> TaskFailure:
    return TaskFailure(name, "-", "-", ERROR_METRIC, math.nan, 0, time.perf_counter() - t0, error=why)


