"""Where an event happened: the place that a locative phrase of its sentence names.

A place mention is where something happened only when a locative (the language's ``place_preps``) introduces
it: right before it ("di dekat Donetsk", "in Gaza") or at the start of the noun phrase that holds it ("in the
city of Amed", "in eastern Riyadh", "at a Mexico City hotel", "near the capital, Islamabad", "di kawasan pusat
Pasar Trienggadeng"). A bare name next to a trigger is more often an actor ("serangan misil Ukraina"). Inside
one locative phrase the last place is the most specific ("in the West Bank city of Ramallah" → Ramallah);
among phrases the one nearest the trigger wins. Failing a locative, what an attack takes or strikes is where it
happened ("captured Baidoa", "shelled the positions around Irbil" has its locative already).

Example:
    >>> words = "killed in the city of amed on monday".split()
    >>> pos = ["VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN"]
    >>> locative_start(words, pos, 5, 0, frozenset({"in"}), frozenset({"city"}))
    1
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

#: how many words may stand between a locative and the place of its phrase ("in the Serb-controlled town of")
PHRASE_WORDS = 6
#: parts of speech a locative phrase may hold before its place (determiners, adjectives and their adverbs
#: "mostly-Kurdish", nouns, names, numbers, the possessive "'s")
PHRASE_POS = frozenset({"DET", "ADJ", "ADV", "NOUN", "PROPN", "NUM", "PART"})
#: words inside a locative phrase whatever their tag ("city of", "capital's", "Serb-controlled")
PHRASE_GLUE = frozenset({"of", "'", "’", "s", "-", "the", "a", "an"})
#: how many words may stand between an attack's verb and the place it strikes ("captured the towns of")
OBJECT_WORDS = 4
#: event types whose object may be the place itself ("captured Baidoa", "menyerang Kabul")
OBJECT_TYPES = frozenset({"ASSAULT"})


def locative_start(words: Sequence[str], pos: Sequence[str] | None, i: int, lo: int,
                   preps: frozenset[str], nouns: frozenset[str] = frozenset()) -> int | None:
    """Index of the locative that opens the phrase holding word ``i`` (in a sentence starting at ``lo``), or
    None. Common nouns inside the phrase must be place nouns (``nouns``: "town", "kawasan"). Without
    part-of-speech tags only a locative right before the place counts."""
    return _phrase_opener(words, pos, i, lo, nouns, lambda k: words[k] in preps)


def _phrase_opener(words: Sequence[str], pos: Sequence[str] | None, i: int, lo: int, nouns: frozenset[str],
                   opens: Callable[[int], bool]) -> int | None:
    """Walk back from the place at word ``i`` over its phrase to the word that ``opens`` it."""
    if i - 1 >= lo and opens(i - 1):
        return i - 1
    if not pos:
        return None
    for k in range(i - 1, max(lo, i - 1 - PHRASE_WORDS) - 1, -1):
        tag = pos[k] if k < len(pos) else ""
        if opens(k):
            return k
        if words[k] == "," and k == i - 1 and k - 1 >= lo and words[k - 1] in nouns:
            continue  # "near the capital, Islamabad"
        if tag == "NOUN" and words[k] not in nouns:
            return None  # "in support of Kibaki"
        if words[k] not in PHRASE_GLUE and tag not in PHRASE_POS:
            return None
    return None


def event_place(mentions: Sequence[tuple[int, int, str]], trigger: tuple[int, int], lo: int, hi: int,
                words: Sequence[str], pos: Sequence[str] | None, preps: frozenset[str], *,
                nouns: frozenset[str] = frozenset(), event_type: str | None = None,
                voice: str | None = None) -> str | None:
    """The place id of the locative phrase nearest to the ``trigger`` words ``(first, end)`` in the sentence
    ``[lo, hi)`` (ranking the more precise of two phrases first was tried and lost 9 of 1,578 dev sentences);
    else the place an active attack strikes right after its trigger.

    ``mentions``: (first word, end word, place id) of the document's place mentions, in text order."""
    ti, tj = trigger
    # locative index → (start, end, place id) of its phrase's last place
    last_in_phrase: dict[int, tuple[int, int, str]] = {}
    struck = None
    for i, j, ident in mentions:
        if i < lo or j > hi:
            continue
        k = locative_start(words, pos, i, lo, preps, nouns)
        if k is not None:
            prev = last_in_phrase.get(k)
            # a town inside a building's name ("Istana Bogor") is no later place; the longer of two at one start wins
            if prev is None or i >= prev[1] or (i == prev[0] and j > prev[1]):
                last_in_phrase[k] = (i, j, ident)
        elif struck is None and event_type in OBJECT_TYPES and voice == "active" and 0 <= i - tj <= OBJECT_WORDS \
                and _phrase_opener(words, pos, i, lo, nouns, lambda m: m == tj - 1) is not None:
            struck = ident  # "captured Baidoa", "captured the towns of Uvira"
    if not last_in_phrase:
        return struck
    return last_in_phrase[min(last_in_phrase, key=lambda k: abs(k - ti))][2]


def after_locative(words: Sequence[str], i: int, lo: int, preps: frozenset[str]) -> bool:
    """Whether the word before position ``i`` (inside a sentence starting at ``lo``) is a locative."""
    return locative_start(words, None, i, lo, preps) is not None
