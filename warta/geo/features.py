"""Sub-city toponyms (streets, buildings, venues, schools, airports) and the town that holds them.

No gazetteer warta ships has "Royal Street", "Dulles International Airport" or "Jalan Sudirman",
yet an analyst would place them: at the town named in their own phrase ("Ferguson's West
Florissant Avenue", "British Embassy Tokyo", "the Tianjin No. 2 Detention Centre", "Elm Street in
Brooklyn"), else at the town the article is about (the town it names most often). The point is the
town's, so the place says so: its precision is the town's (``city``; ``admin`` for a county or
state), its GeoNames id is empty, and its name is the feature's own.

Features are found by their head words, per language, in ``resources/geo/features.yaml``: a
capitalised name ending with ``Street``, ``Church``, ``Airport``… or starting with ``Rue``,
``Jalan``, ``Bandara``…, a lowercase head right after a name ("Heathrow airport"), and a few
landmarks that need no head ("White House" → Washington, "the state Capitol" → the article's town).

Example:
    >>> [(f.surface, f.host) for f in find_features("Crowds filled Royal Street and the White House.", [])]
    [('Royal Street', None), ('White House', 'Washington D.C.')]
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Entity
from .gazetteer import RESOURCES
from .normalize import name_key
from .surnames import PLACE_NOUNS, STRONG_PLACE_CUES, person_surnames

#: abbreviations a full stop and a space may follow inside a feature's name ("Jl. Sudirman", "No. 2")
SHORT_WORDS = frozenset({"St", "Ave", "Rd", "Blvd", "Jl", "Jln", "No", "Mt", "Ft", "Dr"})
#: lowercase words allowed inside a feature's name ("Church of the Holy Spirit", "Rue de Rivoli")
CONNECTORS = frozenset({"of", "the", "de", "des", "du", "la", "le", "del", "van", "von"})
#: model labels that make a weak head ("Center", "Park") an organisation's name instead
ORG_LABELS = ("ORG",)
#: a feature name of more words than this is a run-on of capitalised text, not a name
MAX_WORDS = 8

_WORD = re.compile(r"[\w’'\-]+")
#: numbers that may stand in a name ("14th St.", "No. 2 Detention Centre", "2231 Royal")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")


@dataclass(slots=True, frozen=True)
class Feature:
    start: int
    end: int
    surface: str
    host: str | None = None  # a landmark's town, as a gazetteer name ("Washington D.C.")
    local: bool = False  # a village or area no gazetteer has (``find_local_names``), not a street or building


#: head words by the word a match is looked up with: a suffix head by its last word, a prefix head or a
#: landmark by its first ("Golf Club" under "Club", "Rumah Sakit" under "Rumah")
Heads = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class _Rules:
    suffix: Heads
    weak_suffix: Heads
    lowercase_suffix: frozenset[str]
    prefix: Heads
    landmarks: dict[str, tuple[tuple[tuple[str, ...], str | None], ...]]
    leading: frozenset[str]
    breaks: frozenset[str]
    streets: frozenset[str]
    villages: frozenset[str]


@lru_cache(maxsize=4)
def feature_rules(language: str | None) -> _Rules:
    """The head words of ``features.yaml`` for a language (English for any language but Indonesian)."""
    import yaml

    table: dict[str, Any] = yaml.safe_load((RESOURCES / "features.yaml").read_text(encoding="utf-8"))
    rules = table.get("id" if language == "id" else "en") or {}

    def heads(key: str, at: int) -> Heads:
        out: dict[str, list[tuple[str, ...]]] = {}
        for h in rules.get(key) or ():
            words = tuple(h.split())
            out.setdefault(words[at], []).append(words)
        return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}

    landmarks: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
    for name, host in (rules.get("landmarks") or {}).items():
        words = tuple(name.split())
        landmarks.setdefault(words[0], []).append((words, host))
    return _Rules(heads("suffix", -1), heads("weak_suffix", -1), frozenset(rules.get("lowercase_suffix") or ()),
                  heads("prefix", 0), {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in landmarks.items()},
                  frozenset(rules.get("leading") or ()), frozenset(rules.get("breaks") or ()),
                  frozenset(rules.get("streets") or ()), frozenset(rules.get("villages") or ()))


def _is_cap(word: str) -> bool:
    first = word[:1]
    return first.isupper() or (first.isdigit() and bool(_NUMBER.fullmatch(word)))


def _runs(text: str, stop: frozenset[str] = frozenset()) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (numbers and inner connectors allowed) joined by single spaces."""
    words = [m.span() for m in _WORD.finditer(text)]
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for a, b in words:
        w = text[a:b]
        if cur and w in stop:
            runs.append(cur)  # "Bandara Syamsuddin Noor Selasa pagi": the day is no part of the name
            cur = []
            continue
        if cur:
            pa, pb = cur[-1]
            gap = text[pb:a]
            joined = gap == " " or (gap == ". " and text[pa:pb] in SHORT_WORDS)
            if joined and (_is_cap(w) or w in CONNECTORS):
                cur.append((a, b))
                continue
            runs.append(cur)
            cur = []
        if _is_cap(w):
            cur.append((a, b))
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        while run and text[run[-1][0]:run[-1][1]] in CONNECTORS:
            run = run[:-1]
        if run:
            out.append(run)
    return out


