"""Finding toponyms in a text: model entities plus a gazetteer scan of capitalised word runs.

Two sources, merged (model spans win on overlap):

* entities labelled GPE, LOC or FAC whose text is in the gazetteer (alternate names allowed);
* a longest-match scan over runs of capitalised words against the gazetteer's primary names
  and warta's aliases. Scan hits are filtered: no stop words (``resources/geo/stopwords.txt``),
  nothing inside a PERSON, NORP or EVENT entity (an ORG may hold one: "Ohio Supreme Court"), and a
  lone sentence-initial word that names only small towns, or a small town inside a longer
  capitalised run, needs ``SMALL_TOWN_POPULATION``.

Example:
    >>> [m.surface for m in find_toponyms("Pasukan Korea Utara di dekat Donetsk.", [])]
    ['Korea Utara', 'Donetsk']
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Entity
from .gazetteer import (LANGUAGE_COUNTRY, RESOURCES, Gazetteer, ambiguous_state_abbreviations,
                        context_abbreviations, get_gazetteer, place_cues, province_abbreviations,
                        us_state_abbreviations)
from .normalize import name_key, word_spans
from .surnames import person_surnames, surname_only

#: model labels whose spans may be places
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: labels whose spans the scan must not enter (an ORG may hold a toponym: "Ohio Supreme Court")
BLOCKING_LABELS = ("PERSON", "NORP", "EVENT")
#: longest name the scan tries, in words
MAX_SCAN_WORDS = 6
#: a scan hit naming only towns smaller than this is dropped when it starts a sentence, has at most
#: three letters, or sits inside a longer run of capitalised words
SMALL_TOWN_POPULATION = 100_000
#: scan hits through a GeoNames alternate name need a place this large ("Moskow" → Moscow)
SCAN_ALTERNATE_MIN_POPULATION = 500_000
#: lowercase words allowed inside a multi-word name ("Bay of Bengal", "Rio de Janeiro", "Democratic
#: Republic of the Congo"); the longest run the gazetteer knows wins, so a connector adds no false name
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "du", "da", "do", "dos", "das", "von", "van", "al", "el",
                        "upon", "on", "am", "sur", "en", "y", "the"})
#: abbreviated first words that a full stop and a space may follow inside a name ("St. Cloud", "Mt. Hood",
#: "U.S. Virgin Islands", "Kab. Keerom"; "U.S" is how the word pattern reads "U.S.")
SHORT_HEADS = frozenset({"St", "Ste", "Mt", "Ft", "U.S", "Kab", "Kec"})
#: Indonesian administrative prefixes kept out of the name ("Kabupaten Bogor" → "Bogor")
ADMIN_PREFIXES = ("kabupaten", "kab", "kota", "provinsi", "kecamatan", "desa")


@dataclass(slots=True)
class Toponym:
    start: int
    end: int
    surface: str
    candidates: tuple[int, ...]
    source: str  # model | scan | demonym
    hint_admin1: tuple[str, str] | None = None  # (alpha-3, admin1) from "Town, State"
    hint_country: str | None = None  # from "Town, Country"
    alternate_only: bool = False
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Lowercase words that a text scan never takes as a toponym on their own (``stopwords.txt``)."""
    lines = (RESOURCES / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"(?:[.!?:]\s+|\n\s*|[\"“‘]\s*)(?=\w)", text):
        starts.add(m.end())
    return starts


def _candidates(gaz: Gazetteer, surface: str, *, allow_alternates: bool) -> tuple[tuple[int, ...], bool]:
    primary = gaz.lookup(surface, alternates=False)
    if primary:
        return primary, False
    if not allow_alternates:
        return (), False
    alt = gaz.lookup(surface, alternates=True)
    return alt, bool(alt)


