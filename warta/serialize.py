"""Document → the JSON contract v1 (docs/contract.md, docs/contract.schema.json).

Example:
    >>> from warta.model import Article, Document
    >>> to_contract(Document(article=Article(id="a", text="x")), pipeline={"version": "0", "stages": []})["article"]["id"]
    'a'
"""
from __future__ import annotations

from typing import Any

from .model import CONTRACT_VERSION, Document


def _mentions(spans) -> list[dict[str, int]]:
    return [{"start": s.start, "end": s.end} for s in spans]


def to_contract(doc: Document, *, pipeline: dict[str, Any]) -> dict[str, Any]:
    """Serialise a processed document into the contract's plain dict."""
    return {
        "contract": CONTRACT_VERSION,
        "article": doc.article.as_dict(language=doc.language),
        "sentences": [
            {"start": s.start, "end": s.end, **({"headline": True} if s.is_headline else {})} for s in doc.sentences
        ],
        "entities": [
            {"id": e.id, "start": e.start, "end": e.end, "text": e.text, "label": e.label} for e in doc.entities
        ],
        "actors": [
            {
                "id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
                "role": a.role, "code": a.code, "mentions": _mentions(a.mentions),
            }
            for a in doc.actors
        ],
        "places": [
            {
                "id": p.id, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                "geonames_id": p.geonames_id, "precision": p.precision, "mentions": _mentions(p.mentions),
            }
            for p in doc.places
        ],
        "times": [
            {
                "id": t.id, "text": t.text, "start": t.start, "end": t.end, "value": t.value,
                "earliest": t.earliest, "latest": t.latest, "granularity": t.granularity,
            }
            for t in doc.times
        ],
        "claims": [
            {
                "id": c.id, "speaker": c.speaker, "cue": c.cue, "start": c.start, "end": c.end,
                "polarity": c.polarity, "certainty": c.certainty, "source_chain": list(c.source_chain),
                "kind": c.kind,
                "cue_span": c.cue_span.as_dict() if c.cue_span else None,
                "speaker_span": c.speaker_span.as_dict() if c.speaker_span else None,
            }
            for c in doc.claims
        ],
        "events": [
            {
                "id": ev.id, "type": ev.type, "mode": ev.mode, "context": list(ev.context),
                "actors": list(ev.actors), "recipients": list(ev.recipients), "place": ev.place, "time": ev.time,
                "fatalities": ev.fatalities, "injured": ev.injured, "polarity": ev.polarity,
                "certainty": ev.certainty, "status": ev.status, "historical": ev.historical, "claim": ev.claim,
                "evidence": ev.evidence.as_dict(), "confidence": round(float(ev.confidence), 4), "coder": ev.coder,
            }
            for ev in doc.events
        ],
        "pipeline": pipeline,
        "warnings": list(doc.warnings),
    }
