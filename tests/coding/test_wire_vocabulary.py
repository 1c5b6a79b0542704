"""English rule coder 1.33 (issue #4): an announced event noun commits its actor, a hostile act on a condition is a
threat, and the wire-service phrasings of the CAMEO codes. Sentences built by hand."""
from __future__ import annotations

from builders import make_doc

from warta.coding.rules import RuleCoder

ACTORS = {"a1": ("THA", "state", ["Thailand"]), "a2": ("VNM", "state", ["Vietnam"]),
          "a3": ("USA", "state", ["The United States"]), "a4": ("PAK", "state", ["Pakistan"]),
          "a5": ("IRQ", "state", ["Iraq"]), "a6": ("USA", "person", ["Kaine"])}


def events(text: str):
    doc = make_doc(text, language="en", actors=ACTORS)
    return RuleCoder(learned_weight=0.0, learned_fallback=False).code(doc)


def top(text: str) -> str | None:
    best = max(events(text), key=lambda e: e.confidence, default=None)
    return best.type if best else None


def test_an_event_noun_the_actor_announces_after_a_light_verb_is_its_commitment():
    # CAMEO 0311 "express intent to cooperate economically" is PLOVER AGREE
    assert top("Thailand intends to boost economic cooperation with Vietnam.") == "AGREE"
    # a plan word inside a name is no announcement ("Planned Parenthood"), and the noun needs its light verb
    assert "THREATEN" not in [e.type for e in events("Kaine has opposed Planned Parenthood and restrictions on it.")]


def test_a_hostile_act_on_a_condition_is_a_threat_made():
    evs = events("The United States warned that it would cut off economic aid to Pakistan if it tested a bomb.")
    threat = next(e for e in evs if e.type == "THREATEN")
    assert (threat.status, threat.actors) == ("occurred", ["a3"])
    assert "SANCTION" not in [e.type for e in evs]  # the aid is not cut off
    # without a condition "would" stays the actor's plain commitment, coded as before
    assert top("The United States said it would cut off economic aid to Pakistan.") == "THREATEN"


def test_wire_phrasings_of_cameo_codes():
    assert top("Iraq allowed UN weapons inspectors into the palace.") == "RETREAT"  # CAMEO 0862, not CONCEDE
    assert top("Pakistan threw its weight behind the plan of Vietnam.") == "SUPPORT"
    assert top("Vietnam broke off the peace talks with Thailand.") == "SANCTION"
    assert top("Iraq expelled the weapons inspectors.") == "SANCTION"  # CAMEO 1662
    assert top("Thailand staged large military exercises near Vietnam.") == "MOBILIZE"  # not a staged protest


def test_an_event_noun_before_a_person_or_body_only_says_who_they_are():
    # "opposition" before "leaders" is no rejection: the demand is the event
    assert top("Pakistan opposition leaders demanded that Thailand release the prisoners.") == "REQUEST"
    assert "REJECT" in [e.type for e in events("Pakistan voiced its opposition to the plan of Vietnam.")]


def test_a_yielding_act_the_actor_says_it_will_not_do_is_a_refusal():
    evs = events("Iraq will not release the prisoners of Thailand, its officials said.")
    assert [(e.type, e.polarity, e.status) for e in evs] == [("REJECT", "positive", "occurred")]
    assert "RETREAT" not in [e.type for e in evs]  # nothing was released, and nothing is promised


def test_a_crowds_violence_without_deaths_is_a_riot():
    ev = next(e for e in events("Angry rioters torched cars near the parliament of Thailand."))
    assert (ev.type, ev.mode) == ("PROTEST", "riot")
    # the victims of an act are no crowd acting: police fire on protesters stays an assault
    assert top("Thailand police fired on protesters in Bangkok.") == "ASSAULT"


def test_a_threat_stays_apart_from_the_act_its_condition_names():
    # "use military force" (on a condition) and "expelled" (in the condition) are not one event
    evs = events("Thailand warned that it would use military force unless Vietnam expelled the rebels.")
    assert "THREATEN" in [e.type for e in evs]
