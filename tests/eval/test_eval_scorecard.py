"""Scorecard rendering in its three formats."""
import json
import math

import pytest

from warta.eval.core import Score
from warta.eval.runner import TaskFailure
from warta.eval.scorecard import render

SCORES = [
    Score("ner", "nergrit", "test", "f1_micro", 0.71234, 688, 3.21),
    Score("geoparse", "lgl", "test", "median_error_km", 12.345, 5088, 40.0),
]
FAILED = TaskFailure("timex", "-", "-", "error", math.nan, 0, 0.01, error="task module missing")


def test_table_aligns_columns_and_formats_numbers():
    lines = render(SCORES, "table").splitlines()
    assert lines[0].split() == ["task", "dataset", "split", "metric", "score", "n", "seconds"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split() == ["ner", "nergrit", "test", "f1_micro", "0.712", "688", "3.2"]
    assert lines[3].split() == ["geoparse", "lgl", "test", "median_error_km", "12.3", "5088", "40.0"]
    assert len({len(x) for x in lines[:2]}) == 1  # the rule is as wide as the header


def test_markdown_has_header_alignment_and_a_note_column_for_failures():
    md = render(SCORES + [FAILED], "markdown").splitlines()
    assert md[0] == "| task | dataset | split | metric | score | n | seconds | note |"
    assert md[1] == "|---|---|---|---|---:|---:|---:|---|"
    assert md[2] == "| ner | nergrit | test | f1_micro | 0.712 | 688 | 3.2 |  |"
    assert md[4] == "| timex | - | - | error | — | 0 | 0.0 | task module missing |"


def test_json_round_trips_and_has_no_nan():
    data = json.loads(render(SCORES + [FAILED], "json"))
    assert data[0] == {"task": "ner", "dataset": "nergrit", "split": "test", "metric": "f1_micro",
                       "score": 0.71234, "n": 688, "seconds": 3.21}
    assert data[2]["score"] is None and data[2]["error"] == "task module missing"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="table, json, markdown"):
        render(SCORES, "html")
