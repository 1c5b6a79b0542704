"""Precision filters on triggers: word class, required or forbidden objects, required context, poll opinions.

Each filter reads its word lists from the language's lexicon YAML (``word_class``, ``word_lists``,
``opinion``) and from the trigger's own keys (``needs_after``, ``not_near``, ``needs_context``,
``otherwise``). A language whose YAML names none of them (Indonesian) is coded exactly as before.

* **Word class.** A single word listed as a verb or a noun triggers only when the tagger agrees: never as
  a proper noun, adjective, adverb … ("March", "Ban Ki-moon", "back", "free riders"), a verb entry not as a
  plain noun ("the team", "the rules"; a gerund in *-ing* stays: "the killing"), a noun entry not as a verb
  ("to deal with").
* **Objects.** ``needs_after: aid_objects`` — a general verb is an event only with its object close after
  it ("provided *aid*", not "provided a statement"); ``not_near: media_objects`` — the reverse, on both
  sides ("released *a statement*", "the *ad* that Trump released" are no release of prisoners).
* **Context.** ``needs_context: armed`` — a violent word counts only in a sentence with an armed context
  ("attack", "battle" in election news are metaphors); ``otherwise: ACCUSE`` — a verb takes that type
  instead ("Trump attacked Clinton" is a verbal attack). ``not_in_sentence: figurative_attacks`` — the
  reverse: no word of the list anywhere in the sentence ("diserang oleh pasukan siber", "menyerang pikiran").
* **Opinions.** In a sentence about a poll, stances ("Americans oppose …") are not acts.
* **Public life.** Types named in ``civic_types`` (Indonesian: asking, meeting, cooperating, supporting …,
  said with everyday verbs; ``TYPE:mode`` names one mode, e.g. ``COERCE:ban``) are events only when a participant is a public actor — a state, an IGO, or
  an actor with a country or a sector — or the sentence names public life (``word_lists: public``:
  "DPR", "menteri", "polisi" …). A footballer "bekerja sama" with another, a singer "meminta" a fan: no event.
* **Off topic.** A sentence with a word or phrase of sport, entertainment or markets (``non_political``) codes nothing;
  in English (1.3) a word inside an actor's name ("Oscar Ramirez Durand") does not count, and a sentence with
  an armed context is news of violence whatever else it names ("a suicide bomber attacked a ceremony").

Example:
    >>> from warta.coding.resources import load_resources
    >>> res = load_resources("en")
    >>> [t.type for t in res.lexicon.lookup("march") if pos_agrees(t, "PROPN", res)]
    []
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..model import Actor
from .lexicon import Trigger
from .resources import CodingResources

#: how many tokens after a trigger its required (or forbidden) object may sit
AFTER_WINDOW = 6
#: how many tokens before a trigger a forbidden object may sit ("this ad that Trump released")
BEFORE_WINDOW = 4
#: an object is looked for up to the first of these tokens
OBJECT_STOP = frozenset({",", ".", ";", ":", "!", "?", "“", "”", '"', "and", "but", "that", "which", "who", "if",
                         "whether"})
#: the word list whose context armed actors also give
ARMED = "armed"
STATE = "state"
#: a tag under which a verb entry still reads as an event noun ("the killing")
GERUND = "ing"
#: a listed past participle ("occupied", "outlawed", "seized") that the tagger reads as an adjective describes a
#: noun ("the occupied West Bank", "Turkey's outlawed Workers' Party", "the seized weapons"): it reports no act
ADJECTIVE = "ADJ"
ACTIVE = "active"
PARTICIPLE = "ed"


def pos_agrees(trig: Trigger, tag: str | None, res: CodingResources, word: str = "") -> bool:
    """True when the tagger's part of speech allows this single-word trigger (always, without a tag or rule)."""
    if not res.pos_never or not tag:
        return True
    if not trig.word_class:  # a listed form: only a participle read as an adjective is no act
        return not (tag == ADJECTIVE and trig.voice == ACTIVE and word.endswith(PARTICIPLE))
    if tag in res.pos_never:
        return False
    if trig.word_class == "verb" and tag == "NOUN":
        return word.endswith(GERUND)
    if trig.word_class == "noun" and tag == "VERB":
        return False
    return True


