"""The ordered stage registry and the runner loop.

A stage is any object with ``name``, ``requires``, ``assigns`` and
``__call__(doc) -> doc``; it may also offer ``pipe(docs) -> docs`` to work on a
batch at once (the language models do). The runner checks, before any article is
processed, that every requirement is assigned by an earlier stage, and names
the stage that failed when one raises.

Example:
    >>> from warta.pipeline import build_pipeline
    >>> pipe = build_pipeline(["language", "sentences"])
    >>> [s.name for s in pipe.stages]
    ['language', 'sentences']
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from .errors import PipelineConfigError, StageError, one_line
from .model import Document

PIPELINE_VERSION = "0.1.0"

#: The fields of ``Document`` a stage can require or assign. ``article`` exists
#: from the start.
INITIAL_FIELDS = ("article",)

#: name → "module:factory"; the order is the order of execution.
REGISTRY: dict[str, str] = {
    "language": "warta.stages.language:LanguageStage",
    "sentences": "warta.stages.sentences:SentenceStage",
    "analysis": "warta.stages.analysis:AnalysisStage",
    "times": "warta.stages.times:TimeStage",
    "places": "warta.stages.places:PlaceStage",
    "actors": "warta.stages.actors:ActorStage",
    "claims": "warta.stages.claims:ClaimStage",
    "events": "warta.stages.events:EventStage",
}
DEFAULT_STAGES = tuple(REGISTRY)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


@dataclass
class Failure:
    """An article that a stage could not process."""

    article_id: str
    stage: str
    message: str
    exception: BaseException | None = None


@dataclass
class Pipeline:
    stages: list[Any]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def describe(self) -> dict[str, Any]:
        return {"version": PIPELINE_VERSION, "stages": [getattr(s, "version_name", s.name) for s in self.stages]}

    def __call__(self, doc: Document) -> Document:
        """Run every stage on one document; a failure raises ``StageError``."""
        for stage in self.stages:
            doc = self._run_one(stage, doc)
        return doc

    def pipe(self, docs: Sequence[Document]) -> tuple[list[Document], list[Failure]]:
        """Run a batch; a failing article is dropped from the batch with a ``Failure``.

        Stages with a ``pipe`` method see the whole batch; if the batch call fails,
        the stage is retried article by article so one bad article costs only itself.
        """
        alive = list(docs)
        failures: list[Failure] = []
        for stage in self.stages:
            if not alive:
                break
            batch_fn = getattr(stage, "pipe", None)
            if batch_fn is not None and len(alive) > 1:
                t0 = time.perf_counter()
                try:
                    out = list(batch_fn(alive))
                    self._add_time(stage.name, t0)
                    for d in out:
                        d.stages_run.append(stage.name)
                    alive = out
                    continue
                except Exception:  # isolate the culprit below
                    self._add_time(stage.name, t0)
            survivors = []
            for d in alive:
                try:
                    survivors.append(self._run_one(stage, d))
                except StageError as err:
                    failures.append(Failure(d.article.id, err.stage, err.reason, err.__cause__))
            alive = survivors
        return alive, failures

    def _run_one(self, stage: Any, doc: Document) -> Document:
        t0 = time.perf_counter()
        try:
            result = stage(doc)
        except Exception as exc:  # the runner names the stage; the caller decides the policy
            raise StageError(stage.name, one_line(exc)) from exc
        finally:
            self._add_time(stage.name, t0)
        if not isinstance(result, Document):
            raise StageError(stage.name, f"returned {type(result).__name__} instead of the Document (a missing 'return doc'?)")
        result.stages_run.append(stage.name)
        return result

    def _add_time(self, name: str, t0: float) -> None:
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


def check_requirements(stages: Iterable[Any]) -> None:
    """Raise ``PipelineConfigError`` if a stage requires what no earlier stage assigns."""
    available = set(INITIAL_FIELDS)
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise PipelineConfigError(
                f"stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage assigns; "
                f"put a stage that assigns it before '{stage.name}'"
            )
        available.update(stage.assigns)


def load_stage(name: str, **options: Any) -> Any:
    """Instantiate a registered stage by name (imports its module lazily)."""
    if name not in REGISTRY:
        raise PipelineConfigError(f"unknown stage '{name}'; known stages: {', '.join(REGISTRY)}")
    module_name, factory_name = REGISTRY[name].split(":")
    factory: Callable[..., Any] = getattr(importlib.import_module(module_name), factory_name)
    return factory(**options)


def build_pipeline(names: Sequence[str] | None = None, *, options: dict[str, dict[str, Any]] | None = None) -> Pipeline:
    """Build (and check) a pipeline from registered stage names, in registry order."""
    names = list(names or DEFAULT_STAGES)
    options = options or {}
    stages = [load_stage(n, **options.get(n, {})) for n in names]
    check_requirements(stages)
    return Pipeline(stages=stages)


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
