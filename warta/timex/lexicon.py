"""Load a language's time lexicon (``warta/resources/timex/<lang>.yaml``) and compile its rules once.

A rule pattern is a regular expression with ``{class}`` placeholders; each placeholder becomes a named
group whose alternatives come from the lexicon (``{month}`` → ``(?P<month>januari|februari|...)``), so
the words live in the data file and the regex is built, and compiled, once per language.

Example:
    >>> g = load_grammar("id")
    >>> g.months["oktober"], g.weekdays["selasa"], g.rules[0].name
    (10, 2, 'iso_date')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "timex"
LANGUAGES = ("id", "en", "es")
FLAGS = re.IGNORECASE | re.UNICODE

#: Placeholders that are plain regexes rather than word lists.
NUMERIC_CLASSES = {
    "day": r"0?[1-9]|[12]\d|3[01]",
    "mon": r"0?[1-9]|1[0-2]",
    "year": r"1[0-9]\d\d|20\d\d|2100",
    "yy": r"\d\d",
    "digits": r"\d{1,3}",
}
#: What ``\s`` means inside rule patterns: any white space but a newline.
BLANK = r"[^\S\n]"
BLANK_IN_CLASS = r" \t\u00a0\u2009\u202f"
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
#: Words as the trigger index sees them: letters or digits (so "40-an" gives "40", "an").
WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
#: How many words before its trigger word a rule's expression may start, unless the rule says.
DEFAULT_BACK = 6
#: The trigger key of any all-digit word.
NUMBER_TRIGGER = "number"
#: Lexicon sections that can be named in a rule's ``needs`` → the section's words.
TRIGGER_SECTIONS = {
    "month": ("months", "month_abbrevs"),
    "monthname": ("months",),
    "weekday": ("weekdays",),
    "dayword": ("day_words",),
    "unit": ("units",),
    "rel": ("deictic",),
    "part": ("parts",),
    "vague": ("vague_numbers",),
    "season": ("seasons",),
    "num": ("number_words",),
    "vpast": ("vague_past",),
    "vfut": ("vague_future",),
}


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern[str]
    bare: bool = False
    needs: tuple[str, ...] = ()
    back: int = DEFAULT_BACK
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Grammar:
    """Everything one language needs: word tables, compiled rules and tense cues."""

    language: str
    numeric_order: str
    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int | None]
    units: dict[str, str]
    deictic: dict[str, int]
    numbers: dict[str, int]
    parts: dict[str, str]
    ordinals: dict[str, int]
    seasons: dict[str, str]
    rules: tuple[Rule, ...]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    quantity_words: frozenset[str]
    not_year_before: frozenset[str]
    bare_month_blocked: frozenset[str]
    month_context_before: frozenset[str]
    weekday_unit_homographs: frozenset[str]
    #: whether month and weekday names are written with a capital (id, en) or not (es)
    names_capitalised: bool
    #: tense from verb morphology (``None`` for Indonesian, which has none)
    past_pattern: re.Pattern[str] | None
    future_pattern: re.Pattern[str] | None
    #: a past-looking word right after one of these is a participle ("to be published")
    participle_before: frozenset[str]
    #: a tense cue that is something else after these words ("di depan KPK" is in front of it, not next)
    cue_not_after: dict[str, frozenset[str]]
    #: first word of every lexicon entry (lower case) → the trigger keys it fires
    triggers: dict[str, frozenset[str]]
    #: finds trigger words (and numbers) in lower-cased text in one pass
    trigger_regex: re.Pattern[str]
    data: dict[str, Any]

    def month(self, word: str) -> int | None:
        return self.months.get(word_key(word))

    def number(self, word: str) -> int | None:
        w = word_key(word)
        if w.isdigit():
            return int(w)
        return self.numbers.get(w)


def word_key(word: str) -> str:
    """Lexicon lookup form: lower case, single spaces, no trailing dot."""
    return " ".join(word.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words: Any) -> str:
    """Longest-first alternation so that "kemarin lusa" wins over "kemarin"; spaces match any blank."""
    items = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in items)


def _classes(data: dict[str, Any]) -> dict[str, str]:
    months = {**data.get("months", {}), **data.get("month_abbrevs", {})}
    num_words = list(data.get("number_words", {}))
    classes = {
        "month": _alternation(months),
        "monthname": _alternation(data.get("months", {})),
        "weekday": _alternation(data.get("weekdays", {})),
        "dayword": _alternation(k for k, v in data.get("day_words", {}).items()),
        "unit": _alternation(data.get("units", {})),
        "rel": _alternation(data.get("deictic", {})),
        "num": r"\d{1,3}|" + _alternation(num_words) if num_words else r"\d{1,3}",
        "part": _alternation(data.get("parts", {})),
        "ord": _alternation(data.get("ordinals", {})),
        "vague": _alternation(data.get("vague_numbers", [])),
        "ago": _alternation(data.get("ago_words", [])),
        "later": _alternation(data.get("later_words", [])),
        "vpast": _alternation(data.get("vague_past", [])),
        "vfut": _alternation(data.get("vague_future", [])),
        "season": _alternation(data.get("seasons", {})) or r"(?!x)x",
        **NUMERIC_CLASSES,
    }
    return classes


def compile_pattern(template: str, classes: dict[str, str]) -> re.Pattern[str]:
    """Expand ``{class}`` placeholders into named groups and compile (case-insensitive)."""

    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in classes:
            raise ValueError(f"unknown placeholder {{{name}}} in timex rule {template!r}")
        return f"(?P<{name}>{classes[name]})"

    # An expression never spans a line break (a dateline or a headline ends there).
    return re.compile(_no_newline(_PLACEHOLDER.sub(expand, template)), FLAGS)


def _no_newline(pattern: str) -> str:
    """Rewrite ``\\s`` so that it matches any blank but a newline, inside and outside ``[...]``."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            pair = pattern[i:i + 2]
            out.append((BLANK_IN_CLASS if in_class else BLANK) if pair == r"\s" else pair)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def _lower_map(mapping: dict[str, Any] | None) -> dict[str, Any]:
    return {word_key(str(k)): v for k, v in (mapping or {}).items()}