def find_toponyms(text: str, entities: Sequence[Entity], *, gazetteer: Gazetteer | None = None,
                  language: str | None = None, doubtful: list[Toponym] | None = None) -> list[Toponym]:
    """Toponym mentions of ``text`` with their gazetteer candidates, in text order.

    ``language`` ("id", "en") turns on the language's own checks: in Indonesian a scan hit that is
    also a common word ("Dalam", "Kita", "Para") or a small foreign town needs more evidence.
    """
    gaz = gazetteer or get_gazetteer()
    found: list[Toponym] = []
    stop = stopwords()
    blocked: list[tuple[int, int]] = []
    model_places: set[tuple[int, int]] = set()  # model place spans: a longer scan name may hold them
    events: list[tuple[int, int]] = []  # model EVENT spans: "the Muscat International Film Festival"
    held: list[Toponym] = []  # doubtful hits, kept if the same name is found elsewhere
    states = state_abbreviations(text, gaz) if language != "id" else []
    found.extend(states)
    state_starts = {t.start for t in states}
    if language != "id":
        found.extend(t for t in us_local_names(text, gaz) if t.start not in state_starts)
    all_words = word_spans(text)
    if language == "en":  # "Egyptian-US relations", "inter-Palestinian talks": each part may be a demonym
        found.extend(demonyms(text, gaz, words=_split_hyphens(text, all_words, capitalised_only=False)))
    for ent in entities:
        if ent.label in PLACE_LABELS:
            surface = ent.text
            start = ent.start
            if surface.lower().startswith("the "):
                surface, start = surface[4:], start + 4
            if start in state_starts:
                continue  # "Pa." is Pennsylvania, not the Burkinabe town of Pa
            cands, alt = _candidates(gaz, surface, allow_alternates=True)
            if not cands:
                stripped = _strip_admin_prefix(surface)
                if stripped != surface:
                    start += len(surface) - len(stripped)
                    surface = stripped
                    cands, alt = _candidates(gaz, surface, allow_alternates=True)
            if cands and alt and " " not in surface and name_key(surface) in stop:
                cands = ()  # "Selatan" (south) is some town's alternate name, never meant so
            if cands:
                found.append(Toponym(start, start + len(surface), surface, cands, "model", alternate_only=alt))
                blocked.append((ent.start, ent.end))
                model_places.add((ent.start, ent.end))
            # a model place the gazetteer does not know ("North Texas") stays open to the scan
        elif ent.label in BLOCKING_LABELS:
            whole = gaz.lookup(ent.text, alternates=False)
            if any(gaz.entries[c].kind in ("country", "region") for c in whole) or \
                    (whole and ent.label == "PERSON" and _place_cue(text, ent.start, ent.end)) or \
                    (whole and ent.label == "NORP" and _large(gaz, whole)):
                # a country's name is never a person ("Benin" tagged PERSON by a model), nor is a
                # "person" after "of"/"in"/"the" or before "police"/"area" ("of Alexandria"), nor a
                # "nationality" that is the name of a large town ("Aleppo", "Tunis")
                found.append(Toponym(ent.start, ent.end, ent.text, whole, "model"))
            elif whole and ent.label == "PERSON" and " " not in ent.text:
                # a one-word "person" that is a world city ("Seoul mengatakan") or a name the article
                # uses as a place elsewhere is a place
                top = Toponym(ent.start, ent.end, ent.text, whole, "model")
                if any(gaz.entries[c].population >= PERSON_CITY_POPULATION for c in whole):
                    found.append(top)
                else:
                    held.append(top)
            elif not whole and ent.label == "PERSON":
                head = _institution_head(ent.text)
                cands = gaz.lookup(head, alternates=False) if head else ()
                if cands:  # "Alexandria Police", "Litchfield Fire": a town's service, not a person
                    found.append(Toponym(ent.start, ent.start + len(head), head, cands, "model"))
                elif " " not in ent.text:
                    # a one-word "person" that is a town's other name ("Douma" for Dūmā) is doubtful
                    alt = tuple(c for c in gaz.lookup(ent.text, alternates=True) if gaz.entries[c].kind == "city")
                    if alt and name_key(ent.text) not in stop:
                        held.append(Toponym(ent.start, ent.end, ent.text, alt, "model", alternate_only=True))
            blocked.append((ent.start, ent.end))
            if ent.label == "EVENT":
                events.append((ent.start, ent.end))

    words = _split_hyphens(text, all_words)
    caps = [text[a:a + 1].isupper() for a, _ in words]
    regency_cues = _cue_words(language, "regency_before")
    starts = _sentence_starts(text)
    has_model = bool(entities)
    max_n = min(gaz.max_words, MAX_SCAN_WORDS)
    i = 0
    while i < len(words):
        if not caps[i]:
            i += 1
            continue
        ws = words[i][0]
        hit = None
        for n in range(min(max_n, len(words) - i), 0, -1):
            last_e = words[i + n - 1][1]
            if not caps[i + n - 1] or not _contiguous(text, words, caps, i, n):
                continue
            surface = text[ws:last_e]
            cands: tuple[int, ...] = ()
            alt = cued = False
            if text[last_e:last_e + 1] == "." and "." in surface:
                # "U.S." — the word pattern leaves the final full stop out
                cands = gaz.case_sensitive.get(surface + ".", ())
                if cands:
                    surface = text[ws:last_e + 1]
            if not cands:
                cands, alt = _candidates(gaz, surface, allow_alternates=True)
            if alt and language == "id" and (bare := _strip_admin_prefix(surface)) != surface:
                # "Kota Bekasi" is only an other name of Bekasi in GeoNames, but with its administrative word
                # it is no other name: it must survive a capitalised run ("Wali Kota Bekasi", "Pemerintah Kota …")
                primary = gaz.lookup(bare, alternates=False)
                if primary:
                    cands, alt = primary, False
            if alt:
                # a regency's bare name right after a local office or body ("Bupati Langkat", "Polres Asahan")
                regency = i > 0 and text[words[i - 1][1]:ws] == " " and \
                    text[words[i - 1][0]:words[i - 1][1]].lower() in regency_cues
                cands = tuple(c for c in cands if gaz.entries[c].population >= SCAN_ALTERNATE_MIN_POPULATION
                              or (regency and gaz.entries[c].kind == "admin2"))
                cued = regency and bool(cands)
                alt = not cued  # a cued regency name is as good as a primary one
            if cands:
                hit = (n, surface, cands, alt, cued)
                break
        if hit is None:
            i += 1
            continue
        n, surface, cands, alt, cued = hit
        end = ws + len(surface)
        first = i
        i += n
        # a model place inside a longer known name gives way to it ("Congo" in "Democratic Republic of the Congo")
        if any(s < end and ws < e and not (ws <= s and e <= end and (s, e) in model_places and end - ws > e - s)
               for s, e in blocked):
            if any(s < end and ws < e for s, e in events) and not (n == 1 and name_key(surface) in stop):
                # an event named after a place holds the place if the article names it elsewhere too
                held.append(Toponym(ws, end, surface, cands, "scan", alternate_only=alt))
            continue
        if n == 1 and name_key(surface) in stop:
            continue
        top = Toponym(ws, end, surface, cands, "scan", alternate_only=alt)
        kinds = {gaz.entries[c].kind for c in cands}
        if alt and ((first > 0 and caps[first - 1] and text[words[first - 1][1]:ws] == " ")
                    or (i < len(words) and caps[i] and text[end:words[i][0]] == " ")):
            continue  # "Lion Air" is no Lyon: an other-name hit inside a capitalised run
        if language == "id" and not cued and _doubtful_id(gaz, cands, surface, n):
            held.append(top)
            continue
        if kinds == {"city"} and max(gaz.entries[c].population for c in cands) < SMALL_TOWN_POPULATION \
                and not _dateline(text, surface, end):
            # a small town's name right after another capitalised word ("Jong Un"), at a sentence
            # start, or of three letters or fewer is more often something else; so is one followed
            # by a capitalised word when no model has marked the people in the text
            before = first > 0 and caps[first - 1] and text[words[first - 1][1]:ws] == " "
            after = i < len(words) and caps[i] and text[end:words[i][0]] == " "
            if before or (after and not has_model) or (ws in starts and n == 1) or len(surface) <= 3:
                held.append(top)
                continue
        found.append(top)
    known = {name_key(t.surface) for t in found}
    found.extend(t for t in held if name_key(t.surface) in known and len(t.surface) > 3)
    if doubtful is not None:  # the rest, for a caller that can check them against the resolved places
        doubtful.extend(t for t in held if name_key(t.surface) not in known and len(t.surface) > 3)

    languages = _cue_words(language, "language_nouns")
    if languages:  # "bahasa Inggris", "berbahasa Arab": a language, not the country
        found = [t for t in found if _word_before(text, t.start) not in languages]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    merged: list[Toponym] = []
    for t in found:
        if merged and t.start < merged[-1].end:
            continue  # the model span (listed first at equal start) or the longer scan hit stays
        merged.append(t)
    _add_comma_hints(text, merged, gaz)
    merged = _add_context_abbreviations(text, merged, gaz)
    surnames = person_surnames(text, entities)
    if surnames:
        home = LANGUAGE_COUNTRY.get(language or "")
        merged = [t for t in merged if not surname_only(t.surface, t.candidates, surnames, gaz, home=home,
                                                        hinted=bool(t.hint_admin1 or t.hint_country))]
    return merged


