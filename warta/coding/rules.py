"""The offline rule coder: triggers → PLOVER events with arguments, modality, casualties, place and time.

Steps per sentence: find triggers (multi-word phrases first, then single words by form), assign actors
and recipients by voice, read modality and casualty counts around the trigger, attach the sentence's
place and time (or the previous sentence's in the same paragraph), link the claim whose content holds
the trigger, then merge same-type triggers of one event ("tewas dalam serangan").

Example:
    >>> from warta.model import Actor, Article, Document, Sentence, Span
    >>> text = "Rusia menyerang Ukraina."
    >>> doc = Document(article=Article(id="a", text=text), language="id", sentences=[Sentence(0, len(text))])
    >>> doc.actors = [Actor("a1", "Rusia", "state", "RUS", mentions=[Span(0, 5)]),
    ...               Actor("a2", "Ukraina", "state", "UKR", mentions=[Span(16, 23)])]
    >>> ev = RuleCoder().code(doc)[0]
    >>> ev.type, ev.actors, ev.recipients, text[ev.evidence.trigger.start:ev.evidence.trigger.end]
    ('ASSAULT', ['a1'], ['a2'], 'menyerang')
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..model import Claim, Document, Event, Evidence, Span
from .announced import COOPERATIVE, announced_noun, by_crowd, recast
from .arguments import assign
from .clauses import denies_involvement, inside_name, mark_clause_scopes, planned, title_case
from .fallback import LEARNED_MAX_CHARS, LEARNED_OVERRIDE_CONFIDENCE, LEARNED_OVERRIDE_MIN, fallback_events
from .filters import STATE as STATE_KIND
from .filters import (NOUN_MARKERS, admit, armed_actor_ids, armed_sentence, carried_out, ended_noun, is_opinion,
                      modifier_noun, off_topic, participants_suffice, predicate_noun, title_case_tags,
                      untargeted_reading)
from .lexicon import Trigger, match_phrase
from .modality import FUTURE_WINDOW, Modality, modality, weaker
from .numbers import casualties
from .resources import CodingResources, load_resources
from .text import TextView, text_view
from .topic import public_sentence, sport_or_show
from .when import event_time
from .where import after_locative, event_place

CODER_NAME = "warta-rules"
CODER_VERSION = "1.40"
#: weight of the learned signal in an event's confidence (English; chosen by 5-fold CV inside the GSR and
#: CASE dev parts, see docs/events.md)
LEARNED_WEIGHT = 0.3
#: emit a learned-type event on a sentence with an actor when the article has no rule event (its first verb
#: as the trigger, a low confidence and the coder name ``warta-learned``). On since coder 1.4 (the
#: head trained on the GSR and CASE dev parts): 5-fold CV inside the dev parts, CASE 0.658 -> 0.724, GSR 0.877 -> 0.884.
LEARNED_FALLBACK = True
#: the fallback codes only short texts (a headline, an alert, a snippet): a long news article without a rule
#: event is an op-ed or a poll story, where it was wrong on 10 of 10 PolNeAR articles (seeds 23-89)
LEARNED_FALLBACK_MAX_SENTENCES = 3
#: the learned signal re-ranks a sentence only when its triggers offer at least this many types
MIN_TYPES_TO_RERANK = 2
#: at most this many sentences of an article are re-ranked (the first that hesitate)
RERANK_SENTENCES = 1
#: the coder name of the fallback's events, so an analyst can tell them from rule events
LEARNED_CODER_NAME = "warta-learned"
#: types whose future commitment PLOVER codes as AGREE, and those it codes as THREATEN
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST", "REJECT"})
#: actor kinds the name tagger may have guessed from capitals alone (in a title-case line: filters.title_case_tags)
GUESSED_KINDS = frozenset({"person", "organization"})
#: voices in which the actor is the one who acts, so an announced act is the actor's own commitment
COMMITTING_VOICES = frozenset({"active", "symmetric"})
#: what an allegation must be about to count as an accusation
ACCUSABLE = frozenset({"ASSAULT", "COERCE", "AID", "MOBILIZE", "THREATEN", "SANCTION"})
#: two same-type triggers this close in one sentence are one event
MERGE_DISTANCE = 8
#: a trigger right after a purpose marker ("untuk mendukung") is subordinate to the main verb
SUBORDINATE_FACTOR = 0.7
#: the place precision of seas, oceans and other regions (``warta.model.Place.precision``)
REGION = "region"
#: a trigger inside a subordinate or reported clause ("… said that …")
CLAUSE_FACTOR = 0.85
#: a later verb trigger in a sentence that already has one
LATER_VERB_FACTOR = 0.7
#: a verb trigger outranks a noun trigger of the same weight
VERB_BONUS = 0.1
#: confidence lost per token between the sentence start and the trigger (up to POSITION_CAP tokens)
POSITION_PENALTY = 0.006
POSITION_CAP = 25
HISTORICAL_GAP_DAYS = 365
#: an event dated more than this many days after publication is expected (a day's slack: news dated the evening
#: before, or a date stamp off by one, "Senin (17/9/2019)" in an article of 16 September)
FUTURE_GRACE_DAYS = 1
#: only a date this precise dates the event itself; a year ("Pilkada 2020") is usually the context's
DATED_GRANULARITIES = frozenset({"day", "week", "month"})
#: an event that names neither actor nor recipient must be at least this sure of its trigger
MIN_BARE_CONFIDENCE = 0.7
#: how far back a request verb governs a trigger
REQUEST_WINDOW = 8
#: the lexicon type of a phrase that only blocks the triggers inside it
BLOCK = "NONE"
#: types that are speech acts of someone: without a source actor they are usually not political events
NEEDS_SOURCE = frozenset({"SUPPORT", "AGREE", "REQUEST"})
#: types worth emitting without a resolved actor when the trigger is unambiguous ("unjuk rasa", "ditangkap")
UNATTRIBUTED_OK = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
STRONG_TRIGGER = 0.75
#: event types that happen somewhere physical, so a place may come from the sentence before
PHYSICAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"})
HISTORICAL_WINDOW = 10
#: English words after which a verb form is a noun ("the attack", "its bombing", "two attacks"): the
#: filters' list plus counting words
EN_NOUN_MARKERS = NOUN_MARKERS | {"general", "two", "three", "several"}
BE_PARTICIPLE_SUFFIXES = ("ed", "en", "wn", "ot", "ck", "ung")


@dataclass
class _Cand:
    trig: Trigger
    ti: int
    tj: int
    sent: int
    voice: str
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    mod: Modality = field(default_factory=Modality)
    fatalities: dict[str, int] | None = None
    injured: dict[str, int] | None = None
    confidence: float = 0.5
    claim: Claim | None = None
    alive: bool = True
    merged: bool = False
    alts: tuple[Trigger, ...] = ()  # other readings of the same word, of other types
    condition_after: bool = False  # a condition word ("if", "unless") follows the act in its sentence


class RuleCoder:
    """The lexicon-and-pattern coder; ``code(doc)`` returns events (ids v1, v2, …)."""

    name = f"{CODER_NAME}/{CODER_VERSION}"

    def __init__(self, *, learned_weight: float | None = None, learned_fallback: bool | None = None,
                 lexicon_layers: tuple[str, ...] | None = None) -> None:
        self.learned_weight = LEARNED_WEIGHT if learned_weight is None else learned_weight
        self.learned_fallback = LEARNED_FALLBACK if learned_fallback is None else learned_fallback
        self.lexicon_layers = lexicon_layers  # generated lexicon layers, e.g. ("en_cameo.yaml",); None: the file's

    def code(self, doc: Document) -> list[Event]:
        res = load_resources(doc.language or "id", layers=self.lexicon_layers)
        view = text_view(doc)
        cands: list[_Cand] = []
        trigger_at: dict[int, list[int]] = {}
        armed = armed_actor_ids(doc.actors, res)
        actor_by_id = {a.id: a for a in doc.actors}
        regions = {p.id for p in doc.places if p.precision == REGION}  # seas, oceans: no one to aim at
        unknown = frozenset(a.id for a in doc.actors if a.kind in GUESSED_KINDS and not a.sector)
        found_in = [self._triggers(view, lo, hi, s, res, armed, text=doc.article.text, unknown=unknown)
                    for s, (lo, hi) in enumerate(view.sent_ranges)]
        posteriors = self._posteriors(doc, view, found_in, res)
        headline = next((s for s, sent in enumerate(doc.sentences) if sent.is_headline), None)
        sectored = frozenset(a.id for a in doc.actors if a.sector and a.kind != STATE_KIND)  # a state may be a team
        show = sport_or_show(view.sent_ranges, view.words, res,
                             headline=headline if headline is not None and headline < len(view.sent_ranges) else None)
        for s, (lo, hi) in enumerate(view.sent_ranges):
            found = found_in[s]
            if s in posteriors:
                self._retype(found, posteriors[s])
            for c in found:
                self._fill(doc, view, c, lo, hi, res)
                c.trig = untargeted_reading(c.trig, view.words, lo, hi, res,
                                            aimed=bool(c.recipients or c.fatalities or c.injured),
                                            place_starts=[k for k, _e, pid in view.place_mentions
                                                          if c.tj <= k < hi and pid not in regions])
            mark_clause_scopes(found, view.words, lo, res)
            trigger_at[s] = [c.ti for c in found]  # every trigger claims its nearby dates, kept or not
            non_political = off_topic(view.words, lo, hi, res, actor_at_token=view.actor_at_token,
                                      armed=armed_sentence(view.actor_at_token[lo:hi], armed))
            if show and not public_sentence(view.words, lo, hi, view.actor_at_token, sectored, res):
                non_political = True  # a match report or a celebrity story: teams and stars, no public life
            kept = self._prune(self._merge(found), view.words, lo, hi, res, silent=non_political)
            kept = participants_suffice(kept, actor_by_id, view, lo, hi, res, needs_none=lambda c: (
                c.trig.type in UNATTRIBUTED_OK and c.trig.weight >= STRONG_TRIGGER))  # as the actor gate in _prune
            text = doc.article.text
            if kept and not (doc.sentences and doc.sentences[s].is_headline) and not title_case(text, view, lo, hi):
                kept = [c for c in kept if not inside_name(text, view, c.ti, lo)]
            cands.extend(kept)
        self._accusations(cands, view, res)
        events = self._events(doc, view, cands, res, trigger_at, posteriors)
        if self.learned_fallback and len(view.sent_ranges) <= LEARNED_FALLBACK_MAX_SENTENCES:
            coder = f"{LEARNED_CODER_NAME}/{CODER_VERSION}"
            if not events:
                events = fallback_events(doc, view, res, coder=coder)
            else:  # a confident learned type that no rule event has (English: load_model has no other head)
                have = {ev.type for ev in events}
                sure = fallback_events(doc, view, res, coder=coder, min_probability=LEARNED_OVERRIDE_MIN,
                                       confidence=LEARNED_OVERRIDE_CONFIDENCE)
                events += [ev for ev in sure if ev.type not in have]
            for n, ev in enumerate(events, 1):
                ev.id = f"v{n}"
        return events

    # ---- the learned signal
    def _posteriors(self, doc: Document, view: TextView, found_in: list[list[_Cand]],
                    res: CodingResources) -> dict[int, dict[str, float]]:
        """P(type | sentence) for the sentences with a trigger, in one batched encoder call ({} when off)."""
        if not self.learned_weight:
            return {}
        from .learned import load_model

        model = load_model(res.language)
        # only where the rules hesitate between types (elsewhere a re-ranking changes nothing) and only in the first
        # such sentence: the lead states the main event, and an encoder call costs ~5 ms plus ~0.1 ms per piece
        sents = [s for s, found in enumerate(found_in)
                 if len({t.type for c in found for t in (c.trig, *c.alts)}) >= MIN_TYPES_TO_RERANK][:RERANK_SENTENCES]
        if model is None or not sents:
            return {}
        text = doc.article.text
        spans = []
        for s in sents:
            lo, hi = view.sent_ranges[s]
            spans.append(text[view.starts[lo]:view.ends[hi - 1]][:LEARNED_MAX_CHARS])
        probs = model.posteriors(spans)
        return {s: dict(zip(model.types, map(float, p))) for s, p in zip(sents, probs)}

    def _retype(self, found: list[_Cand], post: dict[str, float]) -> None:
        """A word with readings of several types ("strike", "protest") takes the one the sentence favours."""
        w = self.learned_weight
        for c in found:
            if c.alts:
                best = max((c.trig, *c.alts), key=lambda t: t.weight + w * post.get(t.type, 0.0))
                c.trig = best  # the alternatives share the voice, so c.voice stands

    # ---- triggers
    def _triggers(self, view: TextView, lo: int, hi: int, s: int, res: CodingResources,
                  armed: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()), *,
                  text: str = "", unknown: frozenset[str] = frozenset()) -> list[_Cand]:
        words, lex = view.words, res.lexicon
        armed_here = armed_sentence(view.actor_at_token[lo:hi], armed)
        tags = view.pos
        if tags and res.pos_never and text and title_case(text, view, lo, hi):
            tags = title_case_tags(view, lo, hi, unknown)  # "Macedonia Ratifies Treaty": a capital names nothing
        out: list[_Cand] = []
        i = lo
        while i < hi:
            hit = match_phrase(words, i, hi, lex.multi.get(words[i], ()), res.gap_free)
            if not hit and words[i] in lex.patterns and view.may_be_verb(i) \
                    and not any(not t.fallback for t in lex.lookup(words[i])):
                # a generated verb + object pattern ("send * envoy"), where the hand-written lexicon is silent
                hit = next((h for shared in lex.patterns[words[i]] if (h := match_phrase(words, i, hi, shared, res.gap_free))),
                           None)
            if hit and hit[1].fallback and hit[1].voice == "active" and not view.may_be_verb(i):
                hit = None  # a generated verb phrase whose first word the tagger reads as a noun ("forces")
            if hit:
                j, trig = hit
                if trig.type != BLOCK:  # a blocking phrase ("meminta izin") hides the trigger inside it
                    trig = admit(trig, words, tags, i, j, lo, hi, res, armed=armed_here)
                    if trig is not None:
                        voice = trig.voice
                        if res.pos_never and voice == "active" and trig.type in NEEDS_SOURCE and i > lo \
                                and words[i - 1] in EN_NOUN_MARKERS:
                            voice = "nominal"  # "his promise to invest": a speech-act phrase used as a noun
                        if not (voice == "nominal" and ended_noun(words, i, lo, res)):
                            out.append(_Cand(trig, i, j, s, voice))
                i = j
                continue
            trigs = lex.lookup(words[i])
            trigs = [a for t in trigs if t.type != BLOCK and not (t.fallback and not view.may_be_verb(i))
                     and (a := admit(t, words, tags, i, i + 1, lo, hi, res, armed=armed_here)) is not None]
            if trigs:
                trig = max(trigs, key=lambda t: t.weight)
                alts = tuple(t for t in trigs if t.type != trig.type and t.voice == trig.voice)
                voice = self._voice(words, i, trig, res, lo)
                if res.pos_never and view.pos and view.pos[i] == "NOUN":
                    voice = "nominal"  # "a town hall-style meeting": the tagger reads the -ing form as a noun
                if voice == "nominal" and (predicate_noun(words, i, lo, res) or ended_noun(words, i, lo, res)
                                           or modifier_noun(words, i, hi, res)):
                    i += 1
                    continue  # "Sanders isn't a serious threat": a description, not an event
                out.append(_Cand(trig, i, i + 1, s, voice, alts=alts))
            i += 1
        return out

    @staticmethod
    def _voice(words, i: int, trig: Trigger, res: CodingResources, lo: int) -> str:
        if res.language == "en" and trig.voice == "active" and i > lo and words[i - 1] in EN_NOUN_MARKERS:
            return "nominal"  # "the bombing", "a strike", "for the attack": the verb form used as a noun
        if res.language == "en" and trig.voice == "active" and words[i].endswith(BE_PARTICIPLE_SUFFIXES):
            prev = words[max(lo, i - 2):i]
            if any(w in res.be_aux for w in prev):
                return "undergoer" if trig.casualty else "passive"
        return trig.voice

    # ---- one candidate
    def _fill(self, doc: Document, view: TextView, c: _Cand, lo: int, hi: int, res: CodingResources) -> None:
        words, at = view.words, view.actor_at_token
        c.actors, c.recipients, where = assign(words, at, c.ti, c.tj, c.voice, lo, hi, resources=res,
                                               possessor=c.trig.possessor)
        c.claim = self._claim_for(doc, view.starts[c.ti])
        if where is not None and words[where] in res.pronouns and c.claim and c.claim.speaker and not (
                c.claim.kind == "direct" and res.first_person and words[where] not in res.first_person):
            # "Korea Utara menolak tuduhan bahwa mereka menyuplai …": the pronoun is the claimant
            if c.voice in ("active", "symmetric", "nominal") and not c.actors:
                c.actors = [c.claim.speaker]
            elif not c.recipients:
                c.recipients = [c.claim.speaker]
        c.mod = modality(words, c.ti, lo, hi, res)
        c.condition_after = any(words[k] in res.conditions for k in range(c.tj, hi))
        if res.crowd_nouns and c.trig.type == "ASSAULT" and c.voice == "active" and not c.trig.casualty \
                and by_crowd(words, c.ti, lo, res):
            c.trig = replace(c.trig, type="PROTEST", mode="riot", context=())  # "rioters torched cars": a riot
        if c.mod.status == "expected" and res.future_stops_at_clause and c.voice == "nominal" and any(
                words[k] in res.clause_breaks for k in range(max(lo, c.ti - FUTURE_WINDOW), c.ti)):
            c.mod = replace(c.mod, status="occurred", intent=False)  # "bakal naik karena serangan ini"
        if c.mod.status == "occurred" and c.voice == "nominal" and planned(words, c.ti, lo, res):
            c.mod = replace(c.mod, status="expected")  # "merencanakan serangan bom": an attack planned, not made
        if c.mod.status == "occurred" and c.trig.type != "REQUEST" and self._requested(words, c.ti, lo, res):
            c.mod = replace(c.mod, status="hypothetical", intent=False)
        elif c.mod.status == "occurred" and any(words[k] in res.purpose_markers and not (
                k > lo and words[k - 1] in res.not_purpose) and not (
                res.purpose_needs_verb and c.voice == "nominal" and k == c.ti - 1)
                for k in range(max(lo, c.ti - 2), c.ti)):
            c.mod = replace(c.mod, status="hypothetical", intent=False)  # "untuk melakukan serangan": a purpose
        if c.trig.casualty:
            side = "left" if c.voice in ("undergoer", "passive") else "right"
            count = casualties(words, c.ti, res, side=side, lo=lo, hi=hi)
            if c.trig.casualty == "killed":
                c.fatalities = count
            else:
                c.injured = count
        conf = c.trig.weight
        if c.actors:
            conf += 0.08
        if c.recipients:
            conf += 0.04
        if c.voice != "nominal":
            conf += VERB_BONUS  # a verb states the event; a noun often only names a circumstance
        if c.ti > lo and words[c.ti - 1] in res.purpose_markers:
            conf *= SUBORDINATE_FACTOR
        if res.participles_subordinate and c.voice == "active" and words[c.ti].endswith("ing") \
                and c.ti > lo and words[c.ti - 1] not in res.be_aux:
            conf *= SUBORDINATE_FACTOR  # "Protesters demanding his resignation stormed …", "rioters calling for": a
            # participle (or a phrase it opens) qualifies someone
        if any(words[k] in res.clause_breaks for k in range(lo, c.ti)) or self._after_quote_cue(words, c.ti, lo, res):
            conf *= CLAUSE_FACTOR  # inside a subordinate clause: rarely the sentence's main event
        # an earlier trigger in the sentence is more often the main event (CAMEO/PLOVER sentence style)
        conf -= POSITION_PENALTY * min(POSITION_CAP, c.ti - lo)
        c.confidence = max(0.05, min(0.99, conf))

    @staticmethod
    def _requested(words, ti: int, lo: int, res: CodingResources) -> bool:
        """True when a request verb governs the trigger ("meminta polisi … menangkap pelaku")."""
        for k in range(max(lo, ti - REQUEST_WINDOW), ti):
            for t in res.lexicon.lookup(words[k]):
                if t.type == "REQUEST" and t.voice != "nominal":
                    return True
        return False

    @staticmethod
    def _after_quote_cue(words, ti: int, lo: int, res: CodingResources) -> bool:
        """True when a reporting cue precedes the trigger ("… said they attempted …")."""
        return any(res.cues.match(words, k) for k in range(lo, ti))

    @staticmethod
    def _claim_for(doc: Document, char: int) -> Claim | None:
        best = None
        for cl in doc.claims:
            if cl.start <= char < cl.end and (best is None or cl.end - cl.start < best.end - best.start):
                best = cl
        return best

    @staticmethod
    def _merge(found: list[_Cand]) -> list[_Cand]:
        """Merge same-type candidates of one sentence that are close: one event, several words."""
        kept: list[_Cand] = []
        for c in found:
            other = next((k for k in kept if k.trig.type == c.trig.type and abs(k.ti - c.ti) <= MERGE_DISTANCE
                          and k.claim is c.claim and k.mod.polarity == c.mod.polarity
                          and k.mod.conditional == c.mod.conditional), None)  # "would use force unless … expelled"
            if other is None:
                kept.append(c)
                continue
            main, sub = (other, c) if other.trig.weight >= c.trig.weight else (c, other)
            main.merged = True
            main.actors = list(dict.fromkeys(main.actors + [a for a in sub.actors if a not in main.recipients]))
            main.recipients = list(dict.fromkeys(main.recipients + [r for r in sub.recipients if r not in main.actors]))
            main.fatalities = main.fatalities or sub.fatalities
            main.injured = main.injured or sub.injured
            main.mod = replace(main.mod, certainty=weaker(main.mod.certainty, sub.mod.certainty))
            main.confidence = min(0.99, max(main.confidence, sub.confidence) + 0.05)
            if main is c:
                kept[kept.index(other)] = c
        return kept

    @staticmethod
    def _prune(found: list[_Cand], words, lo: int, hi: int, res: CodingResources, *, silent: bool) -> list[_Cand]:
        """Drop purpose clauses of an earlier trigger ("mengirim pasukan untuk mendukung …") and
        weak triggers that name no participant ("dalam pertemuan"). ``silent``: the sentence is off topic
        (``filters.off_topic``)."""
        if silent:
            return []  # sport, entertainment, markets: PLOVER codes political events only
        accident = any(True for _ in res.non_violent_death.finditer(words, lo, hi))
        drill = any(True for _ in res.simulation.finditer(words, lo, hi))
        opinion = is_opinion(words, lo, hi, res)
        kept = []
        for n, c in enumerate(found):
            if accident and c.trig.type == "ASSAULT" and c.trig.casualty:
                continue  # "kecelakaan yang menewaskan dua orang": deaths, but no assault
            if drill and c.trig.type == "ASSAULT":
                continue  # "latihan gabungan … pengeboman": a drill, not an attack
            if res.commitment_yields and c.trig.type == "AGREE" and words[c.tj - 1] in res.purpose_markers \
                    and any(k.ti == c.tj and k.trig.type in HOSTILE for k in found):
                continue  # "promised to veto": the act committed to carries the commitment (AGREE / THREATEN)
            if c.trig.needs_recipient and not c.recipients:
                continue  # "defend the image": support needs someone supported
            if res.drop_negated and c.mod.polarity == "negative" and c.trig.type not in res.keep_negated \
                    and not recast(c, res):
                continue  # "I didn't meet him", "did not support Trump": no event took place
            if res.drop_hypothetical and c.mod.status == "hypothetical" and not recast(c, res):
                continue  # wishes, purposes, conditions: no event took place and none was promised
            if c.trig.needs_actor and not c.actors:
                continue  # a weak trigger ("must", "pledge") is an event only when someone does it
            if opinion and c.trig.type in res.opinion_types:
                continue  # "Americans oppose cutting funds, a poll finds": a stance, not an act
            if res.require_actor and c.voice == "undergoer" and not c.actors and not c.merged:
                continue  # "tewas" alone may be an accident or illness: only with an attack or a perpetrator
            if res.require_actor and c.voice == "nominal" and c.trig.type == "ASSAULT" and not c.trig.mode \
                    and not c.actors and not c.recipients and not c.fatalities:
                continue  # a bare "serangan" with no one and no weapon is often a metaphor ("serangan legislasi")
            if res.require_actor and c.voice == "nominal" and c.trig.type == "COERCE" and not c.actors \
                    and not c.recipients and not carried_out(words, c.ti, c.tj, lo, hi, res):
                continue  # "surat perintah penahanan", "izin penyitaan", "kegiatan penangkapan": a power or a topic
            if res.require_actor and c.voice == "nominal" and c.trig.type == "CONSULT" and not c.recipients \
                    and len(c.actors) < 2:
                continue  # a meeting noun needs someone to meet ("menutup pembicaraan" is no consultation)
            if res.require_actor and not c.actors and c.trig.type in NEEDS_SOURCE:
                continue  # "dalam mendukung berkembangnya SDM": supporting, agreeing, asking need someone doing it
            if res.require_actor and not c.actors and not c.recipients and not (c.trig.type in UNATTRIBUTED_OK
                                                          and c.trig.weight >= STRONG_TRIGGER):
                continue  # no political actor in sight: not a PLOVER event we can stand behind
            if c.voice == "nominal" and any(k.voice != "nominal" and k.ti < c.ti for k in found[:n]):
                c.confidence *= SUBORDINATE_FACTOR  # a noun after the main verb is its argument or circumstance
            elif any(k.voice != "nominal" and k.ti < c.ti for k in found[:n]):
                c.confidence *= LATER_VERB_FACTOR  # the sentence's first verb trigger is usually its main event
            if c.ti > lo and words[c.ti - 1] in res.purpose_markers and any(
                    0 < c.ti - k.ti <= MERGE_DISTANCE for k in found[:n]):
                continue
            if c.voice == "nominal" and not c.actors and not c.recipients and (
                    (res.nominal_needs_participant and c.trig.type not in UNATTRIBUTED_OK and not c.merged)
                    or (not res.nominal_needs_participant and c.trig.weight < MIN_BARE_CONFIDENCE)):
                continue  # "real threats", "the investigation": a topic, not an event someone made
            kept.append(c)
        return kept

    @staticmethod
    def _accusations(cands: list[_Cand], view: TextView, res: CodingResources) -> None:
        """An allegation verb ("mengklaim", "claimed") is ACCUSE only over another actor's hostile act."""
        for c in cands:
            if not c.trig.accuse_if_hostile:
                continue
            inner = [k for k in cands if k.sent == c.sent and k.ti > c.ti and k.trig.type in ACCUSABLE
                     and k.actors and not set(k.actors) & set(c.actors)]
            if inner:
                c.recipients = list(dict.fromkeys(a for k in inner for a in k.actors))
            else:
                c.alive = False

    # ---- events
    def _events(self, doc: Document, view: TextView, cands: list[_Cand], res: CodingResources,
                trigger_at: dict[int, list[int]], posteriors: dict[int, dict[str, float]]) -> list[Event]:
        text = doc.article.text
        events: list[Event] = []
        published = doc.article.published
        times = {t.id: t for t in doc.times}
        denied: set[str] = set()
        sent_of: dict[int, int] = {}
        judged_as: dict[int, str] = {}
        broad = {p.id for p in doc.places if p.precision in ("country", REGION)}
        for c in sorted((c for c in cands if c.alive), key=lambda c: c.ti):
            lo, hi = view.sent_ranges[c.sent]
            sent = doc.sentences[c.sent] if doc.sentences else None
            sent_span = Span(sent.start, sent.end) if sent else Span(view.starts[lo], view.ends[hi - 1])
            trigger = Span(view.starts[c.ti], view.ends[c.tj - 1])
            if not (sent_span.start <= trigger.start and trigger.end <= sent_span.end):
                continue  # never emit an event whose trigger is outside its sentence
            place = event_place(view.place_mentions, (c.ti, c.tj), lo, hi, view.words, view.pos, res.place_preps,
                                nouns=res.place_nouns, event_type=c.trig.type, voice=c.voice)
            if place is None and c.trig.type in PHYSICAL:
                prev = self._previous_in_paragraph(doc, view, c.sent)
                if prev is not None:
                    # where that sentence says something happened ("di dekat Donetsk"), or a town or building
                    # it names; not a country ("AS membunuh …") or a capital standing for its government
                    # ("hubungan antara Pyongyang dan Moskow")
                    plo, phi = view.sent_ranges[prev]
                    place = next((p for i, j, p in view.place_mentions if i >= plo and j <= phi and (
                        after_locative(view.words, i, plo, res.place_preps)
                        or (p not in broad and view.actor_at_token[i] is None))), None)
            mod = c.mod
            time_id = event_time(view, c.ti, trigger_at.get(c.sent, [c.ti]), lo, hi, times, published, mod.status)
            historical = mod.historical and self._historical_near(view.words, c, lo, hi, res)
            t = times.get(time_id) if time_id else None
            status = mod.status
            if t and published and t.latest:
                try:
                    historical = historical or (published - date.fromisoformat(t.latest)).days > HISTORICAL_GAP_DAYS
                    if status == "occurred" and t.earliest and t.granularity in DATED_GRANULARITIES \
                            and date.fromisoformat(t.earliest) > published + timedelta(days=FUTURE_GRACE_DAYS) \
                            and not any(view.words[k] in res.past for k in range(max(lo, c.ti - 3), c.ti)):
                        status = "expected"  # dated after publication: it cannot have happened yet
                except ValueError:
                    pass
            certainty, polarity = mod.certainty, mod.polarity
            claim_id = None
            if c.claim is not None:
                claim_id = c.claim.id
                certainty = weaker(certainty, c.claim.certainty)
                if c.claim.polarity == "deny" and c.claim.id not in denied:
                    denied.add(c.claim.id)
                    # a denial negates its content's main event only, and not an attack whose doer is what is
                    # denied ("membantah terlibat dalam serangan …": the attack happened)
                    if not denies_involvement(view, c.claim, c.ti, res):
                        polarity = "negative"
            context = list(dict.fromkeys(list(c.trig.context) + self._contexts(view.words, lo, hi, res)))
            announced_as = recast(c, res)
            if announced_as:
                # "warned it would cut off aid if …", "would not halt its offensive": the threat or the refusal
                # is made, the act is not
                status, polarity = "occurred", "positive"
            if announced_as and not c.actors and c.claim is not None and c.claim.speaker:
                c.actors = [c.claim.speaker]  # "funds would be frozen if …", the EU warned: the warner threatens
            base = Event(
                id="", type=announced_as or c.trig.type, mode=None if announced_as else c.trig.mode,
                evidence=Evidence(sent_span, trigger), coder=self.name,
                context=context, actors=list(c.actors), recipients=list(c.recipients), place=place, time=time_id,
                fatalities=c.fatalities, injured=c.injured, polarity=polarity, certainty=certainty,
                status=status, historical=historical, claim=claim_id, confidence=round(c.confidence, 4),
                trigger_text=text[trigger.start:trigger.end],
            )
            events.append(base)
            sent_of[id(base)] = c.sent
            if mod.intent and not announced_as and polarity == "positive" and certainty == "certain" \
                    and (c.voice in COMMITTING_VOICES or announced_noun(view.words, c, lo, res)) \
                    and (c.actors or not res.require_actor) and c.trig.type not in ("AGREE", "THREATEN"):
                # PLOVER codes an actor's own commitment to act as AGREE / THREATEN ("will visit"); not what is
                # done to someone ("would be released") nor what an observer guesses ("appears set to veto")
                kind = "AGREE" if c.trig.type in COOPERATIVE else "THREATEN" if c.trig.type in HOSTILE else None
                kind = None if c.trig.type in res.no_commitment else kind
                own = next((e for e in events[:-1] if sent_of.get(id(e)) == c.sent and e.type == kind
                            and e.actors == base.actors), None) if kind else None
                if own is not None and own.status == "occurred":
                    kind = None  # "berjanji akan mengunjungi": the promise is coded already, from its own word
                elif own is not None:
                    events.remove(own)  # "berencana berjanji akan …": the promise made, not a planned one
                if kind:
                    events.append(replace(base, type=kind, mode=None, status="occurred",
                                          confidence=round(min(0.99, c.confidence + 0.05), 4), context=list(context)))
                    sent_of[id(events[-1])] = c.sent
                    judged_as[id(events[-1])] = c.trig.type  # the sentence is judged as the act committed to
        self._reweigh(events, posteriors, sent_of, judged_as)
        for n, ev in enumerate(events, 1):
            ev.id = f"v{n}"
        return events

    def _reweigh(self, events: list[Event], posteriors: dict[int, dict[str, float]],
                 sent_of: dict[int, int], judged_as: dict[int, str]) -> None:
        """Blend in the learned signal: it re-ranks, it never adds or removes an event.

        confidence ← (1 − w) · confidence + w · P(type | sentence) (``learned.py``; sentences of a language
        without a head have no posterior and keep their confidence). A commitment event (AGREE/THREATEN
        derived from "will visit") takes the probability of the act committed to, so the rule that codes
        commitments keeps deciding between the two.
        """
        w = self.learned_weight
        for ev in events:
            post = posteriors.get(sent_of.get(id(ev), -1))
            if post is not None:
                p = post.get(judged_as.get(id(ev), ev.type), 0.0)
                ev.confidence = round((1 - w) * ev.confidence + w * p, 4)

    @staticmethod
    def _previous_in_paragraph(doc: Document, view: TextView, s: int) -> int | None:
        if s == 0 or not doc.sentences:
            return None
        between = doc.article.text[doc.sentences[s - 1].end:doc.sentences[s].start]
        if "\n" in between or doc.sentences[s - 1].is_headline:
            return None
        return s - 1

    @staticmethod
    def _historical_near(words, c: _Cand, lo: int, hi: int, res: CodingResources) -> bool:
        return any(True for _ in res.historical.finditer(words, max(lo, c.ti - HISTORICAL_WINDOW), min(hi, c.tj + HISTORICAL_WINDOW)))

    @staticmethod
    def _contexts(words, lo: int, hi: int, res: CodingResources) -> list[str]:
        return [str(res.contexts.values[p]) for _, p in res.contexts.finditer(words, lo, hi)]
