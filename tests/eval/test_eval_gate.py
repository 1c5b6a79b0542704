"""The quality gate: floors, tolerance, and the rules for moving floors."""
import io
import json

import pytest

from warta.eval import core
from warta.eval.core import Score
from warta.eval.gate import GateError, check, load_baseline, pin, run_gate

from eval_fake_tasks import make_task, register

KEY = "ner/nergrit/test/f1_micro"


def s(value, metric="f1_micro", task="ner"):
    return Score(task, "nergrit", "test", metric, value, 688, 1.0)


def write_baseline(path, floors, *, tolerance=0.02, limits=None, ceilings=None):
    path.write_text(json.dumps({"tolerance": tolerance, "limits": limits or {}, "floors": floors,
                                "ceilings": ceilings or {}}))
    return path


# -- check ---------------------------------------------------------------------------------------

def test_check_flags_a_score_below_floor_minus_tolerance():
    base = {"tolerance": 0.02, "floors": {KEY: 0.70}}
    (reg,) = check([s(0.67)], base)
    assert reg.key == KEY and reg.score == 0.67 and "below floor" in reg.why
    assert check([s(0.685)], base) == []       # inside the tolerance
    assert check([s(0.75)], base) == []
    assert check([s(0.685)], base, tolerance=0.0)  # a stricter tolerance catches it


def test_check_flags_missing_scores_and_failed_tasks():
    from warta.eval.runner import TaskFailure

    base = {"tolerance": 0.02, "floors": {KEY: 0.5, "timex/indotimex/test/value_accuracy": 0.3}}
    failed = TaskFailure("timex", "-", "-", "error", float("nan"), 0, 0.0, error="ImportError: x")
    regs = {r.key: r.why for r in check([failed], base)}
    assert regs[KEY] == "score missing from this run"
    assert regs["timex/indotimex/test/value_accuracy"] == "task failed: ImportError: x"


def test_check_uses_ceilings_for_distances():
    key = "geoparse/lgl/test/median_error_km"
    base = {"tolerance": 0.02, "floors": {}, "ceilings": {key: 100.0}}
    assert check([Score("geoparse", "lgl", "test", "median_error_km", 101.0, 9, 1.0)], base) == []
    assert [r.key for r in check([Score("geoparse", "lgl", "test", "median_error_km", 130.0, 9, 1.0)], base)] == [key]


# -- the gate end to end, with a hand-made baseline ------------------------------------------------

@pytest.fixture
def fake_registry(monkeypatch):
    import warta.eval.runner as runner

    monkeypatch.setattr(core, "TASKS", {})
    monkeypatch.setattr(runner, "TASKS", core.TASKS)
    return monkeypatch


def test_gate_fails_when_a_score_is_below_its_floor(fake_registry, tmp_path):
    task = make_task("toy", {"f1": 0.60, "accuracy": 0.90}, fast_limit=5)
    register(fake_registry, "toy", task)
    baseline = write_baseline(tmp_path / "baseline.json", {"toy/toy/test/f1": 0.70, "toy/toy/test/accuracy": 0.90},
                              limits={"toy": 5})
    out = io.StringIO()
    assert run_gate(data_dir=tmp_path, baseline_path=baseline, tolerance=None, out=out) == 1
    text = out.getvalue()
    assert "FAILED, 1 regression" in text and "toy/toy/test/f1: 0.6000" in text
    assert task.calls == [5]  # the pinned limit is the one used


def test_gate_passes_at_or_above_floors_and_within_tolerance(fake_registry, tmp_path):
    register(fake_registry, "toy", make_task("toy", {"f1": 0.69}))
    baseline = write_baseline(tmp_path / "baseline.json", {"toy/toy/test/f1": 0.70})
    out = io.StringIO()
    assert run_gate(data_dir=tmp_path, baseline_path=baseline, tolerance=None, out=out) == 0
    assert "passed" in out.getvalue()
    assert run_gate(data_dir=tmp_path, baseline_path=baseline, tolerance=0.0, out=io.StringIO()) == 1


def test_gate_without_a_baseline_fails(fake_registry, tmp_path):
    register(fake_registry, "toy", make_task("toy", {"f1": 0.69}))
    assert run_gate(data_dir=tmp_path, baseline_path=tmp_path / "none.json", tolerance=None, out=io.StringIO()) == 1


