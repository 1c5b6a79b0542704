"""The scorecard row and the task registry shared by every evaluation task.

Example:
    >>> Score("ner", "nergrit", "test", "f1_micro", 0.71, 688, 3.2).key
    'ner/nergrit/test/f1_micro'
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Score:
    task: str
    dataset: str
    split: str
    metric: str
    score: float
    n: int
    seconds: float

    @property
    def key(self) -> str:
        return f"{self.task}/{self.dataset}/{self.split}/{self.metric}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: task name → module; the order is the scorecard's order.
TASKS: dict[str, str] = {
    "ner": "warta.eval.tasks.ner",
    "timex": "warta.eval.tasks.timex",
    "geoparse": "warta.eval.tasks.geoparse",
    "events": "warta.eval.tasks.events",
    "actors": "warta.eval.tasks.actors",
    "quotes": "warta.eval.tasks.quotes",
    "police": "warta.eval.tasks.police",
    "location": "warta.eval.tasks.location",
}
