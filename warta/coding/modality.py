"""Modality of an event or claim from the words around it: certainty, polarity, status, historical.

Hedges (sangat mungkin, diduga, dilaporkan, nampaknya; likely, reportedly) lower certainty;
negation next to the trigger flips polarity; future and expectation markers (akan, diharapkan;
will, expected) make the status ``expected``; conditionals make it ``hypothetical``; background
markers (sejak, bersejarah; since, decades ago) or a time long before publication make it historical.

Example:
    >>> from warta.coding.resources import load_resources
    >>> w = "ia mengatakan sangat mungkin enam perwira tewas".split()
    >>> modality(w, 6, 0, len(w), load_resources("id")).certainty
    'probable'
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .resources import CodingResources

#: how far before a trigger a hedge still governs it (tokens)
HEDGE_WINDOW = 12
#: how far before a trigger a negation governs it ("tidak akan pernah menyerang")
NEGATION_WINDOW = 3
#: how far before a trigger a future marker governs it ("diharapkan akan membatalkan")
FUTURE_WINDOW = 4
HYPOTHETICAL_WINDOW = 10
#: markers of an observer's expectation, as opposed to the actor's own intent ("akan", "will")
OBSERVER_EXPECTATION = frozenset({"diharapkan", "diperkirakan", "mengharapkan", "expected", "expects", "dijadwalkan",
                                  "scheduled", "direncanakan"})
ORDER = {"certain": 0, "probable": 1, "possible": 2}
STOP = frozenset({".", ";", "!", "?"})


@dataclass(frozen=True, slots=True)
class Modality:
    certainty: str = "certain"
    polarity: str = "positive"
    status: str = "occurred"
    historical: bool = False
    intent: bool = False  # the actor's own future commitment ("will visit"), not an observer's expectation
    conditional: bool = False  # a modal act under a condition ("would cut off aid if …"): a threat when hostile
    modal: bool = False  # a possible act ("might withdraw the licences"): the speaker's own is a threat when hostile


def weaker(a: str, b: str) -> str:
    """The less certain of two certainty values."""
    return a if ORDER[a] >= ORDER[b] else b


def _certainty(words: Sequence[str], lo: int, hi: int, res: CodingResources) -> str:
    best = "certain"
    for _, p in res.probable.finditer(words, lo, hi):
        best = weaker(best, "probable")
    for i, p in res.possible.finditer(words, lo, hi):
        # "mungkin" that is the tail of a probable phrase ("sangat mungkin") is not a second hedge
        if i > 0 and res.probable.match(words, i - 1) and len(res.probable.match(words, i - 1) or ()) > 1:
            continue
        best = weaker(best, "possible")
    return best


def claim_certainty(words: Sequence[str], lo: int, hi: int, res: CodingResources) -> str:
    """Certainty of a claim's content (hedges anywhere in it, plus two words before it)."""
    return _certainty(words, max(0, lo - 2), hi, res)


def modality(words: Sequence[str], trigger: int, lo: int, hi: int, res: CodingResources) -> Modality:
    """Modality of the trigger at ``words[trigger]`` inside the sentence tokens ``[lo, hi)``."""
    start = max(lo, trigger - HEDGE_WINDOW)
    for k in range(trigger - 1, start - 1, -1):
        if words[k] in STOP:
            start = k + 1
            break
    certainty = _certainty(words, start, trigger, res)
    polarity = "positive"
    for _ in res.negation.finditer(words, max(lo, trigger - NEGATION_WINDOW), trigger):
        polarity = "negative"
    status, intent = "occurred", False
    for i, p in res.expected.finditer(words, max(lo, trigger - FUTURE_WINDOW), trigger):
        if any(words[k] in res.time_breaks for k in range(i + len(p), trigger)):
            continue  # "direncanakan Jokowi sejak aksi protes": the plan is later than the protest
        status = "expected"
        intent = intent or p[0] not in OBSERVER_EXPECTATION
        if p[0] in OBSERVER_EXPECTATION:
            intent = False
            break
    if status == "expected" and any(words[k] in OBSERVER_EXPECTATION for k in range(max(lo, trigger - HEDGE_WINDOW), trigger)):
        intent = False
    for _ in res.hypothetical.finditer(words, max(lo, trigger - HYPOTHETICAL_WINDOW), trigger):
        status = "hypothetical"
        intent = False
    modal = False
    if res.modal_acts and _modal(words, trigger, lo, res):
        status, intent = "hypothetical", False  # "they might meet Trump": what may happen
        modal = True
    conditional = False
    if res.conditional_modals and _modal(words, trigger, lo, res, res.conditional_modals | res.modal_acts,
                                         reach=CONDITIONAL_REACH) \
            and any(words[k] in res.conditions for k in range(lo, hi)):
        status, intent = "hypothetical", False  # "she would sign this legislation if it came to her desk"
        conditional = True
    if _asked(words, trigger, hi):
        status, intent = "hypothetical", False  # "… mengundurkan diri atau seperti apa?": a question asserts nothing
    historical = any(True for _ in res.historical.finditer(words, lo, hi))
    hypothetical = status == "hypothetical"
    return Modality(certainty, polarity, status, historical, intent, conditional and hypothetical, modal and hypothetical)


#: how many tokens before an act its modal may stand ("could be met", "might not even meet")
MODAL_REACH = 3
#: and before an act on a condition ("would slap an arms embargo … if"): a noun act stands behind its verb
CONDITIONAL_REACH = 5
#: words after a modal that make the act a past one ("may have attacked"): it stays an act, of possible certainty
PERFECT = frozenset({"have", "has", "had", "'ve", "’ve"})


def _modal(words: Sequence[str], trigger: int, lo: int, res: CodingResources,
           modals: frozenset[str] | None = None, *, reach: int = MODAL_REACH) -> bool:
    """Is there a modal of ``modals`` (default ``res.modal_acts``) within ``reach`` tokens (``MODAL_REACH``)
    before the trigger, with no perfect "have" between them?"""
    modals = res.modal_acts if modals is None else modals
    for k in range(trigger - 1, max(lo, trigger - reach) - 1, -1):
        if words[k] in PERFECT or words[k] in STOP:
            return False
        if words[k] in modals:
            return True
    return False


def _asked(words: Sequence[str], trigger: int, hi: int) -> bool:
    """Does the clause of the trigger end in a question mark?"""
    for k in range(trigger + 1, hi):
        if words[k] in STOP:
            return words[k] == "?"
    return False