def test_a_failing_task_fails_the_gate(fake_registry, tmp_path):
    register(fake_registry, "toy", make_task("toy", {}, raises=RuntimeError("model file corrupt")))
    baseline = write_baseline(tmp_path / "baseline.json", {"toy/toy/test/f1": 0.10})
    out = io.StringIO()
    assert run_gate(data_dir=tmp_path, baseline_path=baseline, tolerance=None, out=out) == 1
    assert "model file corrupt" in out.getvalue()


# -- pinning -------------------------------------------------------------------------------------

def test_pin_raises_floors_adds_new_keys_and_skips_precision(tmp_path):
    path = write_baseline(tmp_path / "b.json", {KEY: 0.60})
    report = pin([s(0.7123456), s(0.5, "f1_org"), s(0.1, "precision_micro"), s(0.1, "span_recall")], path,
                 changelog=tmp_path / "CHANGELOG.md", limits={"ner": 300})
    assert report.raised == {KEY: (0.60, 0.7123)}
    assert report.added == {"ner/nergrit/test/f1_org": 0.5}
    base = load_baseline(path)
    assert base["floors"] == {KEY: 0.7123, "ner/nergrit/test/f1_org": 0.5}
    assert base["limits"] == {"ner": 300}
    assert base["pinned"]["commit"]


def test_pin_keeps_a_floor_when_the_drop_is_within_tolerance(tmp_path):
    path = write_baseline(tmp_path / "b.json", {KEY: 0.70})
    report = pin([s(0.69)], path, changelog=tmp_path / "CHANGELOG.md")
    assert report.kept == {KEY: (0.70, 0.69)}
    assert load_baseline(path)["floors"][KEY] == 0.70


def test_lowering_a_floor_needs_the_flag(tmp_path):
    path = write_baseline(tmp_path / "b.json", {KEY: 0.70})
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(f"- {KEY} floor lowered: NERGrit test relabelled upstream\n")
    before = path.read_text()
    with pytest.raises(GateError, match="--allow-lower"):
        pin([s(0.50)], path, changelog=changelog)
    assert path.read_text() == before  # nothing written


def test_lowering_a_floor_needs_a_changelog_line_with_a_reason(tmp_path):
    path = write_baseline(tmp_path / "b.json", {KEY: 0.70})
    changelog = tmp_path / "CHANGELOG.md"
    with pytest.raises(GateError, match="CHANGELOG.md"):
        pin([s(0.50)], path, allow_lower=True, changelog=changelog)   # no changelog at all
    changelog.write_text(f"- {KEY}\n- something else about NER\n")
    with pytest.raises(GateError, match="no line in CHANGELOG.md"):
        pin([s(0.50)], path, allow_lower=True, changelog=changelog)   # names the key but gives no reason
    assert load_baseline(path)["floors"][KEY] == 0.70
    changelog.write_text(f"## 0.2.0\n- Lowered {KEY}: the smaller model trades 20 points for 3x speed\n")
    report = pin([s(0.50)], path, allow_lower=True, changelog=changelog)
    assert report.lowered == {KEY: (0.70, 0.50)}
    assert load_baseline(path)["floors"][KEY] == 0.50


def test_allow_lower_lowers_only_the_keys_the_changelog_names(tmp_path):
    other = "ner/nerp/test/f1_org"
    path = write_baseline(tmp_path / "b.json", {KEY: 0.70, other: 0.72})
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(f"- Lowered {KEY}: one snippet of a 34-snippet subset\n")
    report = pin([s(0.69), Score("ner", "nerp", "test", "f1_org", 0.71, 100, 1.0)], path, allow_lower=True,
                 changelog=changelog)
    assert report.lowered == {KEY: (0.70, 0.69)} and report.kept == {other: (0.72, 0.71)}
    assert load_baseline(path)["floors"] == {KEY: 0.69, other: 0.72}


def test_gate_without_benchmark_data_fails_in_one_line(fake_registry, tmp_path):
    register(fake_registry, "toy", make_task("toy", {"f1": 0.69}))
    baseline = write_baseline(tmp_path / "baseline.json", {"toy/toy/test/f1": 0.70})
    out = io.StringIO()
    assert run_gate(data_dir=tmp_path / "absent", baseline_path=baseline, tolerance=None, out=out) == 1
    assert "does not exist" in out.getvalue()