def _ends_with(ws: list[str], j: int, heads: Heads) -> int:
    """Length of the longest head ending at word ``j`` (0 if none)."""
    for h in heads.get(ws[j], ()):
        n = len(h)
        if j + 1 >= n and tuple(ws[j + 1 - n:j + 1]) == h:
            return n
    return 0


def find_features(text: str, entities: Sequence[Entity], *, language: str | None = None) -> list[Feature]:
    """Sub-city toponyms of ``text``, in text order, not overlapping each other.

    Example:
        >>> [f.surface for f in find_features("Ia dirawat di Rumah Sakit Fatmawati, Jakarta.", [], language="id")]
        ['Rumah Sakit Fatmawati']
    """
    rules = feature_rules(language)
    orgs = [(e.start, e.end) for e in entities if e.label in ORG_LABELS]
    names = {e.start for e in entities if e.label in ("PERSON", "ORG")}
    found: list[Feature] = []
    for run in _runs(text, rules.breaks):
        ws = [text[a:b] for a, b in run]
        lo = 0
        while lo < len(ws) - 1 and (ws[lo] in rules.leading or ws[lo] in CONNECTORS):  # "At the Liverpool Academy"
            lo += 1
        hit = _landmark(text, run, ws, lo, rules) or _prefixed(text, run, ws, lo, rules, names) \
            or _suffixed(text, run, ws, lo, rules, orgs)
        if hit is not None:
            found.append(hit)
    found.extend(_plural_streets(text, rules))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Feature] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _landmark(text: str, run: list[tuple[int, int]], ws: list[str], lo: int, rules: _Rules) -> Feature | None:
    ws = [w[:-2] if w.endswith(("'s", "’s")) else w for w in ws]  # "Heathrow’s center"
    for i in range(lo, len(ws)):
        for name, host in rules.landmarks.get(ws[i], ()):
            n = len(name)
            if tuple(ws[i:i + n]) == name and (i + n == len(ws) or ws[i + n] in CONNECTORS
                                               or not _is_cap(ws[i + n])):
                a, b = run[lo][0], run[i + n - 1][1]  # "Stadion Utama Gelora Bung Karno"
                if text[b - 2:b] in ("'s", "’s"):
                    b -= 2
                m = _WORD.match(text, b + 1) if i + n == len(ws) and text[b:b + 1] == " " else None
                if m and m.group() in rules.lowercase_suffix:
                    b = m.end()  # "Heathrow airport"
                return Feature(a, b, text[a:b], host)
    return None


def _prefixed(text: str, run: list[tuple[int, int]], ws: list[str], lo: int, rules: _Rules,
              names: set[int]) -> Feature | None:
    for k in range(lo, len(ws) - 1):  # "TL Jalan Tomang Raya": the name starts at its head
        for h in rules.prefix.get(ws[k], ()):
            n = len(h)
            if tuple(ws[k:k + n]) == h and len(ws) > k + n:
                # a person or organisation named right after it is no part of it ("Bandara Syamsuddin
                # Noor Aditya Putra Patria")
                last = next((j - 1 for j in range(k + n + 1, len(ws)) if run[j][0] in names), len(ws) - 1)
                if last - k + 1 > MAX_WORDS:
                    return None
                a, b = run[k][0], run[last][1]
                return Feature(a, b, text[a:b])
    return None


