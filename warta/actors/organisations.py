"""Organisation actors from the model's ORG entities: "Polda Metro Jaya menahan …", "the St. Paul City Council".

An ORG entity becomes an ``organization`` actor when a head word of ``organisations.yaml`` gives its sector
(Indonesian: the name's first word, "Partai Demokrat"; English: any word of it, the most specific sector
winning, "Los Angeles Police Department" → COP). Its country is the head's own (``polda`` exists only in
Indonesia) or that of a place inside the name ("Pemkab Kudus" → Kudus → IDN); otherwise it has none. A
bracketed acronym right after the name ("Lembaga Sensor Film (LSF)") and the acronym's later mentions join
the same actor. Entities another actor already covers (a named body, a person, a state) are left alone,
and so are organisations without a head word (companies, clubs, bands): their acts are rarely events.

Example:
    >>> from warta.model import Article, Document, Entity
    >>> text = "Polda Metro Jaya menahan tiga tersangka."
    >>> doc = Document(article=Article(id="x", text=text), language="id")
    >>> doc.entities = [Entity(id="e1", start=0, end=16, text="Polda Metro Jaya", label="ORG")]
    >>> from warta.actors import find_actors
    >>> [(a.name, a.kind, a.sector, a.country, a.code) for a in find_actors(doc)]
    [('Polda Metro Jaya', 'organization', 'COP', 'IDN', 'IDN.COP')]
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..geo.normalize import name_key
from ..model import Document, Span

if TYPE_CHECKING:  # pragma: no cover
    from .resolve import _Reader

#: when an English name holds several head words, the more specific sector wins ("Police Department")
SECTOR_RANK = ("COP", "MIL", "JUD", "LEG", "PTY", "GOV")
#: at most this many words make the name of a body the model left unmarked ("Polres Metro Jakarta Pusat")
MAX_BODY_WORDS = 5
#: what may stand between an English owner state and its organisation
OWNER_GAPS = frozenset({" ", "'s ", "’s "})
#: "(LSF)" right after a name: two to nine letters, capitals but for one inner lower-case letter ("KemenPAN")
ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Za-z]?[A-Z]{1,7})\)")


def head_sector(reader: _Reader, i: int, j: int) -> tuple[str, str | None] | None:
    """(sector, country or None) that the head words of words ``i..j`` give, or None."""
    matcher = reader.lex.org_heads["en" if reader.lang == "en" else "id"]
    if reader.lang != "en":
        hit = matcher.match(reader.text, reader.words, i, reader.keys)
        return hit[1] if hit and i + hit[0] <= j else None
    found = []
    for k in range(i, j):
        hit = matcher.match(reader.text, reader.words, k, reader.keys)
        if hit and k + hit[0] <= j:
            found.append(hit[1])
    return min(found, key=lambda h: SECTOR_RANK.index(h[0])) if found else None


def place_country(doc: Document, start: int, end: int) -> str | None:
    """The country of the first place mention inside ``[start, end)``."""
    best: tuple[int, str] | None = None
    for place in doc.places:
        for m in place.mentions:
            if start <= m.start and m.end <= end and place.country and (best is None or m.start < best[0]):
                best = (m.start, place.country)
    return best[1] if best else None


def _covered(reader: _Reader, start: int, end: int) -> bool:
    """Does an actor mention already overlap ``[start, end)``?"""
    return any(a < end and start < b for a, b in reader.covered)


def _draft_key(name: str) -> str:
    """One organisation per name in an article: "Polda Metro Jaya" → "ORG:polda-metro-jaya"."""
    return "ORG:" + re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")


def _initials_fit(acronym: str, name: str) -> bool:
    """Do the acronym's capitals start the name's capitalised words, in order ("LSF" ~ "Lembaga Sensor Film")?"""
    caps = [w[0] for w in name.split() if w[:1].isupper()]
    letters = [c for c in acronym if c.isupper()]
    return bool(caps) and len(letters) >= 2 and letters[0] == caps[0]


def named_by_acronym(reader: _Reader, i: int, j: int) -> tuple[int, int] | None:
    """Words ``(a, b)`` of a longer capitalised name around words ``i..j`` that a bracketed acronym with its
    first letter follows: "Masyarakat Anti Korupsi Indonesia (MAKI)", "Paris Saint-Germain (PSG)" name an
    organisation, not the country or the town inside them."""
    def joined(k: int) -> bool:  # words k-1 and k are one name
        return reader.text[reader.words[k - 1][1]:reader.words[k][0]] == " " and reader.word(k)[:1].isupper() \
            and reader.word(k - 1)[:1].isupper()
    a, b = i, j
    while a > 0 and joined(a):
        a -= 1
    while b < len(reader.words) and joined(b):
        b += 1
    if (a, b) == (i, j):
        return None
    m = ACRONYM.match(reader.text, reader.words[b - 1][1])
    return (a, b) if m and m.group(1)[0] == reader.word(a)[0] else None


def names_a_law(reader: _Reader, i: int) -> bool:
    """Is the body named at word ``i`` part of a law's name ("revisi UU KPK")?"""
    return i > 0 and reader.keys[i - 1] in reader.lex.law_titles


