"""The data files under ``warta/resources``: word lists hold words.

YAML 1.1 reads a bare ``no``, ``on`` or ``off`` as a boolean, so an unquoted word in a list silently became
``False``/``True`` and never matched (English negation "no", the recipient preposition "on" and the timex
lists all lost a word that way until 2026-11-28).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

RESOURCES = Path(__file__).resolve().parents[1] / "warta" / "resources"
FILES = sorted(RESOURCES.rglob("*.yaml"))


def _booleans_in_lists(node, path: str = ""):
    """Paths of list items (and keys) that YAML read as booleans."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                yield f"{path}/{key} (a key)"
            yield from _booleans_in_lists(value, f"{path}/{key}")
    elif isinstance(node, list):
        for n, item in enumerate(node):
            if isinstance(item, bool):
                yield f"{path}[{n}]"
            else:
                yield from _booleans_in_lists(item, f"{path}[{n}]")


def test_there_are_resource_files():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(RESOURCES)))
def test_no_word_list_holds_a_boolean(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(_booleans_in_lists(data)) == [], "quote yes/no/on/off in word lists"
