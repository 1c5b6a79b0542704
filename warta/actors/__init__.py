"""Actors: states, groups, people and IGOs with country, sector, role and a stable code.

Example:
    >>> from warta.model import Actor, Article, Document, Span
    >>> doc = Document(article=Article(id="x", text="Pasukan Rusia"))
    >>> doc.actors = [Actor(id="a1", name="Pasukan Rusia", kind="group", mentions=[Span(0, 13)])]
    >>> actor_at(doc, 8, 13).id
    'a1'
"""
from __future__ import annotations

from ..model import Actor, Document
from .lexicon import Lexicon, get_lexicon
from .resolve import find_actors

__all__ = ["Lexicon", "actor_at", "find_actors", "get_lexicon"]


def actor_at(doc: Document, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping ``[start, end)``; the longest such mention wins.

    For the events coder: look up the actor behind a subject or object span.
    """
    best: tuple[int, int, Actor] | None = None
    for actor in doc.actors:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                contains = int(m.start <= start and end <= m.end)
                cand = (contains, m.end - m.start, actor)
                if best is None or cand[:2] > best[:2]:
                    best = cand
    return best[2] if best else None