def _suffixed(text: str, run: list[tuple[int, int]], ws: list[str], lo: int, rules: _Rules,
              orgs: list[tuple[int, int]]) -> Feature | None:
    for j in range(len(ws) - 1, lo, -1):
        n = _ends_with(ws, j, rules.suffix)
        weak = False
        if not n:
            n = _ends_with(ws, j, rules.weak_suffix)
            weak = bool(n)
        if n and j + 1 - n > lo and j + 1 - lo <= MAX_WORDS:
            a, b = run[lo][0], run[j][1]
            if text[b:b + 1] == "." and ws[j] in SHORT_WORDS:
                b += 1  # "14th St."
            if weak and any(s < b and a < e for s, e in orgs):
                return None
            return Feature(a, b, text[a:b])
    # a lowercase head right after the name: "Heathrow airport"
    a, b = run[lo][0], run[-1][1]
    m = _WORD.match(text, b + 1) if text[b:b + 1] == " " else None
    plural = m is not None and m.group().endswith("s") and m.group()[:-1] in rules.lowercase_suffix
    if m and m.group() in rules.lowercase_suffix and not plural and len(ws) - lo <= MAX_WORDS:
        return Feature(a, m.end(), text[a:m.end()])
    return None


def _plural_streets(text: str, rules: _Rules) -> list[Feature]:
    """"Bourbon and Dauphine streets": each name before a plural lowercase head is a feature."""
    plurals = sorted(h for h in rules.lowercase_suffix if h.endswith("s") and h[:-1] in rules.lowercase_suffix)
    if not plurals:
        return []
    name = r"[A-Z][\w’']*(?: [A-Z][\w’']*)?"
    pattern = re.compile(rf"({name})((?:, {name})*,? and ({name})) ({'|'.join(plurals)})\b")
    out = []
    for m in pattern.finditer(text):
        for part in re.finditer(name, m.group(0)[: m.start(4) - m.start(0)]):
            out.append(Feature(m.start(0) + part.start(), m.start(0) + part.end(), part.group()))
    return out


#: a town inside a feature's name or right after it holds the feature if it lies this close to the
#: article's own town (or the article has none); farther, it is more often a namesake ("Carnegie Library")
HOST_NEAR_KM = 300.0
#: ... unless it is a state or province, or a town at least this large ("Ohio State University")
NAMED_HOST_POPULATION = 100_000
#: gazetteer kinds that can hold a feature (never a country: "the Russian Embassy")
HOST_KINDS = ("city", "admin2", "admin1")
#: text between a feature and the town named right after it ("Elm Street in Brooklyn", "Embassy Tokyo")
_AFTER = re.compile(r"(?:,\s*|\s+(?:in|di)\s+|\s)$")
#: text between a town and the feature right after it ("Ferguson's West Florissant Avenue")
_BEFORE = ("'s ", "’s ")


@dataclass(slots=True)
class Located:
    """Where the features go: the entry index of each feature's town (None: left out), and the toponyms
    that a feature covers (left out of the places: "Rogers" in "Rogers Centre")."""

    hosts: list[int | None]
    covered: set[int]


