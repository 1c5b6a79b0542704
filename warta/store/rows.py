"""Decompose one contract dict into rows for each table.

Example:
    >>> actor_key({"code": "PRK", "kind": "state", "name": "Korea Utara"})
    'PRK'
    >>> actor_key({"code": None, "kind": "person", "name": "Kim Yong-hyun"})
    'person:kim-yong-hyun'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime, timezone
from typing import Any


#: contract list name → event_actors.role
ROLE_NAMES = {"actors": "actor", "recipients": "recipient"}


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def actor_key(actor: dict[str, Any]) -> str:
    """Cross-article identity: the coder's code when given, else kind + slug of the name."""
    return actor.get("code") or f"{actor.get('kind') or 'actor'}:{slug(actor.get('name') or '')}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pipeline_signature(pipeline: dict[str, Any]) -> str:
    return f"{pipeline.get('version')}:{','.join(pipeline.get('stages', []))}"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _rng(value: dict | None, key: str) -> int | None:
    return value.get(key) if value else None


def rows_for(result: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every row one article contributes, keyed by table name."""
    art = result["article"]
    aid = art["id"]
    gid = lambda local: f"{aid}-{local}" if local else None  # noqa: E731 - tiny local helper
    times_by_id = {t["id"]: t for t in result.get("times", [])}
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in
                                            ("articles", "actors", "places", "times", "claims", "events",
                                             "event_actors", "spans")}
    out["articles"].append({
        "id": aid, "title": art.get("title"), "text": art["text"], "language": art.get("language"),
        "published": _date(art.get("published")), "url": art.get("url"), "source": art.get("source"),
        "content_hash": content_hash(art["text"]), "pipeline_version": pipeline_signature(result.get("pipeline", {})),
        "result": result, "ingested_at": datetime.now(timezone.utc),
    })
    for a in result.get("actors", []):
        out["actors"].append({
            "id": gid(a["id"]), "article_id": aid, "local_id": a["id"], "key": actor_key(a), "name": a["name"],
            "kind": a["kind"], "country": a.get("country"), "sector": a.get("sector"), "role": a.get("role"),
            "code": a.get("code"),
        })
        for m in a.get("mentions", []):
            out["spans"].append({"article_id": aid, "owner_kind": "actor", "owner_id": gid(a["id"]),
                                 "start": m["start"], "end": m["end"], "label": None})
    for p in result.get("places", []):
        out["places"].append({
            "id": gid(p["id"]), "article_id": aid, "local_id": p["id"], "name": p["name"], "country": p.get("country"),
            "lat": p.get("lat"), "lon": p.get("lon"), "geonames_id": p.get("geonames_id"),
            "precision": p.get("precision"),
        })
        for m in p.get("mentions", []):
            out["spans"].append({"article_id": aid, "owner_kind": "place", "owner_id": gid(p["id"]),
                                 "start": m["start"], "end": m["end"], "label": None})
    for e in result.get("entities", []):
        out["spans"].append({"article_id": aid, "owner_kind": "entity", "owner_id": gid(e["id"]),
                             "start": e["start"], "end": e["end"], "label": e["label"]})
    for t in result.get("times", []):
        out["times"].append({
            "id": gid(t["id"]), "article_id": aid, "local_id": t["id"], "text": t["text"], "start": t["start"],
            "end": t["end"], "value": t.get("value"), "earliest": _date(t.get("earliest")),
            "latest": _date(t.get("latest")), "granularity": t.get("granularity"),
        })
    for c in result.get("claims", []):
        out["claims"].append({
            "id": gid(c["id"]), "article_id": aid, "local_id": c["id"], "speaker_id": gid(c.get("speaker")),
            "cue": c.get("cue"), "start": c["start"], "end": c["end"], "polarity": c["polarity"],
            "certainty": c["certainty"], "source_chain": list(c.get("source_chain", [])),
        })
    for ev in result.get("events", []):
        t = times_by_id.get(ev.get("time") or "")
        eid = gid(ev["id"])
        out["events"].append({
            "id": eid, "article_id": aid, "local_id": ev["id"], "type": ev["type"], "mode": ev.get("mode"),
            "context": list(ev.get("context", [])), "place_id": gid(ev.get("place")), "time_id": gid(ev.get("time")),
            "date_start": _date(t.get("earliest")) if t else None, "date_end": _date(t.get("latest")) if t else None,
            "fatalities_low": _rng(ev.get("fatalities"), "low"), "fatalities_high": _rng(ev.get("fatalities"), "high"),
            "injured_low": _rng(ev.get("injured"), "low"), "injured_high": _rng(ev.get("injured"), "high"),
            "polarity": ev["polarity"], "certainty": ev["certainty"], "status": ev["status"],
            "historical": bool(ev["historical"]), "claim_id": gid(ev.get("claim")),
            "confidence": float(ev["confidence"]), "coder": ev["coder"],
            "sentence_start": ev["evidence"]["sentence"]["start"], "sentence_end": ev["evidence"]["sentence"]["end"],
            "trigger_start": ev["evidence"]["trigger"]["start"], "trigger_end": ev["evidence"]["trigger"]["end"],
        })
        seen = set()
        for role in ("actors", "recipients"):
            for pos, local in enumerate(ev.get(role, [])):
                key = (local, role)
                if key in seen:
                    continue
                seen.add(key)
                out["event_actors"].append({"event_id": eid, "actor_id": gid(local), "role": ROLE_NAMES[role],
                                            "position": pos, "article_id": aid})
    return out