def _add_context_abbreviations(text: str, toponyms: list[Toponym], gaz: Gazetteer) -> list[Toponym]:
    """"SA" is South Africa in an article that names South Africa or South Africans elsewhere."""
    named = {gaz.entries[c].country for t in toponyms for c in t.candidates if gaz.entries[c].kind == "country"}
    extra = []
    for abbrev, alpha3 in context_abbreviations().items():
        idx = gaz.country_entry.get(alpha3)
        if alpha3 not in named or idx is None:
            continue
        for m in re.finditer(rf"(?<![\w.&-]){re.escape(abbrev)}(?![\w&-])", text):
            if not any(t.start < m.end() and m.start() < t.end for t in toponyms):
                extra.append(Toponym(m.start(), m.end(), abbrev, (idx,), "scan"))
    return sorted(toponyms + extra, key=lambda t: t.start) if extra else toponyms


@lru_cache(maxsize=8)
def _cue_words(language: str | None, key: str) -> frozenset[str]:
    """A language's cue words of ``resources/geo/cues.yaml``, lower-cased: ``language_nouns`` (a country's name after
    one is its language: "bahasa Inggris"), ``regency_before`` (a regency's bare name after one is the regency)."""
    return frozenset(w.lower() for w in (place_cues().get(language or "en") or {}).get(key) or ())


