"""Docs are tests: every command is in the README, the contract doc names every schema key."""
from __future__ import annotations

import json
from pathlib import Path

from warta.cli import cli

REPO = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"warta {name}" not in readme]
    assert not missing, f"README does not show: {missing}"


def test_contract_doc_names_every_top_level_key():
    schema = json.loads((REPO / "docs" / "contract.schema.json").read_text())
    doc = (REPO / "docs" / "contract.md").read_text(encoding="utf-8")
    assert [k for k in schema["properties"] if f"`{k}`" not in doc] == []


def test_readme_quick_start_commands_exist_in_makefile():
    makefile = (REPO / "Makefile").read_text()
    assert "\ndemo:" in makefile and "\ntest:" in makefile
    ci = (REPO / ".ci" / "run").read_text()
    assert "\nmake test\n" in ci
