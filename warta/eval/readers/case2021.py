"""Reader: CASE 2021 task 2 snippets (TSV: id, EventSnippet, SubType) with the ACLED-style sub-types
mapped to PLOVER (the table is documented in docs/events.md).

Example:
    >>> CASE_TO_PLOVER["AIR_STRIKE"], CASE_TO_PLOVER["NATURAL_DISASTER"]
    ('ASSAULT', None)
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: CASE 2021 sub-type → PLOVER type (None: outside PLOVER, not scored)
CASE_TO_PLOVER: dict[str, str | None] = {
    "ABDUCT_DISSAP": "ASSAULT", "AIR_STRIKE": "ASSAULT", "ARMED_CLASH": "ASSAULT", "ART_MISS_ATTACK": "ASSAULT",
    "ATTACK": "ASSAULT", "CHEM_WEAP": "ASSAULT", "GRENADE": "ASSAULT", "MOB_VIOL": "ASSAULT",
    "REM_EXPLOS": "ASSAULT", "SEX_VIOL": "ASSAULT", "SUIC_BOMB": "ASSAULT", "PROPERTY_DISTRUCT": "ASSAULT",
    "GOV_REGAINS_TERIT": "ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",
    "ARREST": "COERCE", "FORCE_AGAINST_PROTEST": "COERCE", "DISR_WEAP": "COERCE",
    "PEACE_PROTEST": "PROTEST", "PROTEST_WITH_INTER": "PROTEST", "VIOL_DEMONSTR": "PROTEST",
    "AGREEMENT": "AGREE", "NON_VIOL_TERRIT_TRANSFER": "RETREAT", "HQ_ESTABLISHED": "MOBILIZE",
    "CHANGE_TO_GROUP_ACT": None, "OTHER": None, "ORG_CRIME": None, "NATURAL_DISASTER": None,
    "MAN_MADE_DISASTER": None, "DIPLO": "CONSULT", "ATTRIB": None,
}


@dataclass(frozen=True)
class CaseSnippet:
    id: str
    text: str
    subtype: str
    type: str | None


def read_case(path: Path) -> Iterator[CaseSnippet]:
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            sub = (row.get("SubType") or "").strip()
            text = (row.get("EventSnippet") or "").strip()
            if text and sub:
                yield CaseSnippet(row["id"], text, sub, CASE_TO_PLOVER.get(sub))
