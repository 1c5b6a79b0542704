"""Find time expressions in a text and resolve them: rules → candidates → filters → longest match.

Example:
    >>> from datetime import date
    >>> ts = find_times("Serangan terjadi pada 3 Oktober.", language="id", published=date(2024, 10, 8))
    >>> [(t.text, t.value) for t in ts]
    [('3 Oktober', '2024-10-03')]
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Time
from . import calendar as cal
from .calendar import Period
from .lexicon import NUMBER_TRIGGER, WORD, Grammar, Rule, word_key, load_grammar
from .resolve import Context, resolve
from .tense import tense_at

#: Languages whose grammar is used for a document in another (or no) language, in this order.
FALLBACK_LANGUAGES = ("id", "en")
_PREV_WORD = re.compile(r"([\w$'’-]+)\W*$", re.UNICODE)
_NEXT_WORD = re.compile(r"^[\s,]*([\w%$-]+)", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]['\"“”’)\]]*)\s*['\"“”‘(\[]*\s*$")
#: The longest month abbreviation that keeps a following dot ("Sept.").
MAX_ABBREV_LEN = 4
#: A bare number is read as a year only in this range ("1000 perokok", "F 1196 DH" are not years).
BARE_YEAR_RANGE = (1900, 2100)
#: "a year earlier", "the same day" refer to the previous expression only if it ended this close before.
ANAPHOR_REACH = 250
#: Kinds resolved against the previous expression (they never become the previous expression).
ANAPHORIC_KINDS = frozenset({"year_back", "same_day"})
#: How much text either side is read by the context filters.
CONTEXT_CHARS = 40
#: A rule is tried at the starts of this many words before its trigger word (and at the word itself).
WORDS_BEFORE_TRIGGER = 6
#: ... searched for within this many characters.
LOOK_BACK_CHARS = 48


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    match: re.Match[str]
    grammar: Grammar


def grammars_for(language: str | None) -> list[Grammar]:
    """The grammar of a supported language, or all of them (id first) for anything else."""
    if language in ("id", "ms"):
        return [load_grammar("id")]
    if language in ("en", "es"):
        return [load_grammar(language)]
    return [load_grammar(lang) for lang in FALLBACK_LANGUAGES]


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - CONTEXT_CHARS):start])
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end:end + CONTEXT_CHARS])
    return m.group(1) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - CONTEXT_CHARS):start]))


def _last_word_len(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return end - i


def _capitalised(word: str | None) -> bool:
    return word is None or word[:1].isupper()


def _looks_like_name(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """"Juni Sinaga", "Theresa May": a bare month between capitalised words is a name."""
    nxt = _next_word(text, end)
    gap = text[end:end + 2]
    if nxt[:1].isupper() and not nxt.isdigit() and not re.match(r"\s*[,.;:]", gap) and not grammar.month(nxt):
        return True
    prev = _prev_word(text, start)
    if prev[:1].isupper() and word_key(prev) not in grammar.month_context_before and not _sentence_initial(text, start):
        return True
    return False


def _accept(text: str, cand: Candidate) -> bool:
    """Context filters that regexes cannot express cheaply."""
    m, g, rule = cand.match, cand.grammar, cand.rule
    groups = m.re.groupindex
    if g.names_capitalised:
        for name in ("month", "monthname", "weekday"):
            if name in groups and not _capitalised(m.group(name)):
                return False
    if "unit" in groups and m.group("unit") and word_key(m.group("unit")) in g.weekday_unit_homographs:
        # "Minggu lalu" mid-sentence is last Sunday; a capitalised unit is only a unit at a sentence start.
        unit = m.group("unit")
        if unit[:1].isupper() and not _sentence_initial(text, m.start("unit")):
            return False
    if rule.kind == "weekday" and "rel" in groups and m.group("rel"):
        wd = m.group("weekday")
        if word_key(wd) in g.weekday_unit_homographs and _sentence_initial(text, m.start("weekday")):
            return False
    if not rule.bare:
        return True
    prev = word_key(_prev_word(text, cand.start))
    if rule.kind == "month":
        word = word_key(m.group("monthname"))
        if word in g.bare_month_blocked and prev not in g.month_context_before:
            return False
        return prev in g.month_context_before or not _looks_like_name(text, cand.start, cand.end, g)
    if rule.kind == "year":
        year = int(m.group("year"))
        if not BARE_YEAR_RANGE[0] <= year <= BARE_YEAR_RANGE[1]:
            return False
        if prev in g.not_year_before or text[max(0, cand.start - 1):cand.start] in ("$", "#", "№"):
            return False
        nxt = word_key(_next_word(text, cand.end))
        if nxt in g.quantity_words or nxt.startswith("%") or text[cand.end:cand.end + 1] == "%":
            return False
    return True


def trigger_hits(text: str, grammar: Grammar) -> dict[str, list[int]]:
    """Trigger key → sorted offsets of the words (or numbers) that fire it, in one regex pass."""
    hits: dict[str, list[int]] = {}
    index = grammar.triggers
    for m in grammar.trigger_regex.finditer(text.lower()):
        w = m.group(0)
        keys = (NUMBER_TRIGGER,) if w[0].isdigit() else index.get(w, ())
        for k in keys:
            hits.setdefault(k, []).append(m.start())
    return hits


def _starts_before(text: str, pos: int) -> list[int]:
    """Offsets of the last ``WORDS_BEFORE_TRIGGER`` word starts before ``pos``, then ``pos`` itself."""
    lo = max(0, pos - LOOK_BACK_CHARS)
    found = [m.start() for m in WORD.finditer(text, lo, pos)]
    if found and found[0] == lo and lo > 0 and text[lo - 1].isalnum():
        found = found[1:]  # a word cut by the look-back window does not start there
    return found[-WORDS_BEFORE_TRIGGER:] + [pos]


def _rule_matches(text: str, rule: Rule, hits: dict[str, list[int]], cache: dict[int, list[int]]) -> list[re.Match[str]]:
    """The rule's matches that contain one of its trigger words.

    Instead of scanning the text, the pattern is anchored (``match``) at the few word starts just
    before each trigger word: Python's ``re`` is slow to try big case-insensitive alternations at
    every position, and no expression starts more than ``WORDS_BEFORE_TRIGGER`` words before its key.
    A rule without ``needs`` scans the whole text.
    """
    if not rule.needs:
        return list(rule.regex.finditer(text))
    positions = sorted({p for need in rule.needs for p in hits.get(need, ())})
    out: dict[tuple[int, int], re.Match[str]] = {}
    match = rule.regex.match
    tried: set[int] = set()
    for key_start in positions:
        anchors = cache.get(key_start)
        if anchors is None:
            anchors = cache[key_start] = _starts_before(text, key_start)
        for a in anchors[-(rule.back + 1):]:
            if a in tried and a != key_start:
                continue
            tried.add(a)
            m = match(text, a)
            if m is not None and m.end() > key_start:
                out.setdefault(m.span(), m)
    return list(out.values())


def find_candidates(text: str, grammars: Sequence[Grammar]) -> list[Candidate]:
    """Every rule match that passes the context filters (overlapping ones included)."""
    out: list[Candidate] = []
    order = 0
    for g in grammars:
        hits = trigger_hits(text, g)
        anchors: dict[int, list[int]] = {}
        for rule in g.rules:
            for m in _rule_matches(text, rule, hits, anchors):
                start, end = (m.span("core") if "core" in m.re.groupindex and m.group("core") else m.span())
                # Trailing blanks and commas are never part of the expression.
                while end > start and text[end - 1] in " ,\t\n":
                    end -= 1
                # A full stop after a full month name ends the sentence; only "Okt." keeps its dot.
                if text[end - 1:end] == "." and _last_word_len(text, end - 1) > MAX_ABBREV_LEN:
                    end -= 1
                if end <= start:
                    continue
                cand = Candidate(start, end, order, rule, m, g)
                if _accept(text, cand):
                    out.append(cand)
            order += 1
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, earlier rule on a tie; no two chosen candidates overlap. Returned in text order."""
    chosen: list[Candidate] = []
    starts: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and chosen[i - 1].end > c.start:
            continue
        if i < len(chosen) and chosen[i].start < c.end:
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


