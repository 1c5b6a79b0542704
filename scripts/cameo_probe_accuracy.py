"""Top-1 PLOVER type accuracy of the whole English pipeline on CAMEO probe sentences (issue #4).

Each line of a probe file is ``CAMEO code<TAB>PLOVER type<TAB>sentence`` (``training-data/cameo-probes``); each
sentence is coded as an article of its own, and its highest-confidence event's type is compared with the label.
This is how the fresh probe pairs in docs/events.md (coders 1.33–1.38) were scored.

Usage:
    python scripts/cameo_probe_accuracy.py training-data/cameo-probes/check-M.tsv training-data/cameo-probes/check-N.tsv
    python scripts/cameo_probe_accuracy.py FILE --errors      # also print the wrong sentences (this reads them)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_classifier import read_probes  # noqa: E402

from warta.api import process_many  # noqa: E402
from warta.model import Article  # noqa: E402
from warta.pipeline import build_pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--errors", action="store_true", help="print each wrong sentence with the events found")
    args = ap.parse_args()
    pipe = build_pipeline()
    for path in args.files:
        rows = read_probes(path)
        arts = [Article(id=str(k), text=text, language="en") for k, (_, _, text) in enumerate(rows)]
        right = 0
        for (code, gold, text), doc in zip(rows, process_many(arts, pipeline=pipe), strict=True):
            best = max(getattr(doc, "events", []), key=lambda e: e.confidence, default=None)
            if best is not None and best.type == gold:
                right += 1
            elif args.errors:
                print(code, gold, "|", text, "|", [(e.type, e.trigger_text) for e in getattr(doc, "events", [])][:3])
        print(f"{path}: {right}/{len(rows)} = {right / max(1, len(rows)):.3f}")


if __name__ == "__main__":
    main()
