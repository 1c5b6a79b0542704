"""Choosing one gazetteer entry per toponym from the article's context.

Three passes over the article. Pass one scores each candidate on its own (kind, population,
primary or alternate name, an explicit "Town, State" hint, the article's language);
winners that are clear become *anchors*. Pass two adds context from the anchors: the
countries and first-level regions they lie in, and closeness to them. Pass three repeats
pass two with every pass-two choice as context. A name never counts as context for itself, nor does
another name for the same place ("Walton" beside "Walton County"). One sense per
discourse: every mention of the same name resolves the same way (unless a "Town, State"
hint says otherwise). With the text, three list and cue rules follow: a town listed beside a state
of its country is the state, a country's name listed beside a country is the country ("Mauritania,
Mali, Niger"), and a town's name with a cue word beside it is the state ("a Washington state farm",
the words in ``resources/geo/cues.yaml``).

Example:
    >>> from warta.geo.detect import find_toponyms
    >>> text = "Rudal Ukraina jatuh di dekat Donetsk."
    >>> tops = find_toponyms(text, [])
    >>> [get_gazetteer().entries[i].country for i in resolve(tops, language="id")]
    ['UKR', 'UKR']
"""
from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from .detect import Toponym
from .gazetteer import LANGUAGE_COUNTRY, Entry, Gazetteer, get_gazetteer, place_cues
from .normalize import name_key

#: prior by entry kind: a name that is a country's almost always means the country
KIND_PRIOR = {"country": 9.0, "region": 9.0, "admin1": 8.0, "admin2": 8.0, "city": 0.0}
#: weight of log10(population) for towns
POPULATION_WEIGHT = 1.0
#: a match through a GeoNames alternate name only
ALTERNATE_PENALTY = 2.5
#: per anchor in the candidate's country (capped at COUNTRY_CAP anchors)
COUNTRY_BONUS = 3.0
COUNTRY_CAP = 2
#: a name that is a country's or a region's own name keeps that sense over towns of the same
#: name ("Mexico", "Atlantic") unless "Town, State" says otherwise
TOWN_UNDER_COUNTRY_PENALTY = 12.0
#: a name that is a first-level region's own name ("Florida", "Oregon") keeps that sense over the towns
#: of the same name and country smaller than TOWN_UNDER_ADMIN1_POPULATION
TOWN_UNDER_ADMIN1_PENALTY = 6.0
TOWN_UNDER_ADMIN1_POPULATION = 100_000
#: towns of warta's alias table ("Washington" → the capital) and big cities (500,000 rather than a
#: million: dev halves GeoWebNews +1, LGL +5, GeoVirus +1 toponyms, TR-News equal)
PREFERRED_BONUS = 3.0
BIG_CITY_POPULATION = 500_000
BIG_CITY_BONUS = 2.0
#: another name of the article lies in the candidate's first-level region (once: counting two names
#: measured worse on LGL dev, 0.805 → 0.804)
ADMIN1_BONUS = 3.0
#: and more when that region is named itself ("Tennessee"), not only other towns in it
NAMED_ADMIN1_BONUS = 2.0
#: "Town, State" or "Town, Country" right after the name
HINT_BONUS = 10.0
#: a town within NEAR_KM of another name's anchor (once: counting two names, or counties too, measured
#: no better on the dev halves)
NEAR_KM = 300.0
NEAR_BONUS = 2.0
#: a plausible sense of another name lies within CLOSE_KM of the candidate (a town beside its county,
#: two villages of one valley): "Huntsville" with "Walker County" is Texas's pair, not Alabama's; a sense
#: is plausible when its own score is within PLAUSIBLE_MARGIN of its name's best
CLOSE_KM = 50.0
CLOSE_BONUS = 2.0
PLAUSIBLE_MARGIN = 2.0
#: a name with more plausible senses than this (a county name of a dozen states) vouches for none
MAX_PLAUSIBLE = 4
#: grid cell (degrees) for the closeness search: one degree is at least CLOSE_KM up to 63° of latitude
CLOSE_CELL_DEGREES = 1.0
#: bonus for a candidate in the country the article's language suggests (``LANGUAGE_COUNTRY``)
LANGUAGE_BONUS = 1.5
#: pass-one margin above which a winner becomes an anchor
ANCHOR_MARGIN = 2.0
#: anchors kept for the closeness test
MAX_POINTS = 30
#: votes of a hinted mention in the one-sense-per-discourse step
HINTED_VOTE = 10
#: a candidate list this long is not scored in full (very common names): the largest N are kept
MAX_CANDIDATES = 60


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _base_score(e: Entry, t: Toponym, language: str | None, *, preferred: bool, under_country: bool,
                under_admin1: bool = False) -> float:
    score = KIND_PRIOR.get(e.kind, 0.0)
    if e.kind == "city":
        score += POPULATION_WEIGHT * math.log10(e.population + 10)
        if preferred:
            score += PREFERRED_BONUS
        if e.population >= BIG_CITY_POPULATION:
            score += BIG_CITY_BONUS
        if under_country:
            score -= TOWN_UNDER_COUNTRY_PENALTY
        if under_admin1 and e.population < TOWN_UNDER_ADMIN1_POPULATION:
            score -= TOWN_UNDER_ADMIN1_PENALTY
    elif e.kind == "country":
        score += 0.5 * math.log10(e.population + 10)
    if t.alternate_only:
        score -= ALTERNATE_PENALTY
    if t.hint_admin1 and (e.country, e.admin1) == t.hint_admin1:
        score += HINT_BONUS
    if t.hint_country and e.country == t.hint_country and e.kind != "country":
        score += HINT_BONUS
    if language and e.country == LANGUAGE_COUNTRY.get(language):
        score += LANGUAGE_BONUS
    return score