def _year_back(cand: Candidate, previous: Period | None, anchor: date | None) -> Period | None:
    """"a year earlier", "the year-ago quarter": the previous expression (or publication) minus a year."""
    unit = cand.rule.options.get("unit")
    if previous is not None and previous.value and previous.earliest and previous.granularity in (
            "day", "month", "quarter", "year", "half") and (unit is None or unit == previous.granularity):
        e = previous.earliest
        if previous.granularity == "day":
            return cal.day(cal.add_years_to_date(e, -1))
        if previous.granularity == "month":
            return cal.month(e.year - 1, e.month)
        if previous.granularity == "quarter":
            return cal.quarter(e.year - 1, cal.quarter_of(e))
        if previous.granularity == "half":
            return cal.half(e.year - 1, 1 if e.month <= 6 else 2)
        return cal.year(e.year - 1)
    if anchor is None:
        return Period(None, None, None, unit or "year")
    if unit == "quarter":
        q = cal.quarter_of(anchor) - 1  # the latest completed quarter, a year back
        y = anchor.year - 1 if q else anchor.year - 2
        return cal.quarter(y, q or 4)
    return cal.year(anchor.year - 1)


def _same_day(previous: Period | None, anchor: date | None) -> Period | None:
    """"the same day", "hari itu": the day just named, or else the day of publication."""
    if previous is not None and previous.granularity == "day" and previous.earliest is not None:
        return cal.day(previous.earliest)
    return cal.day(anchor) if anchor is not None else Period(None, None, None, "day")


