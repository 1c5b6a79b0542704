"""The geoparse benchmark task: what it writes out for developers."""
from __future__ import annotations

from warta.eval.readers.geoxml import GeoDoc, GoldToponym
from warta.eval.tasks.geoparse import score_dataset


def test_geoparse_errors_hold_dev_half_misses_only():
    # the holdout half is never written out, so no one reads it by accident while tuning
    text = "Troops arrived in Atlantis yesterday."
    docs = [GeoDoc(f"d{k}", text, [GoldToponym("Atlantis", 18, 26, 0.0, 0.0)]) for k in range(2)]
    errors: list[dict] = []
    score_dataset("toy", docs, errors=errors, dev_docs=1)
    assert [e["doc"] for e in errors] == ["d0"]