class _Context:
    """What the anchors say, per name key so that a name never supports itself; an anchor that is one of
    a toponym's own candidates ("Walton" beside "Walton County") does not support it either."""

    def __init__(self) -> None:
        self.countries: dict[str, Counter[str]] = {}  # name key → countries of its anchors
        self.admin1: dict[tuple[str, str], dict[str, set[int]]] = {}  # (alpha-3, admin1) → name key → entries
        self.points: list[tuple[float, float, str, int]] = []  # lat, lon, name key, entry
        self.named: dict[tuple[str, str], set[str]] = {}  # (alpha-3, admin1) → name keys that are the region

    def country_count(self, country: str, own: str) -> int:
        return sum(c.get(country, 0) for key, c in self.countries.items() if key != own)

    def in_admin1(self, region: tuple[str, str], own: str, cands: frozenset[int]) -> bool:
        """Whether another name has an anchor in ``region`` that is not one of the toponym's own candidates."""
        return any(key != own and not idx <= cands for key, idx in self.admin1.get(region, {}).items())


def _context_score(e: Entry, ctx: _Context, own: str, cands: frozenset[int] = frozenset()) -> float:
    score = 0.0
    if e.country:
        score += COUNTRY_BONUS * min(COUNTRY_CAP, ctx.country_count(e.country, own))
    if e.kind in ("city", "admin2") and e.admin1 and ctx.in_admin1((e.country or "", e.admin1), own, cands):
        score += ADMIN1_BONUS
        if ctx.named.get((e.country or "", e.admin1), set()) - {own}:
            score += NAMED_ADMIN1_BONUS
    if e.kind == "city" and e.lat is not None:
        for lat, lon, key, idx in ctx.points:
            if key != own and idx not in cands and _near(e.lat, e.lon, lat, lon):
                score += NEAR_BONUS
                break
    return score


def _near(lat1: float, lon1: float, lat2: float, lon2: float) -> bool:
    # a cheap box test first: one degree of latitude is 111 km
    if abs(lat1 - lat2) * 111.0 > NEAR_KM:
        return False
    return haversine_km(lat1, lon1, lat2, lon2) <= NEAR_KM