def _to_time(index: int, text: str, cand: Candidate, p: Period) -> Time:
    return Time(
        id=f"t{index}", text=text[cand.start:cand.end], start=cand.start, end=cand.end, value=p.value,
        earliest=p.earliest.isoformat() if p.earliest else None,
        latest=p.latest.isoformat() if p.latest else None, granularity=p.granularity,
    )


def find_times(text: str, *, language: str | None, published: date | None,
               sentences: Sequence[tuple[int, int]] | None = None) -> list[Time]:
    """All time expressions in ``text``, resolved against ``published`` (relative ones null without it).

    Args:
        text: the article text; offsets in the result index into it.
        language: "id" or "en" (anything else tries both grammars).
        published: the publication date, the anchor of relative expressions.
        sentences: ``(start, end)`` of each sentence, to keep tense cues inside one sentence.
    """
    grammars = grammars_for(language)
    chosen = select(find_candidates(text, grammars))
    sent_starts = [s[0] for s in sentences] if sentences else []
    times: list[Time] = []
    previous: Period | None = None
    previous_end = 0
    for cand in chosen:
        def tense(c: Candidate = cand) -> str | None:
            sent = None
            if sentences:
                i = bisect.bisect_right(sent_starts, c.start) - 1
                if i >= 0:
                    sent = sentences[i]
            return tense_at(text, c.start, c.end, c.grammar, sentence=sent)

        near = previous if previous is not None and cand.start - previous_end <= ANAPHOR_REACH else None
        if cand.rule.kind == "year_back":
            period = _year_back(cand, near, published)
        elif cand.rule.kind == "same_day":
            period = _same_day(near, published)
        else:
            period = resolve(Context(cand.match, cand.rule, cand.grammar, published, tense))
        if period is None:
            continue
        times.append(_to_time(len(times) + 1, text, cand, period))
        if period.value and cand.rule.kind not in ANAPHORIC_KINDS:
            previous, previous_end = period, cand.end
    return times