def owner(reader: _Reader, i: int, j: int, states: dict[tuple[int, int], str]) -> tuple[str, int, int] | None:
    """(country, start, end) of a state named right around words ``i..j`` as the organisation's owner:
    before it in English ("Ivory Coast's Supreme Court", "the Israeli Cabinet"), after it in Indonesian
    ("Mahkamah Agung AS"). ``states``: (first word, end word) → alpha-3 of the state and demonym items."""
    for (a, b), alpha3 in states.items():
        if reader.lang == "en" and b == i and reader.text[reader.words[b - 1][1]:reader.words[i][0]] in OWNER_GAPS:
            return alpha3, reader.words[a][0], reader.words[j - 1][1]
        if reader.lang != "en" and a == j and reader.text[reader.words[j - 1][1]:reader.words[a][0]] == " ":
            return alpha3, reader.words[i][0], reader.words[b - 1][1]
    return None


def add_organisations(reader: _Reader, states: dict[tuple[int, int], str]) -> None:
    """Add an ``organization`` actor for each model ORG entity with a head word (see the module doc);
    ``states`` as in :func:`owner`."""
    acronyms: dict[str, str] = {}  # acronym → draft key
    for i, j in reader.org_spans:
        start, end = reader.words[i][0], reader.words[j - 1][1]
        if _covered(reader, start, end) or names_a_law(reader, i):
            continue
        head = head_sector(reader, i, j)
        if head is None:
            continue
        sector, country = head
        owned = owner(reader, i, j, states)
        if owned is not None:  # the mention spans the owner too, so it wins over the state's own mention
            country, start, end = owned[0], owned[1], owned[2]
        country = country or place_country(reader.doc, start, end)
        name = reader.text[reader.words[i][0]:reader.words[j - 1][1]]
        key = _draft_key(name)
        reader.add(key, (start, end), name=name, kind="organization", country=country, sector=sector,
                   code=f"{country}.{sector}" if country else sector)
        m = ACRONYM.match(reader.text, reader.words[j - 1][1])
        if m and _initials_fit(m.group(1), name) and m.group(1) not in acronyms:
            acronyms[m.group(1)] = key
    _add_unmarked_bodies(reader)
    if not acronyms:
        return
    for k, (s, e) in enumerate(reader.words):
        key = acronyms.get(reader.text[s:e])
        if key is not None and not names_a_law(reader, k) and not _covered(reader, s, e):
            reader.drafts[key].mentions.append(Span(s, e))
            reader.covered.append((s, e))


def _add_unmarked_bodies(reader: _Reader) -> None:
    """A head word of one country that the model left unmarked, with the capitalised words after it ("Polres
    Metro Jakarta Pusat menangkap …", "jajaran Polda"): such a word names a body of that country by itself; a
    head of any country ("Pemerintah", "Pengadilan") does so with a place among those words."""
    if reader.lang == "en":
        return
    matcher = reader.lex.org_heads["id"]
    k = 0
    while k < len(reader.words):
        s, e = reader.words[k]
        hit = matcher.match(reader.text, reader.words, k, reader.keys) if reader.word(k)[:1].isupper() else None
        if hit is None or names_a_law(reader, k) or _covered(reader, s, e):
            k += 1
            continue
        j = k + hit[0]
        while j < len(reader.words) and j - k < MAX_BODY_WORDS and reader.word(j)[:1].isupper() and \
                reader.text[reader.words[j - 1][1]:reader.words[j][0]] == " " and \
                not _covered(reader, *reader.words[j]):
            j += 1
        (sector, country) = hit[1]
        if country is None:
            # a head of any country names a body only with a place of its own: "Pemerintah Kota Bekasi",
            # "Pengadilan Negeri Sleman" (the place's country); "Badan Intelijen" alone is no actor
            country = next((reader.place_country[w] for w in range(k + hit[0], j) if reader.place_country.get(w)), None)
            if country is None:
                k += 1
                continue
        start, end = s, reader.words[j - 1][1]
        name = reader.text[start:end]
        reader.add(_draft_key(name), (start, end), name=name, kind="organization", country=country, sector=sector,
                   code=f"{country}.{sector}")
        k = j