def _word_before(text: str, start: int) -> str:
    """The lower-cased word that ends right before ``start`` (one space between), or ""."""
    m = re.search(r"(\w+)\s$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


#: words around a one-word PERSON entity that show it is a place ("of Alexandria", "Alexandria police")
PLACE_CUES_BEFORE = frozenset("of in from at near outside to the di ke dari dekat".split())
#: in Indonesian text a one-word town name that is also a common word ("Dalam", "Kita") needs a town
#: this large ("Padang", "Malang") or the name found as a place elsewhere in the article
ID_WORD_TOWN_POPULATION = 500_000
#: a one-word model PERSON span naming a town this large is the town ("Seoul", "Pyongyang")
PERSON_CITY_POPULATION = 1_000_000
#: a model NORP span that names a town this large (or a region or country) is a place
NORP_TOWN_POPULATION = 50_000
PLACE_CUES_AFTER = frozenset("police man woman area resident residents native natives officials mayor city "
                             "county council school schools hospital".split())
#: last words of a PERSON span that make it a town's institution ("Alexandria Police", "Athens Parks")
INSTITUTION_WORDS = frozenset("police fire parks park elementary school schools hospital council county city "
                              "township sheriff library".split())


def _institution_head(name: str) -> str | None:
    words = name.split()
    if len(words) < 2 or words[-1].lower().strip(".,’'s") not in INSTITUTION_WORDS:
        return None
    return " ".join(words[:-1])


def _doubtful_id(gaz: Gazetteer, cands: tuple[int, ...], surface: str, n: int) -> bool:
    """In Indonesian text: a one-word name that is also a common word ("Para" is no Pará), unless it
    names a country, a region, an Indonesian province or a large town; or a small foreign town."""
    entries = [gaz.entries[c] for c in cands]
    if any(e.kind in ("country", "region") or (e.kind == "admin1" and e.country == "IDN") for e in entries):
        return False
    biggest = max(e.population for e in entries)
    if n == 1 and biggest < ID_WORD_TOWN_POPULATION and _known_id_word(surface.lower()):
        return True
    foreign = all(e.country != "IDN" for e in entries)
    return foreign and all(e.kind == "city" for e in entries) and biggest < SMALL_TOWN_POPULATION


@lru_cache(maxsize=4096)
def _known_id_word(word: str) -> bool:
    try:
        import simplemma
    except ImportError:  # pragma: no cover - a declared dependency
        return False
    return simplemma.is_known(word, lang="id")


def _large(gaz: Gazetteer, cands: tuple[int, ...]) -> bool:
    return any(gaz.entries[c].kind != "city" or gaz.entries[c].population >= NORP_TOWN_POPULATION for c in cands)


def _place_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start].split()
    if " " in text[start:end]:  # a longer name needs a preposition before it ("In Klamath Falls")
        return bool(before and before[-1].lower() in PLACE_CUES_BEFORE - {"the"})
    after = text[end:end + 20].split()
    return bool((before and before[-1].lower() in PLACE_CUES_BEFORE)
                or (after and after[0].lower().strip(".,") in PLACE_CUES_AFTER))


