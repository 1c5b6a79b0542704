"""Acts an actor only announces, and who does a violent act: the English rules of coders 1.33–1.38 (issue #4).

PLOVER codes what an actor *says* it will, would or might do by what the saying is: a hostile act on a condition
is a threat made (CAMEO 13), a yielding act it will not do a refusal made (CAMEO 12), an event noun it announces
doing ("intends to boost economic cooperation") a commitment like a verb act. A crowd's violence without deaths
is a riot (CAMEO 145). Each rule is switched on by a key of the language YAML (``announced_acts``,
``conditional_threats``, ``nominal_commitments``, ``crowd_nouns``), so a language without them codes as before.

Example:
    >>> from warta.coding.resources import load_resources
    >>> by_crowd("angry rioters torched cars".split(), 2, 0, load_resources("en"))
    True
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .resources import CodingResources

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: how far before a violent act its crowd subject may stand ("crowds demanding that President Traore quit set fire")
CROWD_REACH = 8
PUNCT_STOPS = frozenset({".", ",", ";", ":", "!", "?"})
#: how far before an announced event noun its light verb may stand ("boost economic and military cooperation")
ANNOUNCED_NOUN_GAP = 4


def recast(c: Any, res: CodingResources) -> str | None:
    """The type PLOVER codes for the candidate act ``c`` when its actor only announces it: THREATEN for an act of
    the ``conditional_threats`` types on a condition ("warned it would cut off aid if …", "vowed to take to the
    streets if …", "funds would be frozen if …" with the speaker as the one who threatens) or the speaker's own
    possible one ("said it might revoke their licences"); REJECT for a cooperative act it says it will not do
    ("said it would not halt its offensive"); None for any other act."""
    speaker = c.claim.speaker if c.claim is not None else None
    if c.trig.type in res.conditional_threats and (c.actors or (res.announced_acts and speaker)) and (
            c.mod.conditional or (res.announced_acts and c.mod.intent and c.condition_after)
            or (res.announced_acts and c.mod.modal and speaker is not None and speaker in c.actors)):
        return "THREATEN"
    if not c.actors:
        return None
    if res.announced_acts and c.mod.polarity == "negative" and c.mod.intent and c.trig.type in COOPERATIVE:
        return "REJECT"
    return None


def by_crowd(words: Sequence[str], ti: int, lo: int, res: CodingResources) -> bool:
    """Whether a crowd ("rioters", "angry crowds", "students demanding …") is the subject of the act at ``ti``: a
    crowd noun at most ``CROWD_REACH`` words before it, with no punctuation or clause break between."""
    for k in range(ti - 1, max(lo, ti - CROWD_REACH) - 1, -1):
        if words[k] in res.crowd_nouns:
            return True
        if words[k] in PUNCT_STOPS or words[k] in res.clause_breaks:
            return False
    return False


def announced_noun(words: Sequence[str], c: Any, lo: int, res: CodingResources) -> bool:
    """An event noun its actor announces doing, as the object of a light verb ("intends to boost economic
    cooperation", "will hold talks"): a commitment as a verb act is ("Planned Parenthood" is none)."""
    return res.nominal_commitments and c.voice == "nominal" and bool(c.actors) and any(
        words[k] in res.noun_light_verbs for k in range(max(lo, c.ti - ANNOUNCED_NOUN_GAP), c.ti))
