"""Property: every span the claim and event coders emit lies inside the text, every event's trigger
lies inside its evidence sentence, and every claim has a non-empty content span."""
from __future__ import annotations

from builders import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.coding.attribution import find_claims
from warta.coding.rules import RuleCoder

WORDS = ["Rusia", "menyerang", "Ukraina", "kata", "Kim", ",", "“", "”", "‘", "bahwa", "mengatakan", "tewas",
         "enam", "orang", "dalam", "serangan", "oleh", "menurut", "katanya", "membantah", "tidak", "akan",
         "said", "attacked", "killed", "dozens", "of", "people", "according", "to", ".", "\n", "diserang",
         "seperti", "yang", "dilaporkan", "media", "menolak", "tuduhan", "puluhan", "\"", "lebih", "dari", "20"]
ACTORS = {"a1": ("RUS", "state", ["Rusia"]), "a2": ("UKR", "state", ["Ukraina"]), "a3": ("KOR", "person", ["Kim"])}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.sampled_from(["id", "en"]))
def test_all_spans_inside_text(words, language):
    text = " ".join(words)
    doc = make_doc(text, language=language, actors=ACTORS)
    doc.claims = find_claims(doc)
    n = len(text)
    for c in doc.claims:
        assert 0 <= c.start < c.end <= n
        for sp in (c.cue_span, c.speaker_span):
            assert sp is None or 0 <= sp.start < sp.end <= n
    for e in RuleCoder().code(doc):
        s, t = e.evidence.sentence, e.evidence.trigger
        assert 0 <= s.start <= t.start < t.end <= s.end <= n
        assert text[t.start:t.end] == e.trigger_text
        assert 0.0 <= e.confidence <= 1.0