def _add_anchor(ctx: _Context, key: str, best: Entry, idx: int = -1) -> None:
    if best.country:
        ctx.countries.setdefault(key, Counter())[best.country] += 1
    if best.kind in ("admin1", "admin2", "city") and best.admin1 and best.country:
        ctx.admin1.setdefault((best.country, best.admin1), {}).setdefault(key, set()).add(idx)
        if best.kind == "admin1":
            ctx.named.setdefault((best.country, best.admin1), set()).add(key)
    if best.lat is not None and len(ctx.points) < MAX_POINTS and best.kind != "country":
        ctx.points.append((best.lat, best.lon, key, idx))


def _pick(scores: dict[int, float], entries: list[Entry], ctx: _Context, key: str) -> int:
    if len(scores) == 1:
        return next(iter(scores))
    cands = frozenset(scores)
    total = {c: s + _context_score(entries[c], ctx, key, cands) for c, s in scores.items()}
    return max(total, key=total.get)


def _pruned(cands: tuple[int, ...], entries: list[Entry]) -> tuple[int, ...]:
    if len(cands) <= MAX_CANDIDATES:
        return cands
    keep = [c for c in cands if entries[c].kind != "city"]
    towns = sorted((c for c in cands if entries[c].kind == "city"), key=lambda c: -entries[c].population)
    return tuple(keep + towns[: MAX_CANDIDATES - len(keep)])


def resolve(toponyms: Sequence[Toponym], *, language: str | None = None,
            gazetteer: Gazetteer | None = None, text: str | None = None) -> list[int]:
    """One entry index per toponym (same order); with the ``text``, a town named in a list of states
    that is also a state's name is the state ("California or Washington")."""
    gaz = gazetteer or get_gazetteer()
    entries = gaz.entries
    pruned = [_pruned(t.candidates, entries) for t in toponyms]
    ents = {c: entries[c] for cands in pruned for c in cands}  # each record built once
    base = []
    for t, cands in zip(toponyms, pruned):
        under = not t.alternate_only and any(ents[c].kind in ("country", "region") for c in cands)
        # "Florida, New York" is a village; "Florida" alone is the state of the village's own country
        states = {ents[c].country for c in cands if ents[c].kind == "admin1"} if not t.alternate_only else set()
        base.append({c: _base_score(ents[c], t, language, preferred=c in gaz.preferred, under_country=under,
                                    under_admin1=ents[c].country in states) for c in cands})

    keys = [name_key(t.surface) for t in toponyms]
    for i, c in _close_pairs(base, keys, ents):
        base[i][c] += CLOSE_BONUS
    ctx = _Context()
    for key, scores in zip(keys, base):
        ranked = sorted(scores.values(), reverse=True)
        margin = ranked[0] - ranked[1] if len(ranked) > 1 else math.inf
        if margin < ANCHOR_MARGIN:
            continue
        best = max(scores, key=scores.get)
        _add_anchor(ctx, key, entries[best], best)

    memo: dict[tuple[str, frozenset[tuple[int, float]]], int] = {}  # repeated mentions of a name decide once

    def pick(scores: dict[int, float], key: str) -> int:
        sig = (key, frozenset(scores.items()))
        if sig not in memo:
            memo[sig] = _pick(scores, entries, ctx, key)
        return memo[sig]

    first = [pick(scores, key) for key, scores in zip(keys, base)]
    # pass three: every pass-two choice is context for the others (never for its own name)
    ctx = _Context()
    memo.clear()
    for key, idx in zip(keys, first):
        _add_anchor(ctx, key, entries[idx], idx)
    chosen: list[int] = []
    by_name: dict[str, Counter[int]] = {}
    for key, t, scores in zip(keys, toponyms, base):
        best = pick(scores, key)
        chosen.append(best)
        # a mention narrowed by "Town, State" speaks for the bare mentions of the same name
        weight = HINTED_VOTE if (t.hint_admin1 or t.hint_country) else 1
        by_name.setdefault(key, Counter())[best] += weight
    # one sense per discourse for mentions without their own hint
    for i, t in enumerate(toponyms):
        if t.hint_admin1 or t.hint_country:
            continue
        votes = by_name.get(keys[i])
        if votes and len(votes) > 1:
            chosen[i] = votes.most_common(1)[0][0]
    if text is not None:
        _states_in_lists(text, toponyms, chosen, entries)
        _countries_in_lists(text, toponyms, chosen, entries)
        _regions_by_cue(text, toponyms, chosen, entries, language)
    return chosen