#: the tag a title-case headline gives to every capitalised word, whatever its class
PROPER_NOUN = "PROPN"


def title_case_tags(view: Any, lo: int, hi: int, unknown: frozenset[str] = frozenset()) -> list[str]:
    """The sentence's tags with the proper-noun tag dropped outside actor and place mentions: in a title-case
    headline ("Macedonia Ratifies Treaty Signed by Benin") the tagger reads every capitalised word as a name,
    so only a mention still says that a word is one ("Ban Ki-moon"). ``unknown``: ids of actors that only the
    name tagger proposed (a person or organisation with no sector); past their first word their mentions name
    nothing in such a line either ("Mali Downgrades", "Malaysia Expels Human Rights Activist")."""
    tags = list(view.pos)
    named = {k for i, j, a in view.mentions for k in range(i, i + 1 if a in unknown else j)}
    named |= {k for i, j, _ in view.place_mentions for k in range(i, j)}
    for k in range(lo, hi):
        if tags[k] == PROPER_NOUN and k not in named:
            tags[k] = ""
    return tags


def _has_after(words: Sequence[str], j: int, hi: int, name: str | None, res: CodingResources) -> bool:
    ps = res.word_lists.get(name or "")
    if ps is None:
        return False
    end = min(hi, j + AFTER_WINDOW)
    for k in range(j, end):
        if words[k] in OBJECT_STOP:
            end = k
            break
    return any(True for _ in ps.finditer(words, j, end))


def _has_within(words: Sequence[str], lo: int, hi: int, name: str, res: CodingResources) -> bool:
    ps = res.word_lists.get(name)
    return ps is not None and any(True for _ in ps.finditer(words, lo, hi))


def _has_before(words: Sequence[str], i: int, lo: int, name: str | None, res: CodingResources) -> bool:
    ps = res.word_lists.get(name or "")
    if ps is None:
        return False
    start = max(lo, i - BEFORE_WINDOW)
    for k in range(i - 1, start - 1, -1):
        if words[k] in OBJECT_STOP - {"that", "which"}:  # "the ad that Trump released": the object is before
            start = k + 1
            break
    return any(True for _ in ps.finditer(words, start, i))


def armed_actor_ids(actors: Sequence[Actor], res: CodingResources) -> tuple[frozenset[str], frozenset[str]]:
    """(ids of armed actors — military, police, rebels … by sector —, ids of states) of a document."""
    if not res.armed_sectors:
        return frozenset(), frozenset()
    return (frozenset(a.id for a in actors if a.sector in res.armed_sectors),
            frozenset(a.id for a in actors if a.kind == STATE))


