"""Re-create the precision-check sample: 50 CLICK-ID articles drawn with a fixed seed, coded by warta.

Usage: .venv/bin/python docs/precision-check/make_sample.py DATA_DIR SEED OUT.jsonl
Each line is one emitted event with its sentence, trigger and fields; the verdicts are in *-verdicts.tsv.
Each seed is judged once, before the coder changes after it; docs/events.md lists the rounds (final: 83, 97;
fresh at coder 1.6: 101, 103).
"""
from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

N = 50
MIN_CHARS = 300

data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"
rows = [json.loads(line) for line in gzip.open(data / "indonesian-news-clickid" / "articles.jsonl.gz", "rt")]
rows = [r for r in rows if r.get("content") and len(r["content"]) >= MIN_CHARS and r.get("title")]
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
sample = random.Random(seed).sample(rows, N)

import warta  # noqa: E402

out = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).resolve().parent / f"seed{seed}-events.jsonl"
with open(out, "w", encoding="utf-8") as fh:
    for r in sample:
        res = warta.extract(r["content"], title=r["title"], published=(r.get("date") or None), language="id",
                            article_id=str(r["id"]))
        text = res["article"]["text"]
        actors = {a["id"]: f'{a["name"]} ({a["country"] or "-"})' for a in res["actors"]}
        places = {p["id"]: p["name"] for p in res["places"]}
        times = {t["id"]: t["value"] for t in res["times"]}
        for e in res["events"]:
            s, t = e["evidence"]["sentence"], e["evidence"]["trigger"]
            fh.write(json.dumps({
                "article": str(r["id"]), "publisher": r.get("publisher"), "event": e["id"], "type": e["type"],
                "mode": e["mode"], "trigger": text[t["start"]:t["end"]], "sentence": text[s["start"]:s["end"]],
                "actors": [actors.get(a, a) for a in e["actors"]],
                "recipients": [actors.get(a, a) for a in e["recipients"]],
                "place": places.get(e["place"]), "time": times.get(e["time"]), "fatalities": e["fatalities"],
                "polarity": e["polarity"], "certainty": e["certainty"], "status": e["status"],
                "historical": e["historical"], "confidence": e["confidence"],
            }, ensure_ascii=False) + "\n")
print(f"{N} articles → {out}")
