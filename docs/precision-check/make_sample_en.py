"""English precision-check sample: 30 PolNeAR news articles drawn with a fixed seed, coded by warta.

Usage: .venv/bin/python docs/precision-check/make_sample_en.py DATA_DIR SEED OUT.jsonl
Each line is one emitted event with its sentence, trigger and fields; the verdicts are in en-seed*-verdicts.tsv.
PolNeAR keeps one record per (article, annotator); articles are deduplicated by filename before drawing.
``lexicon`` says where the trigger came from: ``hand`` (en.yaml), ``cameo`` (only the generated en_cameo.yaml
layer has a trigger of this type for the trigger's words) or ``other`` (neither, e.g. a learned fallback).
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

N = 30
MIN_CHARS = 300

data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
by_name: dict[str, dict] = {}
for line in gzip.open(data / "polnear" / "polnear.train70.jsonl.gz", "rt", encoding="utf-8"):
    r = json.loads(line)
    if r.get("text") and len(r["text"]) >= MIN_CHARS:
        by_name.setdefault(r["filename"], r)
rows = [by_name[k] for k in sorted(by_name)]
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
sample = random.Random(seed).sample(rows, N)

import warta  # noqa: E402
from warta.coding.lexicon import load_lexicon  # noqa: E402

lex = load_lexicon("en")


def lexicon_source(trigger: str, etype: str) -> str:
    """``hand`` / ``cameo`` / ``other`` for a trigger text and its coded type (single words and phrases)."""
    words = trigger.lower().split()
    found: list = []
    for w in words:
        found += [t for t in lex.lookup(w) if t.type == etype]
    if words:
        for phrase, t in lex.multi.get(words[0], []):
            if t.type == etype and tuple(w for w in phrase if w != "*") == tuple(words[:len(phrase)]):
                found.append(t)
        for group in lex.patterns.get(words[0], []):
            found += [t for _, t in group if t.type == etype]
    if any(not t.fallback for t in found):
        return "hand"
    return "cameo" if found else "other"


out = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).resolve().parent / f"en-seed{seed}-events.jsonl"
with open(out, "w", encoding="utf-8") as fh:
    for r in sample:
        res = warta.extract(r["text"], title=r.get("title"), published=(r.get("publication_date") or None),
                            language="en", article_id=r["filename"])
        text = res["article"]["text"]
        actors = {a["id"]: f'{a["name"]} ({a["country"] or "-"})' for a in res["actors"]}
        places = {p["id"]: p["name"] for p in res["places"]}
        times = {t["id"]: t["value"] for t in res["times"]}
        for e in res["events"]:
            s, t = e["evidence"]["sentence"], e["evidence"]["trigger"]
            trig = text[t["start"]:t["end"]]
            fh.write(json.dumps({
                "article": r["filename"], "publisher": r.get("publisher"), "event": e["id"], "type": e["type"],
                "mode": e["mode"], "coder": e.get("coder"), "lexicon": lexicon_source(trig, e["type"]),
                "confidence": e["confidence"], "trigger": trig, "sentence": text[s["start"]:s["end"]],
                "actors": [actors.get(a, a) for a in e["actors"]],
                "recipients": [actors.get(a, a) for a in e["recipients"]],
                "place": places.get(e["place"]), "time": times.get(e["time"]),
                "status": e["status"], "polarity": e["polarity"], "certainty": e["certainty"],
            }, ensure_ascii=False) + "\n")
print(f"{N} articles → {out}")