def armed_sentence(actor_at_token: Sequence[str | None], armed: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True when the sentence names an armed actor, or two states (a war is between states, a debate is not)."""
    ids = {a for a in actor_at_token if a}
    return bool(ids & armed[0]) or len(ids & armed[1]) >= 2


def admit(trig: Trigger, words: Sequence[str], tags: Sequence[str] | None, i: int, j: int, lo: int, hi: int,
          res: CodingResources, *, armed: bool = False) -> Trigger | None:
    """The trigger as it may be used at tokens ``[i, j)`` of the sentence ``[lo, hi)``, retyped when its
    context asks for it, or None when a filter rejects it. ``armed``: the sentence names armed actors, which
    satisfies an armed context."""
    if j - i == 1 and not pos_agrees(trig, tags[i] if tags else None, res, words[i]):
        return None
    if trig.needs_after and not _has_after(words, j, hi, trig.needs_after, res):
        return None
    if trig.not_near and (_has_after(words, j, hi, trig.not_near, res) or _has_before(words, i, lo, trig.not_near, res)):
        return None
    if trig.not_in_sentence and _has_within(words, lo, hi, trig.not_in_sentence, res):
        return None
    if trig.not_by and _done_by(trig, words, i, j, lo, hi, trig.not_by, res):
        return None
    if trig.needs_context and not (armed and trig.needs_context == ARMED):
        if not _has_within(words, lo, hi, trig.needs_context, res):
            if trig.otherwise and trig.word_class == "verb" and not (i > lo and words[i - 1] in NOUN_MARKERS):
                return replace(trig, type=trig.otherwise, context=(), mode=None, needs_context=None, casualty=None)
            return None
    return trig


#: how far from a verb its doer is looked for: the subject before an active form ("pihak pegadaian langsung
#: menyita"), the agent after a passive one ("ditahan oleh oknum guru")
AGENT_WINDOW = 3


def _done_by(trig: Trigger, words: Sequence[str], i: int, j: int, lo: int, hi: int, name: str,
             res: CodingResources) -> bool:
    """Whether a word of the list ``name`` is the doer of the verb trigger at ``[i, j)``: before an active form,
    after a passive one (an arrest by a teacher, a mother or a pawnshop is no coercion by an authority)."""
    ps = res.word_lists.get(name)
    if ps is None or trig.voice not in ("active", "passive"):
        return False
    if trig.voice == "passive":
        end = min(hi, j + AGENT_WINDOW)
        stop = next((k for k in range(j, end) if words[k] in OBJECT_STOP), end)
        return any(True for _ in ps.finditer(words, j, stop))
    start = max(lo, i - AGENT_WINDOW)
    start = next((k + 1 for k in range(i - 1, start - 1, -1) if words[k] in OBJECT_STOP), start)
    return any(True for _ in ps.finditer(words, start, i))


#: the word list of verbs that carry out a noun's act ("melakukan penangkapan", "penangkapan dilakukan")
CARRIED_OUT = "carried_out"


def carried_out(words: Sequence[str], i: int, j: int, lo: int, hi: int, res: CodingResources) -> bool:
    """True when a verb of the ``carried_out`` word list stands next to the noun trigger at ``[i, j)``
    ("berhasil melakukan penangkapan", "penangkapan itu dilakukan"); True when the language names no such list.
    """
    if CARRIED_OUT not in res.word_lists:
        return True
    return _has_before(words, i, lo, CARRIED_OUT, res) or _has_after(words, j, hi, CARRIED_OUT, res)


def untargeted_reading(trig: Trigger, words: Sequence[str], lo: int, hi: int, res: CodingResources, *,
                       aimed: bool, place_starts: Sequence[int] = ()) -> Trigger:
    """The trigger's ``untargeted`` reading ("TYPE:mode") when nothing shows what it was aimed at: not
    ``aimed`` (no recipient, no victims), none of its ``target_words`` in the sentence ``[lo, hi)``, and no
    place (``place_starts``: first tokens of the sentence's places that are not seas or regions) right after
    one of its ``target_preps`` later in the sentence.

    Example: "Korea Utara menembakkan dua rudal" and "... rudal ke Laut Jepang" are launches (MOBILIZE
    weapons); "Rusia menembakkan rudal ke Kyiv" and "... rudal yang menewaskan tiga warga" are attacks.
    """
    if not trig.untargeted or aimed or _has_within(words, lo, hi, trig.target_words or "", res):
        return trig
    preps = res.word_lists.get(trig.target_preps or "")
    if preps is not None and any(k - len(m) == i for k in place_starts
                                 for i, m in preps.finditer(words, max(lo, k - 2), k)):
        return trig
    type_, _, mode = trig.untargeted.partition(":")
    return replace(trig, type=type_, mode=mode or None, untargeted=None, target_words=None, target_preps=None)


#: the word list that gives a sentence public context for ``civic_types``
PUBLIC = "public"
#: actor kinds that are public by themselves
PUBLIC_KINDS = frozenset({"state", "igo"})
#: an organisation named after its country counts as public only with a sector (a ministry, not a company)
ORGANIZATION = "organization"


def is_civic_type(trig: Trigger, res: CodingResources) -> bool:
    """True when the trigger's type (or ``TYPE:mode``, e.g. ``COERCE:ban``) is one of ``civic_types``."""
    return trig.type in res.civic_types or f"{trig.type}:{trig.mode}" in res.civic_types


def civic(participants: Sequence[Actor], words: Sequence[str], lo: int, hi: int, res: CodingResources) -> bool:
    """True when an everyday-verb event has a public participant or public context (see "Public life").

    Example:
        >>> from warta.coding.resources import load_resources
        >>> res = load_resources("id")
        >>> civic([], "Firmino bekerja sama dengan Salah".lower().split(), 0, 5, res)
        False
        >>> civic([], "DPR bekerja sama dengan KPK".lower().split(), 0, 5, res)
        True
    """
    if any(is_public(a) for a in participants):
        return True
    return _has_within(words, lo, hi, PUBLIC, res)


def is_public(actor: Actor) -> bool:
    """A state, an IGO, or an actor with a sector or a country (a company or club named after its country,
    "FWD Life Indonesia", is not public life)."""
    return actor.kind in PUBLIC_KINDS or bool(actor.sector) or bool(actor.country and actor.kind != ORGANIZATION)


def organisations_alone(c: Any, actor_by_id: dict[str, Actor], before: Sequence[tuple[int, int, str]], *,
                        ok: bool) -> bool:
    """True when the only participants of the coder's candidate ``c`` are organisations that do not act before it.

    Doing something, an organisation is a participant ("DPR menyetujui revisi itu", "Polri melakukan
    penyitaan"); named only after the trigger it often is none ("mengancam independensi KPK", "ancaman pelemahan
    KPK", "tuduhan KPK semena-mena"), so such an event needs other evidence. ``before``: the actor mentions of the
    sentence before the trigger; ``ok``: the type needs no participant, so a verb ("tujuh jenderal TNI diculik"),
    a weapon or mode ("kerusuhan") or casualties keep it.

    Example:
        >>> from types import SimpleNamespace as Cand
        >>> kpk = {"a1": Actor(id="a1", name="KPK", kind="organization")}
        >>> threat = Cand(actors=["a1"], recipients=[], voice="nominal", trig=Cand(mode=None), fatalities=None)
        >>> organisations_alone(threat, kpk, [], ok=False), organisations_alone(threat, kpk, [(0, 1, "a1")], ok=False)
        (True, False)
    """
    ids = [*c.actors, *c.recipients]
    if not ids or any(a not in actor_by_id or actor_by_id[a].kind != ORGANIZATION for a in ids):
        return False
    if ok and (c.voice != "nominal" or c.trig.mode or c.fatalities):
        return False
    return not c.actors or (c.voice == "nominal" and not any(m[2] in c.actors for m in before))


def participants_suffice(cands: list[Any], actor_by_id: dict[str, Actor], view: Any, lo: int, hi: int,
                         res: CodingResources, *, needs_none: Callable[[Any], bool]) -> list[Any]:
    """The coder's candidates of one sentence ``[lo, hi)`` whose participants make them events: not organisations
    alone named after the trigger (:func:`organisations_alone`, where the language requires an actor; ``needs_none``
    says which candidates need no participant), and for the civic types a public participant or context
    (:func:`civic`). ``view``: the document's ``TextView``."""
    if res.require_actor:
        cands = [c for c in cands if not organisations_alone(c, actor_by_id, view.mentions_in(lo, c.ti),
                                                             ok=needs_none(c))]
    if res.civic_types:
        cands = [c for c in cands if not is_civic_type(c.trig, res) or civic(
            [actor_by_id[a] for a in c.actors + c.recipients if a in actor_by_id], view.words, lo, hi, res)]
    return cands


#: words after which a verb form is read as a noun (rules.EN_NOUN_MARKERS adds counting words to these)
NOUN_MARKERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                          "of", "for", "in", "after", "during", "against", "new", "further", "any", "no", "s", "’s",
                          "'s"})


