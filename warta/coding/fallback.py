"""Learned events: one event of the learned type for a short text in which the rules found none, or none of its type.

The head of :mod:`warta.coding.learned` reads the first sentences that name an actor; the most confidently
typed one gets an event whose trigger is its first verb that may state the act (not "is", "has", "said",
"according"), with a low confidence and its own coder name, so an analyst can tell it from a rule event
(``RuleCoder(learned_fallback=…)``, docs/events.md). Where the rules did find events, the same event is added
when the head is sure (``LEARNED_OVERRIDE_MIN``) of a type none of them has; its confidence, a share of the
posterior (``LEARNED_OVERRIDE_CONFIDENCE``), then outranks only weak rule events. No event without a trigger:
a sentence without a verb gets none.

Example:
    >>> from warta.model import Article, Document
    >>> from warta.coding.resources import load_resources
    >>> from warta.coding.text import text_view
    >>> doc = Document(article=Article(id="a", text="No one here."), language="en")
    >>> fallback_events(doc, text_view(doc), load_resources("en"), coder="warta-learned/1.4")
    []
"""
from __future__ import annotations

from ..model import Document, Event, Evidence, Span
from .resources import CodingResources
from .text import TextView
from .where import event_place

#: the least posterior probability of the type the fallback emits
LEARNED_FALLBACK_MIN = 0.3
#: an event's confidence is this times the posterior (rule events start near 0.6)
LEARNED_FALLBACK_CONFIDENCE = 0.1
#: beside rule events, the least posterior of a learned type none of them has, and its event's confidence as a share
#: of the posterior: it tops the text only where 0.75 · P exceeds every rule event's confidence. Chosen at coder 1.39
#: on the mean of three development scores (5-fold CV inside GSR dev and CASE dev, and the check probes M/N), over
#: shares 0.7-1.0 and least posteriors 0.5-0.9 (docs/events.md "Coder 1.39")
LEARNED_OVERRIDE_MIN = 0.6
LEARNED_OVERRIDE_CONFIDENCE = 0.75
#: how many of an article's first sentences with an actor the fallback looks at
LEARNED_FALLBACK_SENTENCES = 3
#: the encoder reads at most this many characters of a sentence (its cost grows with the length)
LEARNED_MAX_CHARS = 400
#: verbs a learned event takes as its trigger only when the sentence has no other (nor be_aux, nor a cue)
AUXILIARIES = frozenset({"has", "have", "had", "having", "do", "does", "did"})


def fallback_events(doc: Document, view: TextView, res: CodingResources, *, coder: str,
                    min_probability: float = LEARNED_FALLBACK_MIN,
                    confidence: float = LEARNED_FALLBACK_CONFIDENCE) -> list[Event]:
    """One event of the learned type, on the first verb of the most confidently typed of a text's first sentences
    that name an actor (none below ``min_probability``; its confidence ``confidence`` × the posterior)."""
    from .learned import load_model

    model = load_model(res.language)
    if model is None or not view.pos:
        return []
    todo = []
    for s, (lo, hi) in enumerate(view.sent_ranges):
        sent = doc.sentences[s]
        if not any(view.actor_at_token[lo:hi]):
            continue
        verbs = [i for i in range(lo, hi) if view.pos[i] == "VERB"]
        verb = next((i for i in verbs if view.words[i] not in res.be_aux and view.words[i] not in AUXILIARIES
                     and not res.cues.match(view.words, i)), verbs[0] if verbs else None)
        if verb is not None:
            todo.append((sent, verb, lo, hi))
        if len(todo) >= LEARNED_FALLBACK_SENTENCES:
            break
    if not todo:
        return []
    text = doc.article.text
    probs = model.posteriors([text[sent.start:sent.end][:LEARNED_MAX_CHARS] for sent, *_ in todo])
    best = int(probs.max(axis=1).argmax())
    (sent, verb, lo, hi), p = todo[best], probs[best]
    k = int(p.argmax())
    if p[k] < min_probability:
        return []
    trigger = Span(view.starts[verb], view.ends[verb])
    place = event_place(view.place_mentions, (verb, verb + 1), lo, hi, view.words, view.pos, res.place_preps,
                        nouns=res.place_nouns)
    return [Event(id="", type=model.types[k], mode=None, place=place,
                  evidence=Evidence(Span(sent.start, sent.end), trigger),
                  coder=coder, confidence=round(confidence * float(p[k]), 4),
                  trigger_text=text[trigger.start:trigger.end])]
