"""Hand-built documents for the coding tests: actors, places and times found by their surface form."""
from __future__ import annotations

import re

from warta.coding.lexicon import TOKEN_RE
from warta.model import Actor, Article, Document, Place, Sentence, Span, Time
from warta.nlp.segment import split_sentences


def spans_of(text: str, surface: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text)]


def make_doc(text: str, *, language: str = "id", actors: dict | None = None, places: dict | None = None,
             times: dict | None = None, published=None) -> Document:
    """``actors``: id → (country, kind, [surface forms]); ``places``: id → [surfaces];
    ``times``: surface → (value, earliest, latest, granularity)."""
    doc = Document(article=Article(id="t", text=text, published=published), language=language)
    doc.sentences = [Sentence(s, e, language) for s, e in split_sentences(text)]
    for ident, (country, kind, surfaces) in (actors or {}).items():
        mentions = sorted(sp for s in surfaces for sp in spans_of(text, s))
        doc.actors.append(Actor(ident, surfaces[0], kind, country, mentions=mentions))
    for ident, surfaces in (places or {}).items():
        mentions = sorted(sp for s in surfaces for sp in spans_of(text, s))
        doc.places.append(Place(ident, surfaces[0], None, None, None, None, "city", mentions=mentions))
    for n, (surface, (value, earliest, latest, gran)) in enumerate((times or {}).items(), 1):
        for sp in spans_of(text, surface):
            doc.times.append(Time(f"t{len(doc.times) + 1}", surface, sp.start, sp.end, value, earliest, latest, gran))
    return doc