def is_opinion(words: Sequence[str], lo: int, hi: int, res: CodingResources) -> bool:
    """True for a sentence about a poll or survey, whose stance verbs report opinions, not acts."""
    return bool(res.opinion_types) and any(True for _ in res.opinion.finditer(words, lo, hi))


#: determiners and adjectives a predicate noun may carry after its copula ("is a serious threat")
PREDICATE_GAP = 3
ARTICLES = frozenset({"a", "an", "the", "no", "any"})


def predicate_noun(words: Sequence[str], i: int, lo: int, res: CodingResources) -> bool:
    """True for a noun trigger that is the predicate of a copula ("isn't a serious threat", "is a deal"):
    a description of someone, not an event reported."""
    if not res.copulas:
        return False
    for k in range(i - 1, max(lo, i - PREDICATE_GAP) - 1, -1):
        if words[k] in ARTICLES:
            return k > lo and words[k - 1] in res.copulas
    return False


def modifier_noun(words: Sequence[str], i: int, hi: int, res: CodingResources) -> bool:
    """True for a one-word event noun that modifies the person or body after it ("opposition leaders",
    "alliance officials"): it names who they are, not an event (``modifier_heads`` in the YAML; none: False)."""
    return bool(res.modifier_heads) and i + 1 < hi and words[i + 1] in res.modifier_heads