def _lower_set(items: Any) -> frozenset[str]:
    return frozenset(word_key(str(x)) for x in (items or []))


def _first_word(entry: str) -> str | None:
    m = WORD.search(str(entry).lower())
    return m.group(0) if m else None


def _triggers(data: dict[str, Any], rules: tuple[Rule, ...]) -> dict[str, frozenset[str]]:
    """Index: a word → the trigger keys (lexicon classes or literal words) it stands for."""
    index: dict[str, set[str]] = {}
    used = {need for rule in rules for need in rule.needs}
    for key, sections in TRIGGER_SECTIONS.items():
        if key not in used:  # an unused class would only cost lookups ("a", "the" in English)
            continue
        for section in sections:
            for entry in data.get(section) or {}:
                word = _first_word(entry)
                if word:
                    index.setdefault(word, set()).add(key)
    for rule in rules:
        for need in rule.needs:
            if need not in TRIGGER_SECTIONS and need != NUMBER_TRIGGER:
                index.setdefault(need.lower(), set()).add(need.lower())
    return {w: frozenset(keys) for w, keys in index.items()}


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation shaped as a trie: shared prefixes are tried once (much faster in ``re``)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            body = f"(?:{body})?"
        return body

    return build(root)


def _trigger_regex(triggers: dict[str, frozenset[str]]) -> re.Pattern[str]:
    return re.compile(r"\d+|\b" + _trie_pattern(sorted(triggers)) + r"\b")


@lru_cache(maxsize=len(LANGUAGES))
def load_grammar(language: str) -> Grammar:
    """The compiled grammar of ``language`` ("id" or "en"); cached, so rules compile once per process."""
    if language not in LANGUAGES:
        raise ValueError(f"no time lexicon for language {language!r}; known: {', '.join(LANGUAGES)}")
    data = yaml.safe_load((RESOURCE_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    classes = _classes(data)
    rules = tuple(
        Rule(name=r["name"], kind=r["kind"], regex=compile_pattern(r["pattern"], classes), bare=bool(r.get("bare")),
             needs=tuple(str(n).lower() for n in r.get("needs", ())), back=int(r.get("back", DEFAULT_BACK)),
             options={k: v for k, v in r.items() if k not in ("name", "kind", "pattern", "bare", "needs", "back")})
        for r in data.get("rules", [])
    )
    triggers = _triggers(data, rules)
    return Grammar(
        language=language,
        numeric_order=data.get("numeric_order", "dmy"),
        months=_lower_map({**data.get("months", {}), **data.get("month_abbrevs", {})}),
        weekdays=_lower_map(data.get("weekdays")),
        day_words=_lower_map(data.get("day_words")),
        units=_lower_map(data.get("units")),
        deictic=_lower_map(data.get("deictic")),
        numbers=_lower_map(data.get("number_words")),
        parts=_lower_map(data.get("parts")),
        ordinals=_lower_map(data.get("ordinals")),
        seasons=_lower_map(data.get("seasons")),
        rules=rules,
        future_cues=_lower_set(data.get("future_cues")),
        past_cues=_lower_set(data.get("past_cues")),
        quantity_words=_lower_set(data.get("quantity_words")),
        not_year_before=_lower_set(data.get("not_year_before")),
        bare_month_blocked=_lower_set(data.get("bare_month_blocked")),
        month_context_before=_lower_set(data.get("month_context_before")),
        weekday_unit_homographs=_lower_set(data.get("weekday_unit_homographs")),
        names_capitalised=bool(data.get("names_capitalised", True)),
        past_pattern=re.compile(data["past_pattern"]) if data.get("past_pattern") else None,
        future_pattern=re.compile(data["future_pattern"]) if data.get("future_pattern") else None,
        participle_before=_lower_set(data.get("participle_before")),
        cue_not_after={k.lower(): _lower_set(v) for k, v in (data.get("cue_not_after") or {}).items()},
        triggers=triggers,
        trigger_regex=_trigger_regex(triggers),
        data=data,
    )
