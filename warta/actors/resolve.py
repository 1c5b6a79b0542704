"""Actors of one article: states, groups (sector + country), people with roles, IGOs.

The text is read once as a sequence of *items* (longest match wins at each word):
country mentions (from the places stage), demonyms, capitals/government metonyms, IGO
names, titles, sector nouns and known people (the leaders table). Items are then
composed by a few patterns, in this order:

1. person with title: ``TITLE [COUNTRY] Name`` ("pemimpin Korea Utara Kim Jong Un"),
   ``COUNTRY TITLE Name`` ("North Korean leader Kim Jong Un"); without a name the phrase is
   an *office* ("menteri pertahanan Seoul") that joins the person the leaders table says held
   that office on the publication date, when that person is named in the article;
2. group: ``SECTOR [word] COUNTRY`` ("pasukan Ukraina", "perwira Korea Utara") or
   ``COUNTRY [word] SECTOR`` ("Russian troops"): kind group, code ``"RUS.MIL"``;
3. a sector noun marked standalone ("Analis") is a group without a country;
4. country names and demonyms left over are state mentions (one inside a model ORG entity, "Bank
   Indonesia", names an organization of that country instead); so is a capital or metonym as subject,
   object, possessor or one of a pair ("Seoul mengharapkan", "mengunjungi Moskow", "antara Pyongyang
   dan Moskow") unless a locative word comes right before it ("di Seoul" stays a place only), it is a
   dateline ("JAKARTA, KOMPAS.com —") or it starts a district's name ("Jakarta Timur"); IGO names are
   IGOs; named
   armed groups and movements (``groups.yaml``: Hamas, Taliban, OPM ...) are groups with their country;
   named state bodies and parties (``organisations.yaml``: KPK, TNI, FBI ...) are organisations, and so is
   a model ORG entity whose head word gives a sector ("Polda Metro Jaya"; ``organisations.py``);
5. people: model PERSON entities and names of the leaders table; a later lone surname or given
   name ("Kim") joins the nearest earlier person whose name contains it, never a new person.

Country names inside a group or title phrase describe that actor and are not separate states.

Example:
    >>> from warta.model import Article, Document
    >>> doc = Document(article=Article(id="x", text="Pasukan Rusia menyerang."), language="id")
    >>> [(a.name, a.kind, a.code) for a in find_actors(doc)]
    [('Pasukan Rusia', 'group', 'RUS.MIL')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..geo.detect import ADMIN_PREFIXES
from ..geo.normalize import name_key, word_spans
from ..model import Actor, Document, Span
from .lexicon import Lexicon, get_lexicon
from .organisations import add_organisations, head_sector, named_by_acronym, names_a_law

#: plain words allowed between a sector noun and its country ("pasukan reguler Rusia")
MAX_GAP_WORDS = 1
#: words that end a phrase: prepositions and conjunctions never sit inside "sector + country"
PHRASE_BREAKERS = frozenset(
    "di ke dari untuk dengan oleh antara dan atau yang bahwa pada dalam atas bagi terhadap sejak "
    "in at to from for with by between and or that on of against".split()
)
#: roles of a town or region: "Wali Kota Jakarta" is Jakarta's mayor, not Indonesia's
LOCAL_ROLES = frozenset({"mayor", "governor", "regent", "police chief", "chief of police", "deputy mayor",
                         "deputy governor", "deputy regent", "deputy police chief"})
#: words after a capital that make it a district's name ("Jakarta Timur", "Seoul Selatan")
DISTRICT_WORDS = frozenset("utara selatan timur barat pusat raya north south east west central".split())
#: a spaced dash right after a capital makes it a dateline ("Jakarta - …", "JAKARTA, KOMPAS.com – …")
DATELINE_DASH = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?[-–—]\s")
#: at most this many capitalised words make a person's name
MAX_NAME_WORDS = 4
#: at most this many words of a town between a local title and its holder's name ("Bupati Kudus Muhammad Tamzil")
MAX_PLACE_WORDS = 4
#: words before a title that make the office a past one ("mantan Wagub DKI Jakarta ini")
FORMER_WORDS = frozenset({"mantan", "eks", "bekas", "former", "ex"})
#: at most this many rank words between an office and its holder's name ("Irjen Pol")
MAX_RANK_WORDS = 2
#: words that leave an organisation span the state itself ("Republik Indonesia", "Pemerintah Indonesia")
STATE_WORDS = frozenset("republik negara kerajaan kesatuan federasi persatuan pemerintah pemerintahan "
                        "republic state kingdom federation united government of the".split())


@dataclass
class _Item:
    i: int  # first word
    j: int  # one past the last word
    kind: str  # state | demonym | capital | igo | named | organization | title | sector | person
    value: Any
    start: int
    end: int
    used: bool = False


@dataclass
class _Draft:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    code: str | None = None
    mentions: list[Span] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()  # name words, for short-name coreference


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


class _Reader:
    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.article.text
        self.lang = "en" if doc.language == "en" else "id"
        self.lex = lex
        self.day: date | None = doc.article.published
        self.words = word_spans(self.text)
        self.keys = [name_key(self.text[a:b]) for a, b in self.words]
        self.word_at_start = {s: k for k, (s, _) in enumerate(self.words)}
        self.word_at_end = {e: k for k, (_, e) in enumerate(self.words)}
        starts = [a for a, _ in self.words]
        self.place_words: set[int] = set()  # words inside a place mention
        self.place_country: dict[int, str | None] = {}  # first word of a place mention → the place's country
        for place in doc.places:
            for m in place.mentions:
                k = bisect_left(starts, m.start)
                if k < len(starts) and starts[k] == m.start:
                    self.place_country[k] = place.country
                    if self.keys[k] in ADMIN_PREFIXES and k + 1 < len(starts):
                        # "Wali Kota Bekasi": the title holds the place's "Kota", so the town starts after it too
                        self.place_country[k + 1] = place.country
                while k < len(starts) and starts[k] < m.end:
                    self.place_words.add(k)
                    k += 1
        self.drafts: dict[str, _Draft] = {}
        self.person_mentions: list[tuple[int, str]] = []  # (start, draft key) in text order
        self.covered: list[tuple[int, int]] = []
        self.org_spans: list[tuple[int, int]] = []  # model ORG entities as (first word, end word)
        self.person_starts: set[int] = set()  # first words of model PERSON entities

    # ---------------------------------------------------------------- items
    def word(self, k: int) -> str:
        s, e = self.words[k]
        return self.text[s:e]

    def items(self) -> list[_Item]:
        place_at: dict[int, tuple[int, str, str]] = {}  # first word → (end word, kind, alpha3)
        for place in self.doc.places:
            if not place.country or place.precision not in ("country", "city"):
                continue
            for m in place.mentions:
                i, j = self.word_at_start.get(m.start), self.word_at_end.get(m.end)
                if i is not None and j is not None:
                    kind = "state" if place.precision == "country" else "city"
                    place_at[i] = (j + 1, kind, place.country)
        if not self.doc.places:
            place_at = self._countries_without_places()
        person_ents = {}
        for ent in self.doc.entities:
            i, j = self.word_at_start.get(ent.start), self.word_at_end.get(ent.end)
            if i is None or j is None:
                continue
            if ent.label == "PERSON":
                person_ents[i] = j + 1
                self.person_starts.add(i)
            elif ent.label == "ORG":
                self.org_spans.append((i, j + 1))
        out: list[_Item] = []
        k = 0
        lex, lang = self.lex, self.lang
        while k < len(self.words):
            options: list[tuple[int, int, str, Any]] = []  # (n words, priority, kind, value)
            cap = _is_cap(self.word(k))
            if cap:
                for prio, (kind, matcher) in enumerate((("person", lex.people), ("igo", lex.igos), ("named", lex.groups),
                                                        ("organization", lex.organisations),
                                                        ("demonym", lex.demonyms), ("capital", lex.metonyms),
                                                        ("person", lex.short_names))):
                    hit = matcher.match(self.text, self.words, k, self.keys)
                    if hit:
                        options.append((hit[0], -prio, kind, hit[1]))
                if k in person_ents and k not in place_at:
                    # a model PERSON span the places stage read as a place is not a person
                    options.append((person_ents[k] - k, -5.5, "person", None))  # the tables win ties
            if k in place_at:
                j, kind, alpha3 = place_at[k]
                if kind == "state":
                    options.append((j - k, 1, "state", alpha3))
            for kind, matcher in (("title", lex.titles[lang]), ("sector", lex.sectors[lang])):
                hit = matcher.match(self.text, self.words, k, self.keys)
                if hit:
                    options.append((hit[0], -9, kind, hit[1]))
            if not options:
                k += 1
                continue
            n, _, kind, value = max(options, key=lambda o: (o[0], o[1]))
            if kind == "capital":
                # a capital counts only where the places stage also read it as that country's town,
                # and not as the first word of a district ("Jakarta Timur")
                place = place_at.get(k)
                district = k + n < len(self.words) and self.keys[k + n] in DISTRICT_WORDS
                if place is None or place[2] != value or district:
                    k += 1
                    continue
            start, end = self.words[k][0], self.words[k + n - 1][1]
            out.append(_Item(k, k + n, kind, value, start, end))
            k += n
        return out

    def _countries_without_places(self) -> dict[int, tuple[int, str, str]]:
        """Country names straight from the gazetteer, for documents the places stage has not seen."""
        from ..geo.gazetteer import get_gazetteer

        gaz = get_gazetteer()
        out: dict[int, tuple[int, str, str]] = {}
        k = 0
        while k < len(self.words):
            for n in (3, 2, 1):
                if k + n > len(self.words) or not _is_cap(self.word(k)):
                    continue
                surface = self.text[self.words[k][0]:self.words[k + n - 1][1]]
                countries = [gaz.entries[c] for c in gaz.lookup(surface, alternates=False)
                             if gaz.entries[c].kind == "country"]
                if countries:
                    out[k] = (k + n, "state", countries[0].country)
                    k += n - 1
                    break
            k += 1
        return out

    # ---------------------------------------------------------------- drafts
    def add(self, key: str, span: tuple[int, int], **fields: Any) -> _Draft:
        d = self.drafts.get(key)
        if d is None:
            d = _Draft(key=key, **fields)
            self.drafts[key] = d
        d.mentions.append(Span(*span))
        self.covered.append(span)
        if d.kind == "person":
            self.person_mentions.append((span[0], key))
        return d

    def name_after(self, k: int, items_at: dict[int, _Item]) -> tuple[int, int, Any] | None:
        """A person's name starting at word ``k``: (first word, end word, canonical or None).

        A place ("gubernur DKI Jakarta") or a day or month name ("wakil presiden, Selasa") is no name.
        """
        if k >= len(self.words) or not _is_cap(self.word(k)) or k in self.place_words:
            return None
        word = self.word(k)
        if (self.keys[k] in _not_names() and k not in self.person_starts) or (word.isupper() and len(word) >= 3):
            return None  # a day, a title word, or an acronym ("Menteri BUMN"); "Park Geun-hye" is a name
        item = items_at.get(k)
        if item is not None:
            return (k, item.j, item.value) if item.kind == "person" else None
        j = k
        while j < len(self.words) and j - k < MAX_NAME_WORDS and _is_cap(self.word(j)) and j not in items_at:
            if j > k and self.text[self.words[j - 1][1]:self.words[j][0]] != " ":
                break
            j += 1
        return (k, j, None) if j > k else None

    def person(self, first: int, last: int, canonical: str | None, span: tuple[int, int], *,
               role: tuple[str, str] | None = None, country: str | None = None) -> None:
        name = self.text[self.words[first][0]:self.words[last - 1][1]]
        if canonical is None:
            canonical = self.lex.people.keys.get(name_key(name)) or self.lex.short_names.keys.get(name_key(name))
        holder = self.lex.holder(canonical, self.day) if canonical else None
        full = canonical or name
        key = "P:" + re.sub(r"[^a-z0-9]+", "-", name_key(full)).strip("-")
        r_role, r_sector = role if role else ((holder.role, holder.sector) if holder else (None, None))
        r_country = country or (holder.country if holder else None)
        if r_country and r_country.startswith("IGO:"):
            r_country = None
        d = self.add(key, span, name=full, kind="person", country=r_country, sector=r_sector, role=r_role, code=key,
                     tokens=frozenset(name_key(full).split()) | frozenset(name_key(name).split()))
        d.country = d.country or r_country
        d.role = d.role or r_role
        d.sector = d.sector or r_sector

    def local_place_end(self, k: int) -> int | None:
        """One past the last word of the local place mention that starts at word ``k`` ("Kota Bekasi"), or
        None when no place of known country starts there."""
        if self.place_country.get(k) is None:
            return None
        j = k
        while j in self.place_words and j - k < MAX_PLACE_WORDS:
            j += 1
        return j

    def after_local_place(self, k: int, items: list[_Item], items_at: dict[int, _Item]) -> tuple[Any, str | None]:
        """(name, country) of a person named after a local office's place that starts at word ``k`` ("Bupati
        Kudus Muhammad Tamzil", "Wali Kota Medan Dzulmi Eldin": the regent of Kudus, IDN), or (None, None)."""
        j = self.local_place_end(k)
        if j is None:
            return None, None
        name = self.name_after(self.after_ranks(j), items_at) if self.adjacent(j) and self.plain_gap(j) else None
        if name is None:
            return None, None
        self.use_items(items, k, j)
        return name, self.place_country[k]

    def former(self, k: int) -> bool:
        """Does a word like "mantan" (former) stand before word ``k``? A former office holds nobody today."""
        return k > 0 and self.keys[k - 1] in FORMER_WORDS

    def apposed_name(self, k: int, items_at: dict[int, _Item]) -> tuple[int, int, Any] | None:
        """A name right after ", " before word ``k`` (a rank title may come first: "Irjen Pol"), as
        :meth:`name_after` gives it, or None."""
        if k >= len(self.words) or self.text[self.words[k - 1][1]:self.words[k][0]] != ", ":
            return None
        item = items_at.get(k)
        if item is not None and item.kind == "title" and item.value[0] not in LOCAL_ROLES and self.plain_gap(item.j):
            k = item.j
        return self.name_after(self.after_ranks(k), items_at)

    def after_ranks(self, k: int) -> int:
        """The first word after the ranks that start at word ``k`` ("Irjen Pol Luki" → "Luki"), or ``k``."""
        ranks = self.lex.ranks.get(self.lang, frozenset())
        j = k
        while j + 1 < len(self.words) and j - k < MAX_RANK_WORDS and self.keys[j] in ranks and self.plain_gap(j + 1):
            j += 1
        return j

    @staticmethod
    def use_items(items: list[_Item], k: int, j: int) -> None:
        for it in items:
            if k <= it.i < j:
                it.used = True

    def preceded_by_locative(self, k: int) -> bool:
        if k == 0:
            return False
        prev = self.word(k - 1).lower()
        two = f"{self.word(k - 2).lower()} {prev}" if k >= 2 else prev
        loc = self.lex.locative.get(self.lang, frozenset())
        return prev in loc or two in loc

    def gap_ok(self, a_end_word: int, b_start_word: int) -> bool:
        gap = b_start_word - a_end_word
        if gap < 0 or gap > MAX_GAP_WORDS:
            return False
        for k in range(a_end_word, b_start_word):
            w = self.word(k)
            if w.lower() in PHRASE_BREAKERS or _is_cap(w) or w.isdigit():
                return False
        s = self.words[a_end_word - 1][1]
        e = self.words[b_start_word][0]
        return "\n" not in self.text[s:e] and not any(ch in self.text[s:e] for ch in ".,;:!?“”\"()")

    # ---------------------------------------------------------------- patterns
    def read(self) -> list[Actor]:
        items = self.items()
        items_at = {it.i: it for it in items}
        n_of = {id(it): n for n, it in enumerate(items)}
        # (country, role, sector, span, the town or region of a local office or None)
        offices: list[tuple[str, str, str, tuple[int, int], str | None]] = []
        country_kinds = ("state", "demonym", "capital")
        for n, it in enumerate(items):
            if it.used:
                continue
            nxt = items[n + 1] if n + 1 < len(items) else None
            if it.kind == "title":
                country = None
                end_word, end_char = it.j, it.end
                stacked = nxt is not None and nxt.kind == "title" and nxt.i == it.j and not nxt.used and \
                    self.plain_gap(nxt.i) and self.adjacent(nxt.j) and self.name_after(nxt.j, items_at) is not None
                if stacked:
                    # "Kapolri Jenderal Tito Karnavian": the office comes first, the rank after it
                    nxt.used = True
                    end_word, end_char = nxt.j, nxt.end
                    nxt = items[n + 2] if n + 2 < len(items) else None
                if nxt and nxt.kind in country_kinds and nxt.i == it.j and not nxt.used and \
                        self.plain_gap(nxt.i) and not (nxt.kind == "capital" and it.value[0] in LOCAL_ROLES):
                    country, end_word, end_char = nxt.value, nxt.j, nxt.end
                name = self.name_after(end_word, items_at) if self.adjacent(end_word) else None
                if name is None and country is None and it.value[0] in LOCAL_ROLES and self.adjacent(end_word):
                    name, country = self.after_local_place(end_word, items, items_at)
                    nxt = None  # the place's items are used already
                    place_end = self.local_place_end(end_word) if name is None and self.plain_gap(end_word) else None
                    holder = self.apposed_name(place_end, items_at) if place_end is not None else None
                    if holder is not None:
                        # "Kapolda Jatim, Irjen Pol Luki Hermawan": the office's holder, named after a comma
                        first, last, canonical = holder
                        self.use_items(items, end_word, last)
                        self.person(first, last, canonical, (it.start, self.words[last - 1][1]),
                                    role=it.value, country=self.place_country[end_word])
                        it.used = True
                        continue
                    if place_end is not None and not self.former(it.i):
                        # "Wali Kota Bekasi menolak …": the office of that town, whoever holds it
                        self.use_items(items, end_word, place_end)
                        span = (it.start, self.words[place_end - 1][1])
                        offices.append((self.place_country[end_word], it.value[0], it.value[1], span,
                                        name_key(self.text[self.words[end_word][0]:span[1]])))
                        it.used = True
                        continue
                if name:
                    first, last, canonical = name
                    if country and nxt is not None:
                        nxt.used = True
                    if canonical is not None:
                        items_at[first].used = True
                    self.person(first, last, canonical, (it.start, self.words[last - 1][1]),
                                role=it.value, country=country)
                    it.used = True
                elif country:
                    nxt.used = True
                    it.used = True
                    offices.append((country, it.value[0], it.value[1], (it.start, end_char), None))
                continue
            if it.kind in ("state", "demonym", "capital") and nxt and not nxt.used:
                if nxt.kind == "title" and nxt.i == it.j and self.adjacent(nxt.i) and it.kind != "capital" and \
                        (it.kind == "demonym" or self.lang == "en"):
                    name = self.name_after(nxt.j, items_at) if self.adjacent(nxt.j) else None
                    if name:
                        first, last, canonical = name
                        if canonical is not None:
                            items_at[first].used = True
                        self.person(first, last, canonical, (it.start, self.words[last - 1][1]),
                                    role=nxt.value, country=it.value)
                    else:
                        offices.append((it.value, nxt.value[0], nxt.value[1], (it.start, nxt.end), None))
                    it.used = nxt.used = True
                    continue
                if nxt.kind == "sector" and self.gap_ok(it.j, nxt.i) and (it.kind == "demonym" or self.lang == "en"):
                    self.group(it.value, nxt.value, (it.start, nxt.end))
                    it.used = nxt.used = True
                    continue
            if it.kind == "sector" and nxt and nxt.kind in country_kinds and not nxt.used and \
                    self.gap_ok(it.j, nxt.i) and self.lang == "id":
                self.group(nxt.value, it.value, (it.start, nxt.end))
                it.used = nxt.used = True
                continue
        for it in items:
            if it.used:
                continue
            if it.kind in ("state", "capital") and (org := self.organisation_around(it)) is not None:
                self.organisation(it.value, org)  # "Bank Indonesia", "Paris Saint-Germain (PSG)"
            elif it.kind in ("state", "demonym"):
                self.state(it.value, (it.start, it.end))
            elif it.kind == "capital" and not self.preceded_by_locative(it.i) and self.acts(it, items, n_of[id(it)]):
                self.state(it.value, (it.start, it.end))
            elif it.kind == "igo":
                self.add(it.value, (it.start, it.end), name=self.text[it.start:it.end], kind="igo", code=it.value)
            elif it.kind == "organization" and names_a_law(self, it.i):
                pass  # "revisi UU KPK": the law, not the commission
            elif it.kind in ("named", "organization"):
                country, sector, code = it.value
                self.add(code, (it.start, it.end), name=self.text[it.start:it.end],
                         kind="group" if it.kind == "named" else "organization", country=country, sector=sector,
                         code=code)
            elif it.kind == "sector" and name_key(self.text[it.start:it.end]) in self.lex.standalone:
                self.add(f"GRP:{it.value}:{name_key(self.text[it.start:it.end])}", (it.start, it.end),
                         name=self.text[it.start:it.end], kind="group", sector=it.value, code=it.value)
            elif it.kind == "person":
                if it.value is None and it.j - it.i == 1 and self.join_earlier(it):
                    pass  # a lone surname the model marked ("Kim"): joins the nearest earlier person
                else:
                    self.person(it.i, it.j, it.value, (it.start, it.end))
            it.used = True
        add_organisations(self, {(it.i, it.j): it.value for it in items if it.kind in ("state", "demonym")})
        self.attach_offices(offices)
        self.short_names(items_at)
        return self.finish()

    def acts(self, it: _Item, items: list[_Item], n: int) -> bool:
        """Does a capital stand for its government here? Yes — as a subject ("Seoul mengharapkan"),
        an object ("mengunjungi Moskow"), a possessor ("Moscow's decision") or one of a pair
        ("antara Pyongyang dan Moskow") — except as a dateline at the start of a line or sentence
        ("JAKARTA, KOMPAS.com —", "Jakarta, hari ini") or wherever a spaced dash follows it ("Tempo.Co,
        Jakarta - PT Angkasa Pura II …"). District names ("Jakarta Timur") never become capital items, and
        the locative test (``preceded_by_locative``) comes on top."""
        if DATELINE_DASH.match(self.text, it.end):
            return False
        gap = self.text[self.words[it.i - 1][1]:it.start] if it.i > 0 else "\n"
        starts_sentence = "\n" in gap or gap.strip()[-1:] in (".", "!", "?", "|", "—")
        follow = self.text[it.end:it.end + 3]
        if starts_sentence and (follow[:1] in (",", "(") or follow.strip()[:1] in ("-", "—", "–")):
            return False
        return True

    def plain_gap(self, k: int) -> bool:
        return self.text[self.words[k - 1][1]:self.words[k][0]] == " "

    def adjacent(self, k: int) -> bool:
        if k >= len(self.words) or k == 0:
            return False
        return self.text[self.words[k - 1][1]:self.words[k][0]] in (" ", ", ", "'s ", "’s ")

    def organisation_around(self, it: _Item) -> tuple[int, int] | None:
        """The model ORG entity a country name sits inside ("Bank Indonesia", "Universitas Indonesia"),
        unless its other words only name the state ("Republik Indonesia"), or a longer name an acronym follows
        ("Masyarakat Anti Korupsi Indonesia (MAKI)")."""
        for i, j in [*self.org_spans, *filter(None, [named_by_acronym(self, it.i, it.j)])]:
            if i <= it.i and it.j <= j and j - i > it.j - it.i:
                other = [self.keys[k] for k in range(i, j) if not it.i <= k < it.j]
                if all(w in STATE_WORDS for w in other):
                    return None
                return i, j
        return None

    def organisation(self, alpha3: str, words: tuple[int, int]) -> None:
        """An organisation named after its country: an organization of that country, with the sector its first
        word names when the sector table knows it ("Kepolisian Indonesia" → COP), else none."""
        i, j = words
        start, end = self.words[i][0], self.words[j - 1][1]
        hit = self.lex.sectors[self.lang].match(self.text, self.words, i, self.keys)
        head = head_sector(self, i, j)
        sector = hit[1] if hit else head[0] if head else None
        name = self.text[start:end]
        code = f"{alpha3}.{sector}" if sector else f"{alpha3}:{name_key(name)}"
        self.add(code, (start, end), name=name, kind="organization", country=alpha3, sector=sector, code=code)

    def state(self, alpha3: str, span: tuple[int, int]) -> None:
        self.add(alpha3, span, name=_country_name(alpha3), kind="state", country=alpha3, sector="GOV", code=alpha3)

    def group(self, alpha3: str, sector: str, span: tuple[int, int]) -> None:
        code = f"{alpha3}.{sector}"
        self.add(code, span, name=self.text[span[0]:span[1]], kind="group", country=alpha3, sector=sector, code=code)

    def attach_offices(self, offices: list[tuple[str, str, str, tuple[int, int], str | None]]) -> None:
        """An office without a name joins its holder on the publication date, if the article names them; a local
        office ("Wali Kota Bekasi") is one actor per town and role."""
        for country, role, sector, span, town in offices:
            holder = self.lex.office_holder(country, role, self.day) if town is None else None
            if holder is not None:
                key = "P:" + re.sub(r"[^a-z0-9]+", "-", name_key(holder.name)).strip("-")
                if key in self.drafts:
                    self.add(key, span, name=holder.name, kind="person")
                    continue
            key = f"OFFICE:{country}:{role}" + (f":{town}" if town else "")
            self.add(key, span, name=self.text[span[0]:span[1]], kind="person", country=country, sector=sector,
                     role=role, code=None)

    def join_earlier(self, it: _Item) -> bool:
        """Add a one-word person mention to the nearest earlier person whose name holds the word."""
        key = name_key(self.text[it.start:it.end])
        best = None
        for start, dkey in sorted(self.person_mentions):
            if start >= it.start:
                break
            if key in self.drafts[dkey].tokens:
                best = dkey
        if best is None:
            return False
        self.drafts[best].mentions.append(Span(it.start, it.end))
        self.covered.append((it.start, it.end))
        return True

    def short_names(self, items_at: dict[int, _Item]) -> None:
        """A lone capitalised word that is part of an earlier person's name joins the nearest such person."""
        people = sorted(self.person_mentions)
        if not people:
            return
        for k, (s, e) in enumerate(self.words):
            word = self.text[s:e]
            if not _is_cap(word) or k in items_at or any(a <= s < b for a, b in self.covered):
                continue
            # the next word capitalised too means a longer name, not a short mention
            if k + 1 < len(self.words) and _is_cap(self.word(k + 1)) and \
                    self.text[e:self.words[k + 1][0]] == " ":
                continue
            key = name_key(word)
            best = None
            for start, dkey in people:
                if start >= s:
                    break
                if key in self.drafts[dkey].tokens:
                    best = dkey
            if best is not None:
                self.drafts[best].mentions.append(Span(s, e))
                self.covered.append((s, e))

    def finish(self) -> list[Actor]:
        drafts = sorted(self.drafts.values(), key=lambda d: min(m.start for m in d.mentions))
        actors = []
        for n, d in enumerate(drafts, 1):
            mentions = sorted(set(d.mentions))
            actors.append(Actor(id=f"a{n}", name=d.name, kind=d.kind, country=d.country, sector=d.sector,
                                role=d.role, mentions=mentions, code=d.code))
        return actors


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Capitalised words that never start a person's name after a title: the geo stop words
    (days, months, titles, generic nouns)."""
    from ..geo.detect import stopwords

    return stopwords()


def _country_name(alpha3: str) -> str:
    from ..geo.gazetteer import get_gazetteer

    entry = get_gazetteer().country(alpha3)
    return entry.name if entry else alpha3


def find_actors(doc: Document, *, lexicon: Lexicon | None = None) -> list[Actor]:
    """All actors of ``doc`` (needs ``doc.places`` for country mentions; entities are optional)."""
    return _Reader(doc, lexicon or get_lexicon()).read()