def locate_features(text: str, features: Sequence[Feature], toponyms: Sequence[Any], chosen: Sequence[int],
                    *, gazetteer: Any) -> Located:
    """The town that holds each feature, from the resolved ``toponyms`` (``chosen`` = their entries).

    Example:
        >>> from warta.geo.detect import find_toponyms
        >>> from warta.geo.gazetteer import get_gazetteer
        >>> from warta.geo.resolve import resolve
        >>> text = "Police closed Royal Street in New Orleans."
        >>> tops, gaz = find_toponyms(text, []), get_gazetteer()
        >>> where = locate_features(text, find_features(text, []), tops, resolve(tops), gazetteer=gaz)
        >>> gaz.entries[where.hosts[0]].name
        'New Orleans'
    """
    from .resolve import haversine_km

    if not features:
        return Located([], set())
    entries = gazetteer.entries
    inside: dict[int, list[int]] = {}
    covered: set[int] = set()
    for fi, f in enumerate(features):
        for ti, t in enumerate(toponyms):
            if f.start <= t.start and t.end <= f.end:
                inside.setdefault(fi, []).append(ti)
                covered.add(ti)
    own = own_town(toponyms, chosen, entries, covered)
    streets = feature_rules("en").streets | feature_rules("id").streets
    villages = feature_rules("en").villages | feature_rules("id").villages
    outside = {chosen[ti] for ti in range(len(toponyms)) if ti not in covered}
    by_start = {t.start: ti for ti, t in enumerate(toponyms)}
    by_end = {t.end: ti for ti, t in enumerate(toponyms)}

    def near(i: int, j: int | None) -> bool:
        if j is None:
            return True
        a, b = entries[i], entries[j]
        if a.kind == "admin1" or b.kind == "admin1":
            return (a.country, a.admin1) == (b.country, b.admin1)
        return a.lat is not None and b.lat is not None and haversine_km(a.lat, a.lon, b.lat, b.lon) <= HOST_NEAR_KM

    hosts: list[int | None] = []
    for fi, f in enumerate(features):
        host: int | None = None
        if f.host is not None:
            host = _landmark_town(gazetteer, f.host)
        state: int | None = None  # "... Airport in Montana": the town inside the state is more precise
        if host is None:
            host = _named_next_to(text, f, toponyms, chosen, entries, by_start, by_end, covered,
                                  comma_states_only=f.local)
            if host is not None and entries[host].kind == "admin1":
                state, host = host, None
        inner = inside.get(fi, [])
        words = f.surface.split()
        if words and words[0] in villages:
            host = host if host is not None else _chain_host(text, f, toponyms, chosen, entries, covered)
            if host is not None:
                # the village's own name is a town of its chain only when it lies beside the chain's unit (GeoNames
                # has a dozen Purwodadi); else it stays covered, no place of its own
                own_name = [chosen[ti] for ti in inner if entries[chosen[ti]].kind == "city"
                            and _km(entries[chosen[ti]], entries[host]) <= VILLAGE_NEAR_KM]
                hosts.append(own_name[0] if own_name else host)
                continue
        street = own is not None and bool(words) and (words[0] in streets or words[-1].rstrip(".") in streets)
        whole = [ti for ti in inner if (toponyms[ti].start, toponyms[ti].end) == (f.start, f.end)]
        if host is None and whole and near(chosen[whole[0]], own):
            covered.discard(whole[0])  # a town of that name where the article is: "Washington Square"
            hosts.append(None)
            continue
        named: list[int] = []  # towns the phrase names and the article means
        for ti in inner:
            if ti in whole:
                continue
            if text[toponyms[ti].end:toponyms[ti].end + 3] in _BEFORE and entries[chosen[ti]].kind in HOST_KINDS:
                host = host if host is not None else chosen[ti]  # "Butte's Bert Mooney Airport"
                covered.discard(ti)
                continue
            if entries[chosen[ti]].kind not in HOST_KINDS:
                continue  # "British" in "British International School", "Indonesia" in "Universitas Indonesia"
            # a name inside the feature that the article also names as a place, or that can be a town
            # near the article's own, is that town; otherwise it is more often a namesake ("Carnegie Library")
            close = [c for c in toponyms[ti].candidates if entries[c].kind in HOST_KINDS and near(c, own)]
            if chosen[ti] in outside:
                named.append(chosen[ti])
                covered.discard(ti)
            elif close:
                named.append(max(close, key=lambda c: (entries[c].kind == "city", entries[c].population)))
                covered.discard(ti)
            elif street:
                continue  # "Northumberland Avenue" in a Saskatoon story: a street named after a far place
            elif entries[chosen[ti]].kind != "city" or entries[chosen[ti]].population >= NAMED_HOST_POPULATION:
                named.append(chosen[ti])  # "Ohio State University", "Dallas Cowboys' stadium"
                covered.discard(ti)
        if host is None:
            towns = [i for i in named if entries[i].kind == "city"]
            if towns:
                host = towns[0]
            elif own is not None and all(near(i, own) for i in named):
                host = own
            elif named:
                host = named[0]  # "California Polytechnic State University" in a Florida story
        if state is not None and (host is None or (entries[host].country, entries[host].admin1)
                                  != (entries[state].country, entries[state].admin1)):
            host = state
        hosts.append(host)
    return Located(hosts, covered)