def _close_pairs(base: Sequence[dict[int, float]], keys: Sequence[str],
                 entries: Mapping[int, Entry]) -> set[tuple[int, int]]:
    """(toponym, candidate) pairs with a plausible sense of another name within ``CLOSE_KM``: the pairs
    of local senses that vouch for each other whichever way the passes go."""
    cells: dict[tuple[int, int], list[tuple[float, float, str, int]]] = {}
    plaus: list[list[int]] = []
    for i, scores in enumerate(base):
        top = max(scores.values(), default=0.0)
        keep = [c for c, s in scores.items() if s >= top - PLAUSIBLE_MARGIN and entries[c].kind in ("city", "admin2")
                and entries[c].lat is not None]
        plaus.append(keep)
    seen: set[tuple[str, int]] = set()
    for i, keep in enumerate(plaus):
        if len(keep) > MAX_PLAUSIBLE:
            continue
        for c in keep:
            if (keys[i], c) in seen:
                continue
            seen.add((keys[i], c))
            e = entries[c]
            cells.setdefault((int(e.lat // CLOSE_CELL_DEGREES), int(e.lon // CLOSE_CELL_DEGREES)), []).append(
                (e.lat, e.lon, keys[i], c))
    out: set[tuple[int, int]] = set()
    if len({key for _, _, key, _ in itertools.chain.from_iterable(cells.values())}) < 2:
        return out  # one name alone vouches for nothing
    memo: dict[tuple[str, int], bool] = {}
    for i, keep in enumerate(plaus):
        own = frozenset(base[i])
        for c in keep:
            if (keys[i], c) not in memo:
                e = entries[c]
                cy, cx = int(e.lat // CLOSE_CELL_DEGREES), int(e.lon // CLOSE_CELL_DEGREES)
                memo[keys[i], c] = any(
                    key != keys[i] and idx not in own and haversine_km(e.lat, e.lon, lat, lon) <= CLOSE_KM
                    for dy in (-1, 0, 1) for dx in (-1, 0, 1) for lat, lon, key, idx in cells.get((cy + dy, cx + dx), ()))
            if memo[keys[i], c]:
                out.add((i, c))
    return out


#: what may stand between two names of one list ("California or Washington", "Texas, Ohio and Utah")
_LIST_GAPS = (", ", " and ", " or ", ", and ", ", or ", " & ")


def _states_in_lists(text: str, toponyms: Sequence[Toponym], chosen: list[int], entries: Sequence[Entry]) -> None:
    """A town that shares its name with a state ("Washington", "New York") listed next to a state of the
    same country is the state: "western states such as California or Washington"."""
    for i, t in enumerate(toponyms):
        if entries[chosen[i]].kind != "city" or t.hint_admin1 or t.hint_country:
            continue  # "Washington, D.C." is the town of a "Town, State"
        for j in (i - 1, i + 1):
            if not 0 <= j < len(toponyms) or entries[chosen[j]].kind != "admin1":
                continue
            a, b = (toponyms[j], t) if j < i else (t, toponyms[j])
            gap = text[a.end:b.start]
            if gap not in _LIST_GAPS or (j > i and gap == ", "):
                continue
            state = entries[chosen[j]]
            if state.country != entries[chosen[i]].country:
                continue  # "Cornwall and Kent" read as England's county beside a Connecticut town
            same = [c for c in t.candidates if entries[c].kind == "admin1" and entries[c].country == state.country]
            if same:
                chosen[i] = same[0]
                break


def _countries_in_lists(text: str, toponyms: Sequence[Toponym], chosen: list[int], entries: Sequence[Entry]) -> None:
    """A country's own name listed next to a country is the country, not a region or town of that name
    in a neighbour: "Burkina Faso, Guinea, Mauritania, Mali, Niger, and Senegal"."""
    for i, t in enumerate(toponyms):
        if t.alternate_only or t.hint_admin1 or t.hint_country or entries[chosen[i]].kind == "country":
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(toponyms):
                continue
            a, b = (toponyms[j], t) if j < i else (t, toponyms[j])
            if text[a.end:b.start] not in _LIST_GAPS or entries[chosen[j]].kind != "country":
                continue
            own = next((c for c in t.candidates if entries[c].kind == "country"), None)
            if own is not None:
                chosen[i] = own
            break


@lru_cache(maxsize=4)
def _admin1_cues(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words after and before a name that make it a first-level region (``resources/geo/cues.yaml``)."""
    table = place_cues()
    cues = table.get(language or "en") or table["en"]
    return tuple(cues.get("admin1_after") or ()), tuple(w.lower() for w in cues.get("admin1_before") or ())


#: characters read after a name for a cue word (the longest cue and the character after it)
CUE_WINDOW = 16


def _regions_by_cue(text: str, toponyms: Sequence[Toponym], chosen: list[int], entries: Sequence[Entry],
                    language: str | None) -> None:
    """A name read as a town is its first-level region when a cue word stands beside it: "a Washington
    state farm", "the state of Washington" (the state's entry of the town's country when there is one)."""
    after, before = _admin1_cues(language)
    for i, t in enumerate(toponyms):
        here = entries[chosen[i]]
        if here.kind != "city" or t.hint_admin1 or t.hint_country:
            continue
        nxt = text[t.end:t.end + CUE_WINDOW]
        prev = text[max(0, t.start - 16):t.start].lower()
        if not (any(nxt.startswith(f" {w}") and not nxt[len(w) + 1:len(w) + 2].isalpha() for w in after)
                or any(prev.endswith(f"{w} ") for w in before)):
            continue
        regions = [c for c in t.candidates if entries[c].kind == "admin1"]
        if regions:
            chosen[i] = next((c for c in regions if entries[c].country == here.country), regions[0])


#: a doubtful mention ("Douma" tagged PERSON, a small town's name after a capitalised word) is a place
#: when one of its towns lies this close to a town the article names
DOUBTFUL_NEAR_KM = 150.0


def confirm_doubtful(doubtful: Sequence[Toponym], toponyms: Sequence[Toponym], chosen: Sequence[int], *,
                     gazetteer: Gazetteer | None = None) -> list[tuple[Toponym, int]]:
    """Doubtful mentions that the resolved places vouch for: the town of that name nearest to a resolved
    town within ``DOUBTFUL_NEAR_KM`` ("Douma" in a story about Eastern Ghouta and Damascus, "Almelo"
    beside Hilversum), with the entry chosen; the others stay out.

    Example:
        >>> from warta.geo.detect import find_toponyms
        >>> text = "Trains from Amsterdam stop in Hilversum. Almelo waits."
        >>> doubtful = []
        >>> tops = find_toponyms(text, [], doubtful=doubtful)
        >>> [(t.surface, get_gazetteer().entries[i].country) for t, i in confirm_doubtful(doubtful, tops, resolve(tops))]
        [('Almelo', 'NLD')]
    """
    gaz = gazetteer or get_gazetteer()
    entries = gaz.entries
    points = [(entries[i].lat, entries[i].lon, name_key(t.surface)) for t, i in zip(toponyms, chosen)
              if entries[i].kind in ("city", "admin2") and entries[i].lat is not None]
    taken = [(t.start, t.end) for t in toponyms]
    out: list[tuple[Toponym, int]] = []
    for t in doubtful:
        if any(s < t.end and t.start < e for s, e in taken):
            continue
        own = name_key(t.surface)
        best, best_km = None, DOUBTFUL_NEAR_KM
        for c in t.candidates:
            e = entries[c]
            if e.kind != "city" or e.lat is None:
                continue
            for lat, lon, key in points:
                if key != own and abs(lat - e.lat) * 111.0 <= best_km:
                    km = haversine_km(e.lat, e.lon, lat, lon)
                    if km <= best_km:
                        best, best_km = c, km
        if best is not None:
            out.append((t, best))
            taken.append((t.start, t.end))
    return out
