"""Hand-made task modules for the runner and gate tests (registered per test with monkeypatch)."""
from __future__ import annotations

import sys
import types
from pathlib import Path

from warta.eval.core import Score


def make_task(name: str, values: dict[str, float], *, fast: bool = True, fast_limit: int | None = 3,
              raises: BaseException | None = None) -> types.ModuleType:
    """A module obeying the task contract that returns ``values`` (metric → score) on dataset ``toy``."""
    mod = types.ModuleType(f"tests_fake_task_{name}")
    mod.TASK = name
    mod.DATASETS = ("toy",)
    mod.FAST = fast
    mod.FAST_LIMIT = fast_limit
    mod.calls = []

    def run(data_dir: Path, *, limit: int | None = None, errors: list[dict] | None = None) -> list[Score]:
        mod.calls.append(limit)
        if raises is not None:
            raise raises
        if errors is not None:
            errors.append({"dataset": "toy", "index": 0, "gold": "A", "predicted": "B"})
        return [Score(name, "toy", "test", metric, value, 10, 0.5) for metric, value in values.items()]

    mod.run = run
    return mod


def register(monkeypatch, name: str, module: types.ModuleType | None) -> None:
    """Put ``name`` in the task registry (alone); ``module=None`` registers a module that does not exist."""
    from warta.eval import core

    mod_name = module.__name__ if module is not None else f"tests_missing_task_{name}"
    monkeypatch.setitem(core.TASKS, name, mod_name)
    if module is not None:
        monkeypatch.setitem(sys.modules, mod_name, module)