def _contiguous(text: str, words: list[tuple[int, int]], caps: list[bool], i: int, n: int) -> bool:
    for k in range(i, i + n - 1):
        gap = text[words[k][1]:words[k + 1][0]]
        if gap not in (" ", "-", "'s ", "’s ") and not (gap == ". " and text[words[k][0]:words[k][1]] in SHORT_HEADS):
            return False  # "Democratic People's Republic of Korea", "St. Cloud"
        if k > i and not caps[k] and text[words[k][0]:words[k][1]] not in CONNECTORS:
            return False
    return True


def _strip_admin_prefix(surface: str) -> str:
    head, _, rest = surface.partition(" ")
    if rest and head.rstrip(".").lower() in ADMIN_PREFIXES:
        return rest
    return surface


def _split_hyphens(text: str, words: list[tuple[int, int]], *,
                   capitalised_only: bool = True) -> list[tuple[int, int]]:
    """Capitalised parts of a hyphenated word are words of their own ("Fargo-Moorhead", "Amsterdam-London");
    the scan still joins them across the hyphen ("Winston-Salem"). ``capitalised_only=False`` splits a word
    that starts in lower case too ("inter-Palestinian")."""
    out: list[tuple[int, int]] = []
    for a, b in words:
        if text.find("-", a, b) < 0 or (capitalised_only and not text[a].isupper()):
            out.append((a, b))
            continue
        word = text[a:b]
        pos = a
        for part in word.split("-"):
            if part:
                out.append((pos, pos + len(part)))
            pos += len(part) + 1
    return out


_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*\.?(?:\s[A-Z][\w.]*\.?)?)?\s*(?:--|—|–)")


def _dateline(text: str, surface: str, end: int) -> bool:
    """An upper-case name before a dash opens a news story with its place ("HUDSON -- Officials ...",
    "PLEASANTON, Calif.--")."""
    return surface.isupper() and len(surface) > 3 and bool(_DATELINE_AFTER.match(text, end))


_NAME = r"[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*)?"
_COUNTY_LIST = re.compile(rf"((?:{_NAME})(?:(?:,\s|,?\sand\s|\s&\s)(?:{_NAME}))+)\s+(counties|parishes)\b")
_COUNTY_SEP = re.compile(r",\s|,?\sand\s|\s&\s")
_PARTY_PLACE = re.compile(rf"(?:,\s|\()[DRI]-({_NAME})(?=[,;)])")  # "Brent Boggs, D-Braxton," / "(R-Elbow Lake)"
#: the county-like unit of "... counties" / "... parishes"
_UNIT = {"counties": "County", "parishes": "Parish"}


