"""The event-family evaluation helpers: label mappings and matching rules (no benchmark data needed)."""
from __future__ import annotations

from warta.eval.readers.case2021 import CASE_TO_PLOVER
from warta.eval.readers.plover_gsr import map_legacy
from warta.eval.readers.polnear import parse_ann
from warta.eval.tasks.events import is_dev, macro_f1
from warta.eval.tasks.location import overlaps
from warta.eval.tasks.police import labels_of
from warta.eval.tasks.quotes import jaccard, match
from warta.model import Event, Evidence, PLOVER_TYPES, Span


def test_legacy_and_case_mappings_land_in_plover():
    assert [map_legacy(t) for t in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "CRIME", "AGREE")] == \
        ["REQUEST", "ACCUSE", "ACCUSE", "ASSAULT", None, "AGREE"]
    assert all(v is None or v in PLOVER_TYPES for v in CASE_TO_PLOVER.values())
    assert CASE_TO_PLOVER["PEACE_PROTEST"] == "PROTEST" and CASE_TO_PLOVER["ARREST"] == "COERCE"


def test_dev_split_is_fixed():
    assert is_dev("PLOVER-GSR01-AGREE-0001") == is_dev("PLOVER-GSR01-AGREE-0001")
    assert macro_f1(["A", "B"], ["A", None]) == 0.5


def test_polnear_overlap_rule_is_one_to_one():
    assert jaccard((0, 10), (0, 10)) == 1.0 and jaccard((0, 10), (20, 30)) == 0.0
    assert match([(0, 10)], [(0, 9), (1, 10)]) == 1  # one gold span matches once
    assert match([(0, 10)], [(0, 4)]) == 0  # Jaccard 0.4 < 0.5
    rec = parse_ann("T1\tSource 0 2\twe\nT2\tCue 3 7\tsaid\nT3\tContent 8 12;14 20\tx\n"
                    "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1")[0]
    assert rec.content == (8, 20)


def _ev(type_, mode=None, fatalities=None, polarity="positive", trigger="x"):
    return Event("v1", type_, mode, Evidence(Span(0, 1), Span(0, 1)), "t", fatalities=fatalities,
                 polarity=polarity, trigger_text=trigger)


def test_police_labels_from_plover():
    assert labels_of([_ev("COERCE", "arrest")]) == {"ARREST"}
    assert labels_of([_ev("ASSAULT", fatalities={"low": 2, "high": 2})]) == {"KILL"}
    assert labels_of([_ev("ASSAULT", "crowd-control", trigger="lathi-charged")]) == {"FORCE"}
    assert labels_of([_ev("COERCE", "arrest", polarity="negative")]) == {"FAIL"}
    assert overlaps((0, 5), (4, 9)) and not overlaps((0, 5), (5, 9))


def test_error_records_never_include_a_holdout_item(tmp_path):
    """The holdout parts stay unread: ``errors`` receives the dev parts' wrong records only."""
    import json

    from warta.eval.tasks.events import CASE_FILE, run_case

    path = tmp_path.joinpath(*CASE_FILE)
    path.parent.mkdir(parents=True)
    ids = [str(n) for n in range(1, 200)]
    dev, hold = next(i for i in ids if is_dev(i)), next(i for i in ids if not is_dev(i))
    meeting = "The two ministers met in Geneva."
    rows = [(dev, meeting, "ARREST"), (hold, meeting, "ARREST")]  # both wrong: a meeting is no arrest
    path.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{s}\n" for i, t, s in rows), encoding="utf-8")
    errors: list[dict] = []
    scores = run_case(tmp_path, errors=errors)
    assert [e["id"] for e in errors] == [dev]
    assert {s.split for s in scores} == {"train70", "train70-dev", "train70-holdout"}
    assert json.loads(json.dumps(errors))[0]["gold"] == "COERCE"
