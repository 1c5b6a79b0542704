"""The runner: collects scores, dumps errors, and turns a broken task into a row instead of a crash."""
import json
import math

import pytest

from warta.errors import InputError
from warta.eval import core
from warta.eval.runner import TaskFailure, fast_limits, run_eval

from eval_fake_tasks import make_task, register


@pytest.fixture
def only_fakes(monkeypatch):
    monkeypatch.setattr(core, "TASKS", {})
    import warta.eval.runner as runner
    monkeypatch.setattr(runner, "TASKS", core.TASKS)
    return monkeypatch


def test_runs_tasks_passes_limit_and_writes_errors(only_fakes, tmp_path):
    good = make_task("good", {"f1": 0.8})
    register(only_fakes, "good", good)
    errors = tmp_path / "errors.jsonl"
    scores = run_eval(["good"], data_dir=tmp_path, limit=7, errors_path=errors)
    assert [(s.key, s.score) for s in scores] == [("good/toy/test/f1", 0.8)]
    assert good.calls == [7]
    lines = [json.loads(x) for x in errors.read_text().splitlines()]
    assert lines == [{"task": "good", "dataset": "toy", "index": 0, "gold": "A", "predicted": "B"}]


def test_missing_and_raising_tasks_become_rows(only_fakes, tmp_path):
    register(only_fakes, "good", make_task("good", {"f1": 0.8}))
    register(only_fakes, "absent", None)
    register(only_fakes, "broken", make_task("broken", {}, raises=RuntimeError("boom")))
    register(only_fakes, "nodata", make_task("nodata", {}, raises=FileNotFoundError(2, "No such file", "/x/test.txt")))
    errors = tmp_path / "errors.jsonl"
    scores = run_eval(None, data_dir=tmp_path, limit=None, errors_path=errors)
    by_task = {s.task: s for s in scores}
    assert by_task["good"].score == 0.8
    for name in ("absent", "broken", "nodata"):
        assert isinstance(by_task[name], TaskFailure) and math.isnan(by_task[name].score)
    assert "not written yet" in by_task["absent"].error
    assert by_task["broken"].error == "RuntimeError: boom"
    assert "/x/test.txt" in by_task["nodata"].error
    assert any("Traceback" in json.loads(x).get("traceback", "") for x in errors.read_text().splitlines())


def test_unknown_task_name_is_a_user_error(only_fakes, tmp_path):
    register(only_fakes, "good", make_task("good", {"f1": 0.8}))
    with pytest.raises(InputError, match="choose from good"):
        run_eval(["nope"], data_dir=tmp_path)


def test_fast_subset_takes_fast_tasks_with_their_limits(only_fakes):
    register(only_fakes, "quick", make_task("quick", {"f1": 1.0}, fast_limit=50))
    register(only_fakes, "slow", make_task("slow", {"f1": 1.0}, fast=False))
    register(only_fakes, "absent", None)
    assert fast_limits() == {"quick": 50}