def us_local_names(text: str, gaz: Gazetteer) -> list[Toponym]:
    """US local-news patterns that name counties and towns without saying so on each name:
    "Clarke, Madison and Oconee counties" (each is a county) and a legislator's "D-Braxton" / "R-Elbow Lake"
    (a US county or town; the county when both exist).

    Example:
        >>> [t.surface for t in us_local_names("in Barrow and Jackson counties", get_gazetteer())]
        ['Barrow', 'Jackson']
    """
    out: list[Toponym] = []
    for m in _COUNTY_LIST.finditer(text):
        unit = _UNIT[m.group(2)]
        pos = m.start(1)
        for part in _COUNTY_SEP.split(m.group(1)):
            start = text.find(part, pos)
            pos = start + len(part)
            cands = tuple(c for c in gaz.lookup(f"{part} {unit}", alternates=False)
                          if gaz.entries[c].kind == "admin2")
            if cands:
                out.append(Toponym(start, start + len(part), part, cands, "scan"))
    for m in _PARTY_PLACE.finditer(text):
        name = m.group(1)
        found = [c for c in gaz.lookup(name, alternates=True)
                 if gaz.entries[c].country == "USA" and gaz.entries[c].kind in ("city", "admin2")]
        counties = [c for c in found if gaz.entries[c].kind == "admin2"]
        if counties or found:
            out.append(Toponym(m.start(1), m.end(1), name, tuple(counties or found), "scan"))
    return out


def demonyms(text: str, gaz: Gazetteer, *, words: list[tuple[int, int]] | None = None) -> list[Toponym]:
    """English adjectives and plurals of countries ("Sudanese", "Palestinians", "North Korean") as mentions of
    the country, from the actor tables' demonyms (``resources/actors/states.yaml`` and countryinfo), and
    regions' adjectives ("African", "European" but not "European Union") from ``aliases.yaml``.

    Example:
        >>> [(t.surface, get_gazetteer().entries[t.candidates[0]].country)
        ...  for t in demonyms("Sudanese refugees and Egyptian police.", get_gazetteer())]
        [('Sudanese', 'SDN'), ('Egyptian', 'EGY')]
    """
    from ..actors.lexicon import get_lexicon  # loaded once per process, shared with the actors stage

    matcher = get_lexicon().demonyms
    regions = _region_adjectives(gaz)
    place_adjs, place_nouns = _place_adjectives(gaz)
    words = word_spans(text) if words is None else words
    # only capitalised words can be part of a demonym: the others are never keyed
    keys = [name_key(text[a:b]) if text[a].isupper() else "" for a, b in words]
    out: list[Toponym] = []
    k = 0
    while k < len(words):
        if not text[words[k][0]].isupper():
            k += 1
            continue
        hit = next(((n, regions[" ".join(keys[k:k + n])]) for n in (2, 1)
                    if k + n <= len(words) and " ".join(keys[k:k + n]) in regions), None)
        if hit is not None:
            n, idx = hit
            follows = words[k + n][0] if k + n < len(words) else None
            if follows is not None and text[follows].isupper() and text[words[k + n - 1][1]:follows] == " ":
                k += n  # "European Union", "Asian Development Bank": an organisation's name
                continue
        elif keys[k] in place_adjs and k + 1 < len(words) and text[words[k][1]:words[k + 1][0]] == " " \
                and text[words[k + 1][0]:words[k + 1][1]] in place_nouns:
            n, idx = 1, place_adjs[keys[k]]  # "the English city of Salisbury", "a Welsh village"
        else:
            found = matcher.match(text, words, k, keys)
            if not found:
                k += 1
                continue
            n, alpha3 = found
            idx = gaz.country_entry.get(alpha3)
        if idx is not None:
            start, end = words[k][0], words[k + n - 1][1]
            out.append(Toponym(start, end, text[start:end], (idx,), "demonym"))
        k += n
    return out


@lru_cache(maxsize=2)
def _region_adjectives(gaz: Gazetteer) -> dict[str, int]:
    """Name key of a region's English adjective ("african") → the region's entry (``aliases.yaml``)."""
    import yaml

    table = yaml.safe_load((RESOURCES / "aliases.yaml").read_text(encoding="utf-8")).get("adjectives") or {}
    by_key = {key: i for key, i in gaz.entries.keyed().items() if gaz.entries[i].kind == "region"}
    return {name_key(adj): by_key[key] for key, adjs in table.items() if key in by_key for adj in adjs}