#: words an ended event noun may stand after its verb ("ended the three-week strike", "lifted its curfew")
ENDED_GAP = 3
#: where the scan for an ending verb stops
ENDED_STOP = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "“", "”", '"', "and", "but", "or"})
#: the noun "end" takes its event after "to" ("put an end to the violence")
END_NOUNS = frozenset({"end", "halt", "stop"})


def ended_noun(words: Sequence[str], i: int, lo: int, res: CodingResources) -> bool:
    """True for an event noun that is the object of a verb of ending ("suspended their protests", "ended the
    curfew", "lifted the blockade", "an end to the strike"): what is reported is that it stops, a concession or
    a retreat, not a new protest, curfew or blockade (``ending_verbs`` in the YAML; none: always False)."""
    if not res.ending_verbs:
        return False
    for k in range(i - 1, max(lo, i - 1 - ENDED_GAP) - 1, -1):
        w = words[k]
        if w in res.ending_verbs:
            return True
        if w == "to" and k > lo and words[k - 1] in END_NOUNS:
            return True
        if w in ENDED_STOP or w in res.clause_breaks or w in res.recipient_preps or w in res.place_preps:
            return False
    return False


def off_topic(words: Sequence[str], lo: int, hi: int, res: CodingResources, *,
              actor_at_token: Sequence[str | None] = (), armed: bool = False) -> bool:
    """True for a sentence about sport, entertainment or markets, which PLOVER does not code.

    Where the lexicon has an ``armed`` word list (English), a non-political word inside an actor mention
    ("Oscar Ramirez Durand") does not count, and a sentence with an armed context (``armed``: armed actors
    or two states; or a word of the list) is never off topic ("a suicide bomber attacked a ceremony").
    Other languages keep the plain rule.

    Example:
        >>> from warta.coding.resources import load_resources
        >>> res = load_resources("en")
        >>> off_topic("the award ceremony".split(), 0, 3, res)
        True
        >>> off_topic("a suicide bomber attacked the award ceremony".split(), 0, 6, res)
        False
    """
    armed_words = res.word_lists.get(ARMED)
    starts = [k for k, _phrase in res.non_political.finditer(words, lo, hi)]
    if armed_words is None:
        return bool(starts)
    hit = any(not (k < len(actor_at_token) and actor_at_token[k]) for k in starts)
    return hit and not armed and not any(True for _ in armed_words.finditer(words, lo, hi))