def own_town(toponyms: Sequence[Any], chosen: Sequence[int], entries: Any, covered: set[int]) -> int | None:
    """The town the article is about: the named town with the most mentions of itself and of the places
    near it (a story about Gainesville, Va. names Haymarket, Centreville and Virginia too; the
    stray "Norbury" three times); a tie goes to the town named first. Else its most-named state."""
    from .resolve import haversine_km

    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    for ti, idx in enumerate(chosen):
        if ti in covered or entries[idx].kind not in HOST_KINDS:
            continue
        counts[idx] = counts.get(idx, 0) + 1
        first.setdefault(idx, ti)
    towns = [i for i in counts if entries[i].kind in ("city", "admin2")]
    if not towns:
        return min(counts, key=lambda i: (-counts[i], first[i])) if counts else None

    def support(i: int) -> int:
        a = entries[i]
        total = 0
        for j, n in counts.items():
            b = entries[j]
            if j == i or (b.kind == "admin1" and (a.country, a.admin1) == (b.country, b.admin1)) or (
                    b.kind != "admin1" and a.lat is not None and b.lat is not None
                    and haversine_km(a.lat, a.lon, b.lat, b.lon) <= HOST_NEAR_KM):
                total += n
        return total

    return min(towns, key=lambda i: (-support(i), -counts[i], first[i]))


def _named_next_to(text: str, f: Feature, toponyms: Sequence[Any], chosen: Sequence[int], entries: Any,
                   by_start: dict[int, int], by_end: dict[int, int], covered: set[int], *,
                   comma_states_only: bool = False) -> int | None:
    """A town named right after the feature ("in Brooklyn", ", Jakarta", "Embassy Tokyo") or right
    before it with a possessive ("Ferguson's West Florissant Avenue"); ``comma_states_only``: after a
    comma only a state ("Matias Romero, Oaxaca State", not "Beyond Madinaty, Liverpool have")."""
    for gap in range(1, 6):
        ti = by_start.get(f.end + gap)
        if ti is not None and ti not in covered and _AFTER.search(text[f.end:f.end + gap]) and text[f.end:f.end + gap].strip(" ,") \
                in ("", "in", "di"):
            kind = entries[chosen[ti]].kind
            if kind in HOST_KINDS and not (comma_states_only and "," in text[f.end:f.end + gap] and kind != "admin1"):
                return chosen[ti]
    for sep in _BEFORE:
        if text[max(0, f.start - len(sep)):f.start] == sep:
            ti = by_end.get(f.start - len(sep))
            if ti is not None and ti not in covered and entries[chosen[ti]].kind in HOST_KINDS:
                return chosen[ti]
    return None


#: a town named like a village lies this close to the village's district or regency if it is that village
VILLAGE_NEAR_KM = 15.0
#: how far after a village an administrative chain may name its district or regency
CHAIN_CHARS = 120
#: what may stand between a village and the next unit of its chain: commas and capitalised words (other villages,
#: "RT 03/RW 06"), no lowercase word
_CHAIN_GAP = re.compile(r"^(?:[\s,]|[A-Z][\w'-]*|\d+|/)*$")


def _km(a: Any, b: Any) -> float:
    from .resolve import haversine_km

    return haversine_km(a.lat, a.lon, b.lat, b.lon) if None not in (a.lat, b.lat) else float("inf")


