"""Optional LLM event coder over any OpenAI-compatible chat-completions endpoint (``--coder llm``).

Never used unless asked for (``EventStage(coder="llm")``). The endpoint, model and key come from the
environment: ``WARTA_LLM_BASE_URL`` (e.g. ``http://127.0.0.1:8000/v1``), ``WARTA_LLM_MODEL`` and
``WARTA_LLM_API_KEY`` (optional for local servers). The request asks for JSON constrained by a JSON
schema (``response_format: json_schema``); the model returns, per event, the sentence number and the
exact words of the trigger and of the actor and recipient. Every returned string is looked up in the
text: a trigger not found verbatim in its sentence drops the event, an actor string not found drops
that actor; drops are counted (``LLMCoder.dropped``) and reported in ``doc.warnings``. Requests time
out (``timeout`` seconds) and are retried (``retries`` times, with a short back-off) before the
stage fails with ``LLMError``. The output contract is the same as the rule coder's.

Example:
    >>> LLMCoder(base_url="http://127.0.0.1:9/v1", model="m").name
    'warta-llm/1.0:m'
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from typing import Any

from ..model import CERTAINTIES, PLOVER_TYPES, STATUSES, Document, Event, Evidence, Span
from .text import text_view

ENV_BASE_URL = "WARTA_LLM_BASE_URL"
ENV_MODEL = "WARTA_LLM_MODEL"
ENV_API_KEY = "WARTA_LLM_API_KEY"
CODER_VERSION = "1.0"
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_RETRIES = 2
BACKOFF_S = 0.5
#: confidence given to an LLM event (the model gives no calibrated score)
LLM_CONFIDENCE = 0.6
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})

EVENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["events"],
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["sentence", "trigger", "type", "mode", "actor", "recipient", "certainty", "status",
                             "negated"],
                "properties": {
                    "sentence": {"type": "integer", "minimum": 0},
                    "trigger": {"type": "string"},
                    "type": {"enum": list(PLOVER_TYPES)},
                    "mode": {"type": ["string", "null"]},
                    "actor": {"type": ["string", "null"]},
                    "recipient": {"type": ["string", "null"]},
                    "certainty": {"enum": list(CERTAINTIES)},
                    "status": {"enum": list(STATUSES)},
                    "negated": {"type": "boolean"},
                },
            },
        }
    },
}

SYSTEM_PROMPT = (
    "You code political and conflict events in news text with the PLOVER ontology. Types: "
    + ", ".join(PLOVER_TYPES)
    + ". For each event give the number of the sentence it is in, the trigger copied exactly from that "
    "sentence (the words that state the event), the actor and recipient copied exactly from the text (or "
    "null), the certainty the text expresses, the status (occurred, ongoing, expected, hypothetical) and "
    "whether the event is negated or denied. Copy words exactly; never paraphrase. Answer with JSON only."
)


class LLMError(RuntimeError):
    """The endpoint could not be reached or returned no usable answer after all retries."""


class LLMCoder:
    """An event coder that asks an OpenAI-compatible endpoint and verifies every span it returns."""

    def __init__(self, *, base_url: str | None = None, model: str | None = None, api_key: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT_S, retries: int = DEFAULT_RETRIES) -> None:
        self.base_url = (base_url or os.environ.get(ENV_BASE_URL) or "").rstrip("/")
        self.model = model or os.environ.get(ENV_MODEL) or ""
        self.api_key = api_key if api_key is not None else os.environ.get(ENV_API_KEY, "")
        if not self.base_url or not self.model:
            raise LLMError(f"the LLM coder needs {ENV_BASE_URL} and {ENV_MODEL} (or base_url= and model=)")
        self.timeout, self.retries = timeout, retries
        self.name = f"warta-llm/{CODER_VERSION}:{self.model}"
        self.dropped = 0

    # ---- transport
    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(payload).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            req = urllib.request.Request(f"{self.base_url}/chat/completions", data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    return json.loads(resp.read().decode("utf-8"))
            except urllib.error.HTTPError as exc:
                last = exc
                if exc.code not in RETRY_STATUS:
                    break
            except (urllib.error.URLError, TimeoutError, OSError, json.JSONDecodeError) as exc:
                last = exc
            if attempt < self.retries:
                time.sleep(BACKOFF_S * (attempt + 1))
        raise LLMError(f"LLM endpoint {self.base_url} failed after {self.retries + 1} tries: {last}")

    def ask(self, numbered: str) -> list[dict[str, Any]]:
        """Send the numbered sentences; return the raw event dicts of the answer."""
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": numbered}],
            "response_format": {"type": "json_schema",
                                "json_schema": {"name": "warta_events", "strict": True, "schema": EVENT_SCHEMA}},
        }
        answer = self._post(payload)
        try:
            content = answer["choices"][0]["message"]["content"]
            events = json.loads(content)["events"]
        except (KeyError, IndexError, TypeError, json.JSONDecodeError) as exc:
            raise LLMError(f"the LLM answer is not the requested JSON: {exc}") from exc
        return [e for e in events if isinstance(e, dict)]

    # ---- verification
    def code(self, doc: Document) -> list[Event]:
        text = doc.article.text
        view = text_view(doc)
        numbered = "\n".join(f"[{i}] {text[s.start:s.end]}" for i, s in enumerate(doc.sentences))
        raw = self.ask(numbered)
        events: list[Event] = []
        dropped = 0
        for item in raw:
            s_idx = item.get("sentence")
            trig = str(item.get("trigger") or "")
            if not isinstance(s_idx, int) or not 0 <= s_idx < len(doc.sentences) or not trig.strip():
                dropped += 1
                continue
            sent = doc.sentences[s_idx]
            at = text.find(trig, sent.start, sent.end)
            if at < 0 or item.get("type") not in PLOVER_TYPES:
                dropped += 1
                continue
            trigger = Span(at, at + len(trig))
            actors, recipients = [], []
            for key, out in (("actor", actors), ("recipient", recipients)):
                words = item.get(key)
                if not words:
                    continue
                ident = self._actor_for(doc, view, str(words), sent.start, sent.end)
                if ident is None:
                    dropped += 1
                else:
                    out.append(ident)
            certainty = item.get("certainty") if item.get("certainty") in CERTAINTIES else "certain"
            status = item.get("status") if item.get("status") in STATUSES else "occurred"
            events.append(Event(
                id=f"v{len(events) + 1}", type=item["type"], mode=item.get("mode") or None,
                evidence=Evidence(Span(sent.start, sent.end), trigger), coder=self.name, actors=actors,
                recipients=recipients, polarity="negative" if item.get("negated") else "positive",
                certainty=certainty, status=status, confidence=LLM_CONFIDENCE, trigger_text=trig,
            ))
        self.dropped += dropped
        if dropped:
            doc.warnings.append(f"llm coder: {dropped} returned span(s) that did not match the text were dropped")
        return events

    @staticmethod
    def _actor_for(doc: Document, view, words: str, lo: int, hi: int) -> str | None:
        """The actor whose mention overlaps ``words`` found in the sentence (then anywhere); None if absent."""
        text = doc.article.text
        for start_at, end_at in ((lo, hi), (0, len(text))):
            at = text.find(words, start_at, end_at)
            if at < 0:
                continue
            for a in doc.actors:
                if any(m.start < at + len(words) and at < m.end for m in a.mentions):
                    return a.id
            return None
        return None
