"""Rebuild ``warta/resources/coding/event_head.npz``: the learned PLOVER type signal (``warta.coding.learned``).

Training data (learned coder 1.2, issue #4):
* ``ngec-synthetic-plover-events`` (3,150 synthetic English stories, MIT; label = the prompt's PLOVER type):
  each story gives its filled headline and its lead paragraph (weight 1 each);
* the *dev part* of ``plover-gsr-cameo`` (records with md5(id) % 10 < 7, ``warta.eval.tasks.events.is_dev``;
  legacy types mapped as the eval maps them: DEMAND → REQUEST, DISAPPROVE/INVESTIGATE → ACCUSE, CRIME
  dropped), weight ``W_GSR`` per sentence;
* the *dev part* of the CASE 2021 snippets (same md5 rule on the snippet id; sub-types mapped to PLOVER as
  the eval maps them, unscored sub-types dropped; the first ``MAX_CHARS`` characters), weight ``W_CASE``;
* the CAMEO probe sentences in ``training-data/cameo-probes`` (wire-style sentences written for the code lines of
  the CAMEO2PLOVER table, labelled with the line's type; see its README), weight ``W_PROBE`` (since coder 1.37).
The holdout parts (md5 % 10 ≥ 7) are never read here, so ``warta eval events`` stays an honest number on them.
Embeddings: all-MiniLM-L6-v2 (``warta.coding.minilm``, since coder 1.39; USE multilingual v3 before) with the
shipped fine-tuned top layers (``learned.encoder()``; since coder 1.40, rebuilt first by
``scripts/finetune_event_encoder.py``; its cross-validation is in docs/events.md). Head: class-balanced softmax
regression (``learned.train_head``); L2 and the weights were chosen by 5-fold cross-validation inside the
dev parts (``--cv``; NGEC always in training, one fold of GSR dev and of CASE dev held out at a time).

Usage:
    python scripts/train_event_classifier.py ../shared/data            # writes the head
    python scripts/train_event_classifier.py ../shared/data --cv       # dev-part 5-fold CV accuracy only
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
from warta.eval.readers.case2021 import read_case  # noqa: E402
from warta.eval.readers.plover_gsr import read_gsr  # noqa: E402
from warta.eval.tasks.events import CASE_FILE, GSR_FILE, is_dev  # noqa: E402
from warta.model import PLOVER_TYPES  # noqa: E402

NGEC_FILE = ("ngec-synthetic-plover-events", "gpt_synthetic_events_2023-10-19.train70.csv.gz")
#: the prompt is "HEADLINE  (SOURCE) -- …": the headline is what precedes the source
HEADLINE_RE = re.compile(r"\s+\([^)]*\)\s*--")
L2 = 0.03
EPOCHS = 500
#: weight of one real sentence against one synthetic text (CV on the dev parts: 0 / 10 / 20 / 40; since coder 1.38,
#: with the probe sentences at W_PROBE, GSR / CASE at 20 / 5, 60 / 15, 100 / 30: head-alone CV inside GSR dev
#: 0.445 / 0.419 / 0.413 and inside CASE dev 0.643 / 0.704 / 0.726, against 0.387 / 0.719 without probes)
W_GSR = 60.0
W_CASE = 15.0
#: weight of one CAMEO probe sentence: the probe sets G/H (550 sentences) scored by the whole coder with heads trained
#: on sets A-F at weight 0 / 1 / 2 / 5 / 10 → 359 / 372 / 378 / 388 / 390 right; the head alone, 5-fold CV inside
#: GSR dev / CASE dev at 0 / 5 / 10 / 20: 0.387 / 0.426 / 0.419 / 0.426 and 0.719 / 0.704 / 0.676 / 0.656
W_PROBE = 10.0
PROBE_DIR = ROOT / "training-data" / "cameo-probes"
#: the head reads at most this many characters (as ``fallback.LEARNED_MAX_CHARS`` at run time)
MAX_CHARS = 400
FOLDS = 5
SEED = 0


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


def dev_sentences(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(text, PLOVER type) of the GSR dev part and of the CASE 2021 dev part; holdout records are skipped."""
    gsr = [(r.text, r.type) for r in read_gsr(data.joinpath(*GSR_FILE)) if is_dev(r.id)]
    case = [(s.text[:MAX_CHARS], str(s.type)) for s in read_case(data.joinpath(*CASE_FILE))
            if s.type is not None and is_dev(s.id)]
    return gsr, case


def read_probes(path: Path) -> list[tuple[str, str, str]]:
    """(CAMEO code, PLOVER type, sentence) of each well-formed line of a probe file (tab-separated, no header)."""
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return [(p[0], p[1], p[2]) for p in rows if len(p) == 3]


def probe_sentences(pattern: str = "set-*.tsv", folder: Path = PROBE_DIR) -> list[tuple[str, str]]:
    """(sentence, PLOVER type) of every probe file matching ``pattern`` (the training sets by default)."""
    return [(text, kind) for path in sorted(folder.glob(pattern)) for _, kind, text in read_probes(path)
            if kind in PLOVER_TYPES]


def _xy(texts_labels: list[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    x = encoder().encode([t for t, _ in texts_labels]) if texts_labels else np.zeros((0, 384), np.float32)
    return np.asarray(x, dtype=np.float32), np.array([PLOVER_TYPES.index(lab) for _, lab in texts_labels], dtype=int)


def fit(parts: list[tuple[np.ndarray, np.ndarray, float]]):
    """Train on (x, y, weight per example) parts."""
    parts = [p for p in parts if len(p[1]) and p[2]]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    w = np.concatenate([np.full(len(p[1]), p[2]) for p in parts])
    return train_head(x, y, l2=L2, epochs=EPOCHS, weights=w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, nargs="?", default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cv", action="store_true", help="dev-part cross-validation only; writes nothing")
    args = ap.parse_args()
    rows = read_ngec(args.data.joinpath(*NGEC_FILE))
    xn, yn = _xy([(r["headline"], r["label"]) for r in rows] + [(r["lead"], r["label"]) for r in rows])
    gsr, case = dev_sentences(args.data)
    xg, yg = _xy(gsr)
    xc, yc = _xy(case)
    probes = probe_sentences()
    xp, yp = _xy(probes)
    if args.cv:
        rng = np.random.default_rng(SEED)
        fg, fc = rng.permutation(len(yg)) % FOLDS, rng.permutation(len(yc)) % FOLDS
        hits_g = hits_c = 0
        for k in range(FOLDS):
            head = fit([(xn, yn, 1.0), (xg[fg != k], yg[fg != k], W_GSR), (xc[fc != k], yc[fc != k], W_CASE),
                        (xp, yp, W_PROBE)])
            hits_g += int((head.probabilities(xg[fg == k]).argmax(1) == yg[fg == k]).sum())
            hits_c += int((head.probabilities(xc[fc == k]).argmax(1) == yc[fc == k]).sum())
        print(f"head alone, {FOLDS}-fold CV inside the dev parts: GSR dev {hits_g / len(yg):.3f} (n={len(yg)}), "
              f"CASE dev {hits_c / len(yc):.3f} (n={len(yc)})")
        return
    head = fit([(xn, yn, 1.0), (xg, yg, W_GSR), (xc, yc, W_CASE), (xp, yp, W_PROBE)])
    out = RESOURCE_DIR / MODEL_FILE
    save(head, out)
    print(f"{out}: trained on {len(rows)} NGEC stories × (headline, lead), {len(gsr)} GSR dev sentences, "
          f"{len(case)} CASE dev snippets, {len(probes)} CAMEO probe sentences")


if __name__ == "__main__":
    main()
