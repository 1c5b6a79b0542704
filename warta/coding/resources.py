"""All the compiled word lists a language needs for coding, built once and cached.

Example:
    >>> res = load_resources("id")
    >>> res.cues.values[("mengatakan",)]
    'say'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import Lexicon, en_inflect, load_lexicon
from .phrases import PhraseSet


@dataclass(frozen=True)
class CodingResources:
    language: str
    lexicon: Lexicon
    probable: PhraseSet
    possible: PhraseSet
    negation: PhraseSet
    expected: PhraseSet
    hypothetical: PhraseSet
    historical: PhraseSet
    #: words right before a trigger that put it in the past ("sudah dua kali bertemu")
    past: frozenset[str]
    cues: PhraseSet  # values: cue kind
    after_cues: PhraseSet
    according: PhraseSet
    anaphoric: frozenset[str]
    source_chain: PhraseSet
    complementizers: frozenset[str]
    number_words: PhraseSet  # values: int
    vague_numbers: PhraseSet  # values: [low, high]
    at_least: PhraseSet
    more_than: PhraseSet
    up_to: PhraseSet
    victim_nouns: PhraseSet  # words and phrases ("pengunjuk rasa") a casualty number counts
    contexts: PhraseSet  # values: context tag
    recipient_preps: frozenset[str]
    place_preps: frozenset[str]  # words that introduce where an event happened
    place_nouns: frozenset[str]  # nouns a locative phrase may hold before its place ("the town of")
    actor_preps: frozenset[str]
    clause_breaks: frozenset[str]
    coordinators: frozenset[str]
    purpose_markers: frozenset[str]
    pronouns: frozenset[str]
    be_aux: frozenset[str]
    non_political: PhraseSet  # words and phrases ("kelas berat", "super pac") of sport, entertainment, markets
    require_actor: bool
    non_violent_death: PhraseSet
    simulation: PhraseSet
    # English precision filters (``filters.py``); empty for a language whose YAML does not name them
    word_lists: dict[str, PhraseSet] = field(default_factory=dict)  # named lists the triggers refer to
    pos_never: frozenset[str] = frozenset()  # tags a single-word verb/noun trigger is never read with
    opinion: PhraseSet = field(default_factory=lambda: PhraseSet(()))  # poll words: stances, not acts
    opinion_types: frozenset[str] = frozenset()
    commitment_yields: bool = False  # "promised to veto": the AGREE phrase gives way to the hostile act
    modifier_heads: frozenset[str] = frozenset()  # "opposition leaders": an event noun before these is a modifier
    gap_free: frozenset[str] = frozenset()  # words a phrase gap holds without counting them ("today", "on Monday")
    participles_subordinate: bool = False  # "crowds demanding … stormed": a bare -ing verb is no main predicate
    crowd_nouns: frozenset[str] = frozenset()  # "rioters torched cars": a crowd's violence is a riot (PROTEST)
    announced_acts: bool = False  # "would not halt its offensive": a refusal; "vowed to strike if …": a threat
    nominal_commitments: bool = False  # "vowed to strengthen defence cooperation": an actor's announced noun act commits
    nominal_needs_participant: bool = False  # a noun trigger with no actor nor recipient is a topic
    drop_hypothetical: bool = False  # hypothetical events are not emitted
    drop_negated: bool = False  # events negated in their own clause are not emitted (a denied claim's still are)
    keep_negated: frozenset[str] = frozenset()  # types still emitted negated ("police did not arrest")
    # words that may stand between a reporting cue and the act it reports without being its subject
    # ("mengatakan akan mengirim"); empty: the subject search crosses cues as it always did
    subjectless_words: frozenset[str] = frozenset()
    # verbs whose subject does the act of the event noun that follows ("melancarkan serangan"); empty: every
    # verb does, as before
    light_verbs: frozenset[str] = frozenset()
    # English: verbs whose object event noun is their subject's act ("police began an investigation", "Algeria
    # expressed its support"), every form; empty: an event noun after an article has no subject actor, as before
    noun_light_verbs: frozenset[str] = frozenset()
    # English: verbs whose event-noun object stops ("suspended their protests"): the noun is no new event
    ending_verbs: frozenset[str] = frozenset()
    # pronouns that stand for the speaker inside a direct quote; empty: every pronoun does, as before
    first_person: frozenset[str] = frozenset()
    # words that end the noun phrase of an event noun: no possessor after them ("pembunuhan tersebut dilakukan AA")
    np_closers: frozenset[str] = frozenset()
    not_purpose: frozenset[str] = frozenset()  # "continued to send", "attempted to kill": "to" is no purpose
    copulas: frozenset[str] = frozenset()  # a noun trigger after one of these is a predicate, not an event
    armed_sectors: frozenset[str] = frozenset()  # actor sectors that give a sentence an armed context
    civic_types: frozenset[str] = frozenset()  # everyday-verb types coded only with a public actor (filters.civic)
    # a noun right after a purpose marker names what something is for, not a purpose ("tersangka untuk kerusuhan")
    purpose_needs_verb: bool = False
    #: words of a denied content that make the denial one of taking part, not of the event ("terlibat")
    denial_involvement: frozenset[str] = frozenset()
    #: words that end the clause of a request, so an act after them is not the one asked for
    request_scope_breaks: frozenset[str] = frozenset()
    #: the types whose trigger governs the acts of its clause as content, not as events (clauses.mark_requested_acts):
    #: what is asked for ("meminta polisi menangkap") and what is threatened ("mengancam korban akan dibunuh"); each
    #: with how many tokens after it its content may start (None: the whole clause)
    scope_heads: dict[str, int | None] = field(default_factory=lambda: {"REQUEST": None})
    # a future marker does not reach a noun trigger across a clause break ("bakal naik karena serangan ini")
    future_stops_at_clause: bool = False
    no_commitment: frozenset[str] = frozenset()  # types whose announced act is no AGREE/THREATEN of its own
    time_breaks: frozenset[str] = frozenset()  # "sejak", "after": a future marker before them is not the event's
    plan_verbs: frozenset[str] = frozenset()  # an event noun right after one is planned, not done (clauses.planned)
    future_taken_by_first_act: bool = False  # a future marker governs the first act after it (clauses)
    #: "planned to", "threatened to": the first act after one, in its clause, is expected (clauses.mark_planned_acts)
    plan_cues: PhraseSet = field(default_factory=lambda: PhraseSet(()))
    modal_acts: frozenset[str] = frozenset()  # a modal right before an act makes it hypothetical (modality.py)
    #: "would" right before an act in a sentence with "if" / "unless": a condition's consequence (modality.py)
    conditional_modals: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    #: the word list that makes an article one about sport or shows, and in how many sentences (topic.py)
    topic_words: str | None = None
    topic_sentences: int = 3
    #: condition words whose consequent clause is hypothetical however far it lies (clauses.mark_consequents)
    condition_heads: frozenset[str] = frozenset()
    consequent_markers: frozenset[str] = frozenset()  # "maka": what follows is a condition's consequent
    conditional_threats: frozenset[str] = frozenset()  # types whose conditional announcement is a THREATEN


def _verb_forms(verbs) -> frozenset[str]:
    """Every form of the listed verbs: regular ones inflected (``lexicon.en_inflect``), irregular ones as listed."""
    return frozenset(form for v in verbs for form in en_inflect(v))


def _ps(items) -> PhraseSet:
    if isinstance(items, dict):
        return PhraseSet(items.keys(), items)
    return PhraseSet(items or ())


@lru_cache(maxsize=8)
def load_resources(language: str, *, layers: tuple[str, ...] | None = None) -> CodingResources:
    """Compile the lexicon file of ``language`` (``id``/``en``; anything else → ``id``), with the generated
    fallback ``layers`` if named (see :func:`warta.coding.lexicon.load_lexicon`)."""
    lex = load_lexicon(language, layers=layers)
    w = lex.words
    mod, att, num = w.get("modality", {}), w.get("attribution", {}), w.get("numbers", {})
    contexts = {word: tag for tag, words in w.get("contexts", {}).items() for word in words}
    return CodingResources(
        language=lex.language, lexicon=lex,
        probable=_ps(mod.get("probable")), possible=_ps(mod.get("possible")), negation=_ps(mod.get("negation")),
        expected=_ps(mod.get("expected")), hypothetical=_ps(mod.get("hypothetical")),
        historical=_ps(mod.get("historical")), past=frozenset(mod.get("past", ())),
        modal_acts=frozenset(mod.get("modal_acts", ())),
        conditional_modals=frozenset(mod.get("conditional_modals", ())),
        conditions=frozenset(mod.get("conditions", ())),
        cues=_ps(att.get("cues", {})), after_cues=_ps(att.get("after_cues")), according=_ps(att.get("according")),
        anaphoric=frozenset(att.get("anaphoric", ())), source_chain=_ps(att.get("source_chain")),
        complementizers=frozenset(att.get("complementizers", ())),
        number_words=_ps(num.get("words", {})), vague_numbers=_ps(num.get("vague", {})),
        at_least=_ps(num.get("at_least")), more_than=_ps(num.get("more_than")), up_to=_ps(num.get("up_to")),
        victim_nouns=_ps(num.get("victim_nouns")),
        contexts=_ps(contexts),
        recipient_preps=frozenset(w.get("recipient_preps", ())),
        place_preps=frozenset(w.get("place_preps", ())), place_nouns=frozenset(w.get("place_nouns", ())),
        actor_preps=frozenset(w.get("actor_preps", ())),
        clause_breaks=frozenset(w.get("clause_breaks", ())), coordinators=frozenset(w.get("coordinators", ())),
        purpose_markers=frozenset(w.get("purpose_markers", ())), pronouns=frozenset(w.get("pronouns", ())),
        be_aux=frozenset(w.get("be_aux", ())), non_political=_ps(w.get("non_political")),
        require_actor=bool(w.get("require_actor", False)), non_violent_death=_ps(w.get("non_violent_death")),
        simulation=_ps(w.get("simulation")),
        word_lists={name: _ps(items) for name, items in (w.get("word_lists") or {}).items()},
        pos_never=frozenset((w.get("word_class") or {}).get("never", ())),
        opinion=_ps((w.get("opinion") or {}).get("markers")),
        opinion_types=frozenset((w.get("opinion") or {}).get("types", ())),
        commitment_yields=bool(w.get("commitment_yields_to_hostile_act", False)),
        nominal_commitments=bool(w.get("nominal_commitments", False)),
        announced_acts=bool(w.get("announced_acts", False)),
        crowd_nouns=frozenset(w.get("crowd_nouns", ())),
        participles_subordinate=bool(w.get("participles_subordinate", False)),
        gap_free=frozenset(w.get("gap_free", ())),
        modifier_heads=frozenset(w.get("modifier_heads", ())),
        nominal_needs_participant=bool(w.get("nominal_needs_participant", False)),
        armed_sectors=frozenset(w.get("armed_sectors", ())),
        civic_types=frozenset(w.get("civic_types", ())),
        purpose_needs_verb=bool(w.get("purpose_needs_verb", False)),
        request_scope_breaks=frozenset(w.get("request_scope_breaks", ())),
        scope_heads=dict(w.get("scope_heads") or {"REQUEST": None}),
        denial_involvement=frozenset(w.get("denial_involvement", ())),
        future_stops_at_clause=bool(w.get("future_stops_at_clause", False)),
        no_commitment=frozenset(w.get("no_commitment", ())),
        plan_verbs=frozenset(w.get("plan_verbs", ())), time_breaks=frozenset(w.get("time_breaks", ())),
        future_taken_by_first_act=bool(w.get("future_taken_by_first_act", False)),
        plan_cues=_ps(w.get("plan_cues")),
        drop_hypothetical=bool(w.get("drop_hypothetical", False)),
        drop_negated=bool(w.get("drop_negated", False)),
        keep_negated=frozenset(w.get("keep_negated", ())),
        subjectless_words=frozenset(w.get("subjectless_words", ())),
        light_verbs=frozenset(w.get("light_verbs", ())),
        noun_light_verbs=_verb_forms(w.get("noun_light_verbs", ())),
        ending_verbs=_verb_forms(w.get("ending_verbs", ())),
        first_person=frozenset(w.get("first_person", ())),
        np_closers=frozenset(w.get("np_closers", ())),
        copulas=frozenset(w.get("copulas", ())),
        not_purpose=frozenset(w.get("not_purpose", ())),
        topic_words=(w.get("off_topic_article") or {}).get("words"),
        topic_sentences=int((w.get("off_topic_article") or {}).get("sentences", 3)),
        condition_heads=frozenset(w.get("condition_heads", ())),
        consequent_markers=frozenset(w.get("consequent_markers", ())),
        conditional_threats=frozenset(w.get("conditional_threats", ())),
    )
