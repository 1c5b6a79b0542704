"""Reader: IndiaPoliceEvents (JSON lines; documents and sentences with KILL/ARREST/FAIL/FORCE labels).

Example:
    >>> LABELS
    ('KILL', 'ARREST', 'FAIL', 'FORCE')
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LABELS = ("KILL", "ARREST", "FAIL", "FORCE")


@dataclass(frozen=True)
class PoliceDoc:
    id: str
    text: str
    labels: frozenset[str]


@dataclass(frozen=True)
class PoliceSentence:
    doc_id: str
    sent_id: int
    text: str
    labels: frozenset[str]


def read_police_sentences(path: Path) -> Iterator[PoliceSentence]:
    """The sentence file (``sents.*.jsonl``): each sentence's text as it stands in its document."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                yield PoliceSentence(str(r["doc_id"]), int(r["sent_id"]), r["sent_text"],
                                     frozenset(x for x in r.get("sent_labels", []) if x in LABELS))


def read_police_docs(path: Path) -> Iterator[PoliceDoc]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                yield PoliceDoc(str(r["doc_id"]), r["doc_text"], frozenset(x for x in r.get("doc_labels", []) if x in LABELS))
