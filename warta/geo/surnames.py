"""People's names that are also towns: one sense per discourse.

A model marks "Jose Bautista" as a person, yet the next "Bautista" alone is a Philippine town to the gazetteer. A
one-word town name that the article also writes as the last word of a multi-word PERSON span is that person
everywhere in the article — unless the article also puts the name after a strong place cue ("in Madinaty", "the
suburb of Madinaty"), the town is large, or it lies in the country of the article's language (an Indonesian
model's PERSON span often holds an office and its town: "Bupati Blitar").

Example:
    >>> from warta.model import Entity
    >>> sorted(person_surnames("Jose Bautista hit.", [Entity("e1", 0, 13, "Jose Bautista", "PERSON")]))
    ['bautista']
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entity
from .gazetteer import Gazetteer
from .normalize import name_key

#: words right before a name that make it a place whatever else the article does with the name
STRONG_PLACE_CUES = frozenset("in near outside dekat".split())
#: "<noun> of" right before a name makes it a place ("the suburb of Madinaty")
PLACE_NOUNS = frozenset("village town city suburb district region province county area neighbourhood neighborhood "
                        "island".split())
#: a one-word town smaller than this whose name is also a person's surname in the article is the person
SURNAME_TOWN_POPULATION = 500_000


def person_surnames(text: str, entities: Sequence[Entity]) -> frozenset[str]:
    """Name keys of the last words of the article's multi-word PERSON spans ("Jose Bautista" → bautista),
    less those the article also puts after a strong place cue ("the suburb of Madinaty", "in Madinaty":
    the model's "Beyond Madinaty" is no person)."""
    out = set()
    for ent in entities:
        words = ent.text.split()
        if ent.label == "PERSON" and len(words) > 1 and all(w[:1].isupper() for w in words):
            out.add(words[-1])
    return frozenset(name_key(w) for w in out if not _strongly_placed(text, w))


def _strongly_placed(text: str, name: str) -> bool:
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        before = text[max(0, m.start() - 30):m.start()].lower().split()
        if before and before[-1] in STRONG_PLACE_CUES:
            return True
        if len(before) > 1 and before[-1] == "of" and before[-2] in PLACE_NOUNS:
            return True
    return False


def surname_only(surface: str, candidates: Sequence[int], surnames: frozenset[str], gaz: Gazetteer, *,
                 home: str | None, hinted: bool = False) -> bool:
    """Whether a toponym ``surface`` (with gazetteer ``candidates``) is a person of ``surnames`` instead: a one-word
    name, no "Town, State" hint, only towns smaller than ``SURNAME_TOWN_POPULATION`` outside ``home``."""
    if " " in surface or name_key(surface) not in surnames or hinted:
        return False
    cands = [gaz.entries[c] for c in candidates]
    return all(e.kind == "city" and e.population < SURNAME_TOWN_POPULATION and e.country != home for e in cands)