def _chain_host(text: str, f: Feature, toponyms: Sequence[Any], chosen: Sequence[int], entries: Any,
                covered: set[int]) -> int | None:
    """The first district, regency or town named after a village in its administrative chain ("Desa
    Purwodadi, Kecamatan Tepus, Kabupaten Gunungkidul" → Kecamatan Tepus)."""
    for ti, t in enumerate(toponyms):
        if ti in covered or t.start < f.end or t.start > f.end + CHAIN_CHARS:
            continue
        if entries[chosen[ti]].kind in HOST_KINDS and _CHAIN_GAP.match(text[f.end:t.start]):
            return chosen[ti]
        break
    return None


def _landmark_town(gazetteer: Any, name: str) -> int | None:
    cands = gazetteer.lookup(name)
    towns = [c for c in cands if gazetteer.entries[c].kind == "city"]
    preferred = [c for c in towns if c in gazetteer.preferred]
    pool = preferred or towns
    return max(pool, key=lambda c: gazetteer.entries[c].population) if pool else None


#: model labels whose spans may name a place no gazetteer has ("Portroe", "Fire Island", "Madinaty")
LOCAL_LABELS = ("GPE", "LOC", "FAC")
#: words right before such a span that show it is a place (a model PERSON/ORG span needs the strong ones,
#: ``STRONG_PLACE_CUES``; "<noun> of" names a place too: ``PLACE_NOUNS``, "the suburb of Madinaty")
LOCAL_CUES = frozenset("in at near from outside of to on di ke dari dekat".split())
#: longest unknown name taken, in words
LOCAL_MAX_WORDS = 4


def find_local_names(text: str, entities: Sequence[Entity], taken: Sequence[tuple[int, int]]) -> list[Feature]:
    """Model place spans that neither the gazetteer nor the feature rules know, after a place word
    ("applicants in Portroe", "a ferry to and from Fire Island"), and model PERSON spans after a
    strong one ("in Matias Romero", "near Gwbert"): a village or area the article's own town stands for.
    ``taken``: spans already read as toponyms or features.

    Example:
        >>> from warta.model import Entity
        >>> text = "There are 26 applicants in Portroe."
        >>> [f.surface for f in find_local_names(text, [Entity("e1", 27, 34, "Portroe", "GPE")], [])]
        ['Portroe']
    """
    out: list[Feature] = []
    surnames = person_surnames(text, entities)
    for ent in entities:
        strong = ent.label not in LOCAL_LABELS
        if strong and ent.label != "PERSON":
            continue  # an organisation after "di"/"in" is one ("di Bekraf", "in Congress")
        start, surface = ent.start, ent.text
        if surface.lower().startswith("the "):
            start, surface = start + 4, surface[4:]
        words = surface.split()
        if not words or len(words) > LOCAL_MAX_WORDS or not all(w[:1].isupper() for w in words):
            continue
        letters = surface.replace(".", "")
        if letters.isupper() and len(letters) <= 4:
            continue  # an acronym ("SA", "EU") is no village
        if len(words) == 1 and name_key(surface) in surnames:
            continue  # "listening to Howarth" after "Jerry Howarth": the person
        end = start + len(surface)
        if any(s < end and start < e for s, e in taken):
            continue
        before = [w.lower() for w in text[max(0, ent.start - 30):ent.start].split()]
        cued = bool(before) and before[-1] in (STRONG_PLACE_CUES if strong else LOCAL_CUES)
        # "the gated suburb of Madinaty", "the village of Nagrig"
        named = len(before) > 1 and before[-1] == "of" and before[-2] in PLACE_NOUNS
        if not (cued or named or ent.label == "FAC"):  # a model facility needs no cue ("Pearl Harbor")
            continue
        out.append(Feature(start, end, surface, local=True))
    return _repeated(text, out, taken)


def _repeated(text: str, names: list[Feature], taken: Sequence[tuple[int, int]]) -> list[Feature]:
    """Every other mention of a local name found once ("the suburb of Madinaty" ... "Beyond Madinaty")."""
    if not names:
        return names
    spans = list(taken) + [(f.start, f.end) for f in names]
    out = list(names)
    for surface in dict.fromkeys(f.surface for f in names):
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                out.append(Feature(m.start(), m.end(), surface, local=True))
                spans.append(m.span())
    return sorted(out, key=lambda f: f.start)
