"""Top-1 PLOVER type accuracy of the *rules alone* on the NGEC synthetic stories (English dev probe, issue #4).

The learned head is trained on these stories, so the rules are measured with it switched off
(``RuleCoder(learned_weight=0, learned_fallback=False)``): what is scored is the hand-written lexicon's reading
of general English, not the head's memory. Two texts per story: its headline (the prompt's title, one story per
template, as the templates repeat with other countries) and the first sentence of its lead paragraph.

The 332 headline templates are split by md5(template) like the eval's dev/holdout parts: errors may be read on
the ``dev`` templates (``--errors FILE`` writes those only); the ``check`` templates are scored, never read.

Usage:
    python scripts/ngec_rule_accuracy.py ../shared/data [--errors /tmp/ngec-errors.jsonl] [--per-type]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.api import process_many  # noqa: E402
from warta.coding.rules import RuleCoder  # noqa: E402
from warta.model import PLOVER_TYPES, Article  # noqa: E402
from warta.pipeline import Failure, build_pipeline  # noqa: E402

NGEC_FILE = ("ngec-synthetic-plover-events", "gpt_synthetic_events_2023-10-19.train70.csv.gz")
#: the prompt is "HEADLINE  (SOURCE) -- …": the headline is what precedes the source
HEADLINE_RE = re.compile(r"\s+\([^)]*\)\s*--")
#: a sentence ends at . ! ? before a capital or a quote (good enough for machine-written leads)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
#: templates with md5 % 10 below this may be read; the others are only scored
DEV_BUCKETS = 7


def is_dev(template: str) -> bool:
    return int(hashlib.md5(template.encode()).hexdigest(), 16) % 10 < DEV_BUCKETS


def read_items(data: Path) -> list[dict[str, str]]:
    """(kind, text, label, template) items: one headline per template, one lead sentence per story."""
    items: list[dict[str, str]] = []
    seen: set[str] = set()
    with gzip.open(data.joinpath(*NGEC_FILE), "rt", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r.get("label") not in PLOVER_TYPES:
                continue
            paras = [p.strip() for p in (r.get("text") or "").split("\n") if p.strip()]
            base = {"label": r["label"], "template": r["title"]}
            if r["title"] not in seen:
                seen.add(r["title"])
                items.append({**base, "kind": "headline", "text": HEADLINE_RE.split(r.get("prompt") or "")[0].strip()})
            if paras:
                items.append({**base, "kind": "lead", "text": SENTENCE_END.split(paras[0])[0]})
    return items


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--errors", type=Path)
    ap.add_argument("--per-type", action="store_true")
    ap.add_argument("--out", type=Path, help="write every dev item's prediction as JSONL")
    args = ap.parse_args()

    items = read_items(args.data)
    pipe = build_pipeline()
    for stage in pipe.stages:
        if stage.name == "events":
            stage.coder = RuleCoder(learned_weight=0.0, learned_fallback=False)
    arts = [Article(id=str(k), text=it["text"], language="en") for k, it in enumerate(items)]
    for it, doc in zip(items, process_many(arts, pipeline=pipe)):
        events = [] if isinstance(doc, Failure) else doc.events
        best = max(events, key=lambda e: e.confidence, default=None)
        it["pred"] = best.type if best else None
        it["events"] = [(e.type, e.trigger_text, round(e.confidence, 3)) for e in events]

    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    per_type: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        part = "dev" if is_dev(it["template"]) else "check"
        for key in ((it["kind"], part), (it["kind"], "all")):
            hits[key][0] += it["pred"] == it["label"]
            hits[key][1] += 1
        if part == "dev":
            per_type[it["label"]]["n"] += 1
            per_type[it["label"]]["right"] += it["pred"] == it["label"]
            per_type[it["label"]]["none"] += it["pred"] is None
            if it["pred"]:
                per_type[it["pred"]]["predicted"] += 1
    for (kind, part), (right, n) in sorted(hits.items()):
        print(f"{kind:9s} {part:6s} {right:5d}/{n:<5d} {right / n:.3f}")
    if args.per_type:
        for t in sorted(per_type):
            c = per_type[t]
            print(f"  {t:10s} gold {c['n']:4d} right {c['right']:4d} none {c['none']:4d} predicted {c['predicted']:4d}")
    dev = [it for it in items if is_dev(it["template"])]
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for it in dev:
                if it["pred"] != it["label"]:
                    fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for it in dev:
                fh.write(json.dumps(it, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
