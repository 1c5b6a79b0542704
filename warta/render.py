"""Terminal renderings: an event summary of one result, and an article with highlighted evidence.

Example:
    >>> summary_lines({"article": {"title": "T", "text": "", "published": None, "language": "id"},
    ...                "events": [], "claims": [], "actors": [], "places": [], "times": []})[0]
    'T  (published: unknown, language: id)'
"""
from __future__ import annotations

from typing import Any

#: highlight style per span kind (rich styles)
STYLES = {
    "sentence": "underline",
    "trigger": "bold white on red",
    "actor": "bold cyan",
    "recipient": "bold magenta",
    "place": "bold green",
    "time": "bold yellow",
    "claim": "italic",
}


def _by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {x["id"]: x for x in items}


def _actor_label(a: dict[str, Any] | None) -> str:
    if not a:
        return "?"
    extra = ", ".join(x for x in (a.get("country"), a.get("sector"), a.get("role")) if x)
    return f"{a['name']} ({extra})" if extra else a["name"]


def _interval(tm: dict[str, Any]) -> str:
    """'2024-06 (2024-06-01..2024-06-30)', or what is known of an open or unresolved interval."""
    lo, hi = tm.get("earliest"), tm.get("latest")
    if lo is None and hi is None:
        return "unresolved"
    if lo is None:
        return f"until {hi}"
    if hi is None:
        return f"from {lo}"
    bounds = lo if lo == hi else f"{lo}..{hi}"
    return f"{tm['value']} ({bounds})" if tm.get("value") else bounds


def summary_lines(result: dict[str, Any]) -> list[str]:
    """A readable summary: each event with who → whom, where, when, who says so, and the sentence."""
    art = result["article"]
    text = art["text"]
    actors, places, times, claims = (_by_id(result.get(k, [])) for k in ("actors", "places", "times", "claims"))
    lines = [f"{art.get('title') or art.get('id')}  (published: {art.get('published') or 'unknown'}, "
             f"language: {art.get('language')})"]
    events = result.get("events", [])
    lines.append(f"{len(events)} events, {len(result.get('claims', []))} claims, {len(actors)} actors, "
                 f"{len(places)} places, {len(times)} times")
    for ev in events:
        who = " + ".join(_actor_label(actors.get(a)) for a in ev["actors"]) or "?"
        whom = " + ".join(_actor_label(actors.get(a)) for a in ev["recipients"]) or "-"
        place = places.get(ev.get("place") or "")
        tm = times.get(ev.get("time") or "")
        flags = [ev["certainty"], ev["status"]]
        if ev.get("polarity") == "negative":
            flags.append("negated")
        if ev.get("historical"):
            flags.append("historical")
        lines.append("")
        lines.append(f"[{ev['id']}] {ev['type']}{'/' + ev['mode'] if ev.get('mode') else ''}: {who} → {whom}")
        if place:
            lines.append(f"    where: {place['name']} ({place.get('country') or '?'}, {place['precision']})")
        if tm:
            lines.append(f"    when:  \"{tm['text']}\" → {_interval(tm)}")
        if ev.get("fatalities"):
            f = ev["fatalities"]
            lines.append(f"    killed: {f['low']}" + (f"–{f['high']}" if f["high"] != f["low"] else ""))
        claim = claims.get(ev.get("claim") or "")
        if claim:
            speaker = actors.get(claim.get("speaker") or "")
            lines.append(f"    says:  {speaker['name'] if speaker else 'unattributed'} (\"{claim.get('cue') or ''}\"), "
                         f"{claim['certainty']}{', denies' if claim['polarity'] == 'deny' else ''}")
        lines.append(f"    how sure: {', '.join(flags)}")
        s = ev["evidence"]["sentence"]
        lines.append(f"    cited: \"{text[s['start']:s['end']]}\"")
    if not events:
        lines.append("(no events found)")
    for w in result.get("warnings", []):
        lines.append(f"warning: {w}")
    return lines


def highlighted(text: str, spans: list[dict[str, Any]]):
    """A rich ``Text`` of the article with each span styled by its kind (later kinds win)."""
    from rich.text import Text

    out = Text(text)
    order = list(STYLES)
    for sp in sorted(spans, key=lambda s: order.index(s["kind"]) if s["kind"] in order else 0):
        style = STYLES.get(sp["kind"])
        if style and 0 <= sp["start"] < sp["end"] <= len(text):
            out.stylize(style, sp["start"], sp["end"])
    return out
