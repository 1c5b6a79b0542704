"""What a sentence's build says about an event the coder found in it.

Six readings that look beyond the trigger's own words: the act a request asks for has not happened; a future
marker governs the first act after it, not the main verb after a relative clause; so does an English plan cue
("planned to take part in demonstrations"), further than the future window reaches; a denial of *taking part* in an
attack does not deny the attack; a capitalised trigger inside a run of capitalised words is part of a name; an
event noun that is the object of planning has not happened yet.

Example:
    >>> from warta.coding.text import TextView
    >>> text = "pangkalan Tentara Pembebasan Rakyat"
    >>> view = TextView([0, 10, 18, 29], [9, 17, 28, 35], text.lower().split(), [(0, 4)], [None] * 4, [], [], [])
    >>> inside_name(text, view, 2, 0)
    True
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Claim
from .arguments import PUNCT_BREAKS
from .modality import FUTURE_WINDOW
from .resources import CodingResources
from .text import TextView


def mark_clause_scopes(found: Sequence[Any], words: Sequence[str], lo: int, res: CodingResources) -> None:
    """The sentence-level readings of status for the coder's candidates ``found`` of one sentence starting at
    token ``lo``: requested acts (:func:`mark_requested_acts`), future markers taken by an earlier act
    (:func:`mark_future_taken`) and acts after a plan cue (:func:`mark_planned_acts`), each where the language's
    resources ask for it."""
    if res.request_scope_breaks:
        mark_requested_acts(found, words, res)
    if res.future_taken_by_first_act:
        mark_future_taken(found, words, lo, res)
    if res.plan_cues:
        mark_planned_acts(found, words, lo, res)
    if res.condition_heads:
        mark_consequents(found, words, lo, res)


def _consequent_of(words: Sequence[str], c: Any, lo: int, res: CodingResources) -> bool:
    """Whether the act ``c`` lies in the consequent of a condition that heads its clause: after ``maka``
    ("apabila … maka akan menyita"), or, for an announced act, after the comma that closes a condition opening
    the sentence or a reported clause ("bahwa jika ditemukan pelanggaran …, Kementerian bakal memberikan sanksi").
    A past act after a clause-initial "kalau" ("as for") is no consequent: the comma path needs a future act."""
    for k in range(c.ti - 1, lo - 1, -1):
        if words[k] in PUNCT_BREAKS:
            return False
        if words[k] not in res.condition_heads:
            continue
        between = range(k + 1, c.ti)
        if any(words[m] in res.consequent_markers for m in between):
            return True
        heads_clause = k == lo or words[k - 1] in CLAUSE_OPENERS or words[k - 1] in res.complementizers
        return heads_clause and c.mod.status == "expected" and any(words[m] == "," for m in between)
    return False


#: tokens after which a condition word opens a clause of its own
CLAUSE_OPENERS = frozenset({",", "“", '"', "namun", "tetapi", "dan"})


def mark_consequents(found: Sequence[Any], words: Sequence[str], lo: int, res: CodingResources) -> None:
    """An act in the consequent of a condition has not happened: it is hypothetical, however far the condition
    word stands (the modality's window reaches ten tokens). The actor's own announced hostile act under a
    condition ("jika …, kami akan menyita") is a threat: it is coded THREATEN (CAMEO 13), as made."""
    for c in found:
        if c.mod.status == "hypothetical" or not _consequent_of(words, c, lo, res):
            continue
        if c.mod.intent and c.trig.type in res.conditional_threats:
            c.trig = replace(c.trig, type="THREATEN", mode=None, casualty=None)
            c.mod = replace(c.mod, status="occurred", intent=False)
        else:
            c.mod = replace(c.mod, status="hypothetical", intent=False)


#: how far after a plan cue its act may lie ("threatened to disrupt the party's convention in Philadelphia in
#: July with protests": 11 tokens)
PLAN_CUE_REACH = 12


def mark_planned_acts(found: Sequence[Any], words: Sequence[str], lo: int, res: CodingResources) -> None:
    """The first act after a plan cue ("planned to take part in demonstrations", "threatened to disrupt … with
    protests"), and the acts coordinated with it, are expected when the clause does not end before them; the
    future window of the modality (four tokens) reaches only the nearest. An act after another, uncoordinated one
    is not the plan's ("Rebels who planned to attack were arrested")."""
    acts = sorted(found, key=lambda c: c.ti)
    for cue, _ in res.plan_cues.finditer(words, lo, max((c.ti for c in acts), default=lo)):
        after = [c for c in acts if cue < c.ti <= cue + PLAN_CUE_REACH]
        for n, c in enumerate(after):
            if any(words[k] in PUNCT_BREAKS or words[k] in res.clause_breaks for k in range(cue, c.ti)):
                break
            if n and not any(words[k] in res.coordinators for k in range(after[n - 1].tj, c.ti)):
                break
            if c.mod.status == "occurred":
                c.mod = replace(c.mod, status="expected", intent=False)


def mark_future_taken(found: Sequence[Any], words: Sequence[str], lo: int, res: CodingResources) -> None:
    """A future marker governs the first act after it: in "Teroris yang akan menyerang itu ditangkap polisi" the
    attack is expected, the arrest is not. An act stays expected when every act between it and its markers is
    joined to it by a coordinator ("akan menyerang dan membunuh")."""
    for c in found:
        if c.mod.status != "expected":
            continue
        cues = [i for i, _ in res.expected.finditer(words, max(lo, c.ti - FUTURE_WINDOW), c.ti)]
        between = [k for k in found if k is not c and any(i < k.ti for i in cues) and k.tj <= c.ti]
        if cues and all(any(i < k.ti and not any(words[m] in res.coordinators for m in range(k.tj, c.ti))
                            for k in between) for i in cues):
            c.mod = replace(c.mod, status="occurred", intent=False)


def mark_requested_acts(found: Sequence[Any], words: Sequence[str], res: CodingResources) -> None:
    """An act a request asks for has not happened: "Keluarga meminta polisi segera menangkap pelaku", "Kami
    mendesak DPP … segera memberi sanksi" — within the request's clause (up to a comma, a stop or one of
    ``request_scope_breaks``) the act becomes hypothetical. So does what a threat threatens, where the language
    names THREATEN among ``scope_heads`` ("mengancam korban akan dibunuh jika melapor": the threat is the event,
    not a killing expected), within the reach the language gives it ("diancam dicabut lisensinya hingga puncaknya
    sang presiden berencana membunuh": the plan to kill is no threat's content). ``found``: the coder's candidates
    of one sentence."""
    for req in (c for c in found if c.trig.type in res.scope_heads and c.mod.status == "occurred"):
        reach = res.scope_heads[req.trig.type]
        for c in found:
            if c is req or c.ti < req.tj or c.trig.type == req.trig.type or (reach is not None
                                                                            and c.ti - req.tj >= reach):
                continue
            if not any(words[k] in PUNCT_BREAKS or words[k] == "," or words[k] in res.request_scope_breaks
                       for k in range(req.tj, c.ti)):
                c.mod = replace(c.mod, status="hypothetical", intent=False)


def denies_involvement(view: TextView, claim: Claim, ti: int, res: CodingResources) -> bool:
    """Whether a denial's content speaks of taking part in the event at token ``ti`` rather than of the event
    itself ("membantah terlibat dalam serangan": ``denial_involvement`` words before the trigger)."""
    if not res.denial_involvement:
        return False
    start = view.token_range(claim.start, claim.end)[0]
    return any(view.words[k] in res.denial_involvement for k in range(max(0, start - 3), ti))


#: how many tokens before an event noun a planning verb still governs it ("merencanakan aksi serangan")
PLAN_WINDOW = 2


def planned(words: Sequence[str], ti: int, lo: int, res: CodingResources) -> bool:
    """Whether the event noun at ``ti`` is what someone plans or prepares ("terduga teroris yang merencanakan
    serangan bom", "mempersiapkan demo"): ``plan_verbs`` within ``PLAN_WINDOW`` tokens before it.

    Example:
        >>> from warta.coding.resources import load_resources
        >>> planned("teroris yang merencanakan serangan bom".split(), 3, 0, load_resources("id"))
        True
    """
    return any(words[k] in res.plan_verbs for k in range(max(lo, ti - PLAN_WINDOW), ti))


#: a sentence whose words are capitalised at least this often is written in title case (a headline inside the text)
TITLE_CASE_SHARE = 0.6


def title_case(text: str, view: TextView, lo: int, hi: int) -> bool:
    """Whether most words of the sentence ``[lo, hi)`` start with a capital ("Hillary Asking Moderator To Fact
    Check Trump"): a headline left inside the body, where a capital says nothing about names."""
    firsts = [text[view.starts[k]] for k in range(lo, hi) if text[view.starts[k]].isalpha()]
    return bool(firsts) and sum(ch.isupper() for ch in firsts) >= TITLE_CASE_SHARE * len(firsts)


def inside_name(text: str, view: TextView, ti: int, lo: int) -> bool:
    """A capitalised trigger right after another capitalised word inside a sentence starting at token ``lo``
    is part of a name or a title ("Tentara Pembebasan Rakyat", "Front Pembela Islam", "The Walking Dead");
    the caller leaves headlines and title-case lines (:func:`title_case`) alone."""
    if ti - 1 <= lo:
        return False
    prev = view.starts[ti - 1]
    return text[view.starts[ti]:view.starts[ti] + 1].isupper() and text[prev:prev + 1].isupper()
