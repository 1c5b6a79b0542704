"""Stage: PLOVER events coded from the text (rules by default; ``coder="llm"`` only when asked).

Example:
    >>> EventStage().coder.name.startswith("warta-rules/")
    True
"""
from __future__ import annotations

from typing import Any

from ..coding.rules import RuleCoder
from ..model import Document

CODERS = ("rules", "llm")


class EventStage:
    name = "events"
    requires = ("article", "sentences", "tokens", "actors", "places", "times", "claims")
    assigns = ("events",)

    def __init__(self, *, coder: str = "rules", **llm_options: Any) -> None:
        if coder not in CODERS:
            raise ValueError(f"unknown coder {coder!r}; use one of {', '.join(CODERS)}")
        if coder == "llm":
            from ..coding.llm import LLMCoder

            self.coder = LLMCoder(**llm_options)
        else:
            self.coder = RuleCoder()
        self.version_name = f"events/{self.coder.name}"

    def __call__(self, doc: Document) -> Document:
        doc.events = self.coder.code(doc)
        return doc