@lru_cache(maxsize=2)
def _place_adjectives(gaz: Gazetteer) -> tuple[dict[str, int], frozenset[str]]:
    """Adjectives that name a region only before a place noun ("English city", not "English language"),
    and those nouns (``aliases.yaml``: ``place_adjectives``)."""
    import yaml

    table = yaml.safe_load((RESOURCES / "aliases.yaml").read_text(encoding="utf-8")).get("place_adjectives") or {}
    by_key = {key: i for key, i in gaz.entries.keyed().items() if gaz.entries[i].kind == "region"}
    adjs = {name_key(adj): by_key[key] for key, adjs in (table.get("regions") or {}).items() if key in by_key
            for adj in adjs}
    return adjs, frozenset(table.get("nouns") or ())


_STATE_CUE_BEFORE = (", ", "-", "(")


@lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern[str]:
    forms = sorted([f for f in us_state_abbreviations() if "." in f] + list(province_abbreviations()),
                   key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")


def state_abbreviations(text: str, gaz: Gazetteer) -> list[Toponym]:
    """Dotted US state abbreviations anywhere in English text ("Missing Ill. man", "D-S.C.", "the S.C.
    Highway Patrol"), and those of Canadian and Australian provinces ("Ottawa, Ont.", "NSW"); the forms
    that are also words ("Miss.", "Mass.") only after ", ", "-" or "(".

    Example:
        >>> [t.surface for t in state_abbreviations("Rep. Jim Clyburn, D-S.C., said.", get_gazetteer())]
        ['S.C.']
    """
    abbrevs = us_state_abbreviations()
    provinces = province_abbreviations()
    ambiguous = ambiguous_state_abbreviations()
    out = []
    for m in _state_pattern().finditer(text):
        form = m.group(1)
        if form in ambiguous and not text[:m.start()].endswith(_STATE_CUE_BEFORE):
            continue
        state = gaz.admin1_entry.get(provinces[form] if form in provinces else ("USA", abbrevs[form]))
        if state is not None:
            out.append(Toponym(m.start(), m.end(), form, (state,), "scan"))
    return out


_COMMA_NEXT = re.compile(r",\s+((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*\.?)?)")


def _add_comma_hints(text: str, toponyms: list[Toponym], gaz: Gazetteer) -> None:
    """"Alexandria, La." / "Oxford, North Carolina" / "Pandi, Bulacan": the second name narrows the first.

    An abbreviated US state after a town ("La.") becomes a toponym of its own.
    """
    abbrevs = us_state_abbreviations()
    by_start = {t.start: t for t in toponyms}
    extra: list[Toponym] = []
    for t in toponyms:
        m = _COMMA_NEXT.match(text, t.end)
        if not m:
            continue
        nxt = by_start.get(m.start(1))
        if nxt is not None:
            kinds = [gaz.entries[c] for c in nxt.candidates]
            # only a region or country that holds one of the first name's own candidates narrows it:
            # "Mauritania, Mali, Niger" is a list, not Mauritania in Guinea's Mali region
            narrows = any(e.kind in ("admin1", "country") for e in kinds)
            own = [gaz.entries[c] for c in t.candidates] if narrows else []
            admin = [e for e in kinds if e.kind == "admin1"
                     and any(o.country == e.country for o in own if o.kind != "admin1")]
            admin.sort(key=lambda e: not any((o.country, o.admin1) == (e.country, e.admin1) for o in own))
            countries = [e for e in kinds if e.kind == "country"
                         and any(o.country == e.country for o in own if o.kind != "country")]
            if admin:
                t.hint_admin1 = (admin[0].country or "", admin[0].admin1 or "")
            elif countries:
                t.hint_country = countries[0].country
            continue
        word = m.group(1).split()[0]
        code = abbrevs.get(word) or abbrevs.get(m.group(1))
        if code and (word.endswith(".") or word.isupper()):
            t.hint_admin1 = ("USA", code)
            state = gaz.admin1_entry.get(("USA", code))
            if state is not None:
                start = m.start(1)
                extra.append(Toponym(start, start + len(word), word, (state,), "scan"))
    toponyms.extend(extra)
    toponyms.sort(key=lambda t: t.start)
