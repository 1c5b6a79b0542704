"""The claims stage: cues, speakers, certainty and denial on the canonical example and by hand."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "coding"))
from builders import make_doc  # noqa: E402

from warta.stages.claims import ClaimStage  # noqa: E402

from test_events import example  # noqa: E402


def test_example_claims():
    text, out = example()
    by_cue = {}
    for c in out["claims"]:
        assert c["end"] > c["start"]  # every claim has a content span
        by_cue.setdefault(c["cue"], []).append(c)
    assert by_cue["mengatakan"][0]["certainty"] == "probable"
    assert by_cue["kata"][0]["kind"] == "direct"
    (deny,) = by_cue["menolak tuduhan"]
    assert deny["polarity"] == "deny"
    assert "memperingatkan" in by_cue  # the analysts' warning
    assert "mengklaim" in by_cue  # South Korea's claim
    (resolved,) = by_cue["katanya"]
    assert resolved["speaker"] == by_cue["kata"][0]["speaker"]  # "katanya" → the previous speaker
    actors = {a["id"]: a for a in out["actors"]}
    if actors:
        assert actors[by_cue["mengatakan"][1]["speaker"]]["country"] == "KOR"
        assert actors[deny["speaker"]]["country"] == "PRK"


def test_according_to_and_english_said():
    doc = make_doc("Menurut Polri, dua orang ditangkap.", actors={"a1": ("IDN", "organization", ["Polri"])})
    (c,) = ClaimStage()(doc).claims
    assert (c.speaker, c.cue, doc.text[c.start:c.end]) == ("a1", "Menurut", "dua orang ditangkap")
    doc = make_doc("Two people were arrested, police said.", language="en",
                   actors={"a1": ("USA", "organization", ["police"])})
    (c,) = ClaimStage()(doc).claims
    assert (c.speaker, doc.text[c.start:c.end]) == ("a1", "Two people were arrested")


def test_a_closing_quote_without_its_opener_quotes_only_its_own_sentence():
    from warta.coding.attribution import find_quotes

    # CLICK-ID writes a whole article as one line: the stray mark must not swallow the first sentence
    text = ("Airlangga membantah melakukan pertemuan dengan Megawati.,Ia datang ke DPR. Tidak ada pertemuan,” "
            "kata Airlangga.")
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["Tidak ada pertemuan,"]
