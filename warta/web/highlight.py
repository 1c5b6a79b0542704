"""Evidence highlighting: article text + character spans → safe HTML.

Article text is hostile input. The text is cut at every span boundary and each
piece is escaped on its own; the only markup ever emitted is fixed ``<span>``/``<a>``
tags whose class names come from a whitelist and whose ``href`` values are
URL-quoted and escaped. Raw text is never inserted.

Example:
    >>> str(highlight("a <b> c", [{"start": 2, "end": 5, "kind": "trigger"}]))
    'a <span class="hl k-trigger">&lt;b&gt;</span> c'
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

#: Span kinds that get a style, in the order their classes are written.
KINDS = ("sentence", "claim", "trigger", "actor", "recipient", "place", "time", "cue", "speaker")
#: A human label per kind, for the legend.
KIND_LABELS = {
    "sentence": "evidence sentence", "claim": "claim content", "trigger": "trigger",
    "actor": "actor", "recipient": "recipient", "place": "place", "time": "time",
    "cue": "reporting cue", "speaker": "speaker",
}


def clean_spans(spans: Iterable[Mapping[str, Any]], text_len: int) -> list[dict[str, Any]]:
    """Keep spans with a known kind and a non-empty range, clamped to the text."""
    out = []
    for s in spans:
        kind = s.get("kind")
        try:
            start, end = int(s["start"]), int(s["end"])
        except (KeyError, TypeError, ValueError):
            continue
        start, end = max(0, start), min(text_len, end)
        if kind in KINDS and start < end:
            out.append({"start": start, "end": end, "kind": kind, "event_id": s.get("event_id")})
    return out


def _segments(text: str, spans: list[dict[str, Any]]) -> Iterable[tuple[int, int, list[dict[str, Any]]]]:
    """Elementary pieces between consecutive span boundaries, with the spans covering each."""
    bounds = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    for a, b in zip(bounds, bounds[1:]):
        yield a, b, [s for s in spans if s["start"] <= a and s["end"] >= b]


def highlight(text: str, spans: Iterable[Mapping[str, Any]], *, link_events: bool = False,
              event_href: str = "/events/") -> Markup:
    """Render ``text`` with every span wrapped in ``<span class="hl k-KIND ...">``.

    Overlapping spans combine: a piece covered by a sentence and a trigger gets both
    classes. With ``link_events`` a trigger piece that names its ``event_id`` becomes a
    link to that event's page.
    """
    good = clean_spans(spans, len(text))
    if not good:
        return Markup(escape(text))
    parts: list[str] = []
    for a, b, covering in _segments(text, good):
        piece = escape(text[a:b])
        if not covering:
            parts.append(piece)
            continue
        kinds = [k for k in KINDS if any(s["kind"] == k for s in covering)]
        classes = " ".join(["hl", *(f"k-{k}" for k in kinds)])
        html = f'<span class="{classes}">{piece}</span>'
        if link_events:
            ev = next((s["event_id"] for s in covering if s["kind"] == "trigger" and s.get("event_id")), None)
            if ev:
                href = escape(event_href + quote(str(ev), safe=""))
                html = f'<a class="hl-link" href="{href}">{html}</a>'
        parts.append(html)
    return Markup("".join(parts))


def snippet(text: str, start: int, end: int, *, context: int = 80) -> Markup:
    """A short escaped excerpt around ``[start, end)`` with that range marked as the trigger."""
    a, b = max(0, start - context), min(len(text), end + context)
    inner = highlight(text[a:b], [{"start": start - a, "end": end - a, "kind": "trigger"}])
    return Markup(("…" if a > 0 else "") + inner + ("…" if b < len(text) else ""))
