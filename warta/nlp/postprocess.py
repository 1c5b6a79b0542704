"""Corrections applied to the model's entities (the same in the pipeline and in scoring).

1. An entity may not cross a sentence boundary (it is dropped).
2. A capitalised common word at the start of a sentence is not a name ("Saran", "Analis",
   "Namun"): a one-word entity there is dropped, and a leading discourse word is
   trimmed from a longer one ("Namun Moskow" → "Moskow", "Prajurit Korea Utara" → "Korea Utara"). Common words are those the
   CLICK-ID news text writes in lower case mid-sentence at least ``COMMON_MIN_LOWER_SHARE``
   of the time (``resources/nlp/common_words.id.txt``).
3. GPE vs LOC follows :func:`warta.nlp.places.place_label`.
4. In cased text, an entity without any capital letter is dropped ("singkong", "aceh"):
   the model learnt lowercase names from NERP, which is entirely lowercase, and then
   over-fires on common nouns in ordinary text. Text without any capital is left alone.
5. A country, Indonesian province or city, or world city of 1M+ (``resources/nlp/major_places.txt``)
   standing alone (no capitalised word right before or after it) that the model missed is
   added as GPE with ``source="gazetteer"``.
6. "<role> <place> <person>" ("pemimpin Korea Utara Kim Jong Un", "Presiden Rusia Vladimir Putin"): an
   entity made of a major place name followed by a capitalised name, right after (or starting
   with) a role noun from ``resources/nlp/role_words.id.txt``, is split into GPE + PERSON; a
   major place name predicted as PERSON or ORG becomes GPE (the ACE/OntoNotes convention for
   countries and capitals acting as governments).
7. A multi-word name whose first or last word marks an organisation (``resources/nlp/org_markers.id.tsv``:
   PT, Partai, Kementerian, Polres, … / FC, Tbk, Records, …) is ORG.
8. An acronym in brackets right after an entity ("Lembaga Pendidikan Perkebunan (LPP)") gets the
   entity's label; a place the model cut short of a major place name ("Amerika" + "Serikat")
   is extended to it.
9. Names in ``resources/nlp/entities.id.tsv`` (organisations such as PBB, NATO) get the listed
   label when the model found exactly that span; when the model found nothing overlapping, or only
   entities inside the name ("PBB" in "Dewan Keamanan PBB"), the name is added with ``source="gazetteer"``
   in their place.
10. A person's name the model cut short on the left ("kontrak Pierre Njanka" → "Njanka", "anak Georg Ludwig von
   Trapp" → "Trapp") takes the capitalised words right before it, with particles such as ``von`` or ``bin``
   between them, unless a word is ever written in lower case in CLICK-ID (``resources/nlp/lowercase_words.id.txt``:
   "Sekretaris", "Keuangan"), a role or title, an organisation marker, an honorific (``resources/nlp/honorifics.id.txt``:
   "Pak", "Ustadz", "Kompol"), a clause opener, a major place or part of another entity, and unless a capitalised
   word stands right before the new start ("Ketua Umum Hanura Wiranto": the title's organisation).
11. Brackets, dashes, commas and the like at either end of a span are trimmed ("Partai Keadilan Sejahtera ("
   → "Partai Keadilan Sejahtera"), and so is a bracket left open inside it with what follows ("Komisi
   Pemberantasan Korupsi (KPK" → "Komisi Pemberantasan Korupsi"; rule 8 then adds "KPK"); a legal form
   alone ("PT") is no entity.
12. A person of warta's leaders table (``resources/actors/leaders.yaml``) the model missed is added as PERSON
   with ``source="gazetteer"``: the full name, or a listed surname of four letters or more that news never
   writes in lower case ("Obama belakangan memicu kontroversi"), standing alone (no capitalised word right
   before or after it, no entity over it).

Example:
    >>> fix_entities("Analis datang.", [(0, 6, "PERSON")], sentences=[(0, 14)], tokens=[(0, 6), (7, 13), (13, 14)])
    []
"""
from __future__ import annotations

import gzip
import json
from bisect import bisect_left
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .places import major_places, place_label

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "nlp"
COMMON_FILE = RESOURCES / "common_words.id.txt"
#: every word CLICK-ID writes in lower case mid-sentence at least once (rule 10: such a word is no first name)
LOWERCASE_FILE = RESOURCES / "lowercase_words.id.txt"
ENTITIES_FILE = RESOURCES / "entities.id.tsv"
#: a word is "common" when at least this share of its mid-sentence uses are lower case
COMMON_MIN_LOWER_SHARE = 0.6
#: ... and it was seen lower case at least this often
COMMON_MIN_LOWER_COUNT = 5
#: words that introduce a clause; trimmed from the front of a multi-word entity
DISCOURSE_TAGS_FILE = RESOURCES / "leading_words.id.txt"
ROLE_FILE = RESOURCES / "role_words.id.txt"
ORG_MARKERS_FILE = RESOURCES / "org_markers.id.tsv"
HONORIFICS_FILE = RESOURCES / "honorifics.id.txt"
#: warta's table of heads of state and ministers (rule 12 reads their names)
LEADERS_FILE = RESOURCES.parent / "actors" / "leaders.yaml"
#: rule 12 switch
ADD_KNOWN_PEOPLE = True
#: a surname alone ("Obama") is added only from this length on
KNOWN_SHORT_MIN_CHARS = 4
#: rule 10 switch
EXTEND_PERSON_LEFT = True
#: lower-case particles inside a person's name ("Georg Ludwig von Trapp", "Umar bin Khattab")
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "bin", "binti", "al", "el", "la", "le", "du"})
#: punctuation that never ends or starts a name ("Partai Keadilan Sejahtera (", "Joko Widodo -"); dots and
#: quotes may ("Ross Bagdasarian, Sr.", a quoted title)
EDGE_PUNCT = frozenset({"(", ")", "[", "]", "-", "–", "—", ",", ";", ":", "?", "!", "/"})
#: a legal form alone is no organisation's name ("PT" before a name the model missed)
LEGAL_FORMS = frozenset({"PT", "CV", "Tbk", "Persero", "Perum"})
#: at most this many words are added in front of a person's name
PERSON_EXTEND_MAX = 3
#: switches for the rules 4 and 5 below (kept as constants so ablations can turn them off)
DROP_LOWERCASE_IN_CASED_TEXT = True
ADD_MAJOR_PLACES = True
#: rule 8 switch
ACRONYMS_AND_EXTENSIONS = True
#: rule 7 switch
ORG_BY_MARKER = True
#: model labels that become GPE when the whole span is a major place name
RELABEL_AS_PLACE = frozenset({"PERSON", "ORG"})
Span3 = tuple[int, int, str]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    if not COMMON_FILE.exists():
        return frozenset()
    return frozenset(w for w in COMMON_FILE.read_text(encoding="utf-8").split() if w)


@lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    if not LOWERCASE_FILE.exists():
        return frozenset()
    return frozenset(LOWERCASE_FILE.read_text(encoding="utf-8").split())


def _word_list(path: Path) -> frozenset[str]:
    """Lower-cased words of a one-word-per-line file (``#`` lines are comments); empty if the file is absent."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def leading_words() -> frozenset[str]:
    return _word_list(DISCOURSE_TAGS_FILE)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    return _word_list(ROLE_FILE)


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    return _word_list(HONORIFICS_FILE)


@lru_cache(maxsize=1)
def org_markers() -> tuple[frozenset[str], frozenset[str]]:
    """(first words, last words) that mark an organisation name."""
    first: set[str] = set()
    last: set[str] = set()
    if ORG_MARKERS_FILE.exists():
        for line in ORG_MARKERS_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                where, word = line.split("\t")[:2]
                (first if where.strip() == "first" else last).add(word.strip())
    return frozenset(first), frozenset(last)


@lru_cache(maxsize=1)
def entity_lexicon() -> dict[str, str]:
    """name (case as written) → label."""
    out: dict[str, str] = {}
    if ENTITIES_FILE.exists():
        for line in ENTITIES_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, label = line.rstrip("\n").split("\t")[:2]
                out[name.strip()] = label.strip()
    return out


@lru_cache(maxsize=1)
def _lexicon_regex() -> re.Pattern[str] | None:
    names = sorted(entity_lexicon(), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def fix_entities(text: str, ents: list[Span3], *, sentences: list[tuple[int, int]],
                 tokens: list[tuple[int, int]]) -> list[Span3]:
    """Apply the corrections above to ``(start, end, label)`` spans; returns a sorted list."""
    sent_starts = {s for s, _ in sentences}
    starts = [s for s, _ in tokens]
    token_starts = set(starts)
    token_ends = {e for _, e in tokens}
    next_token = {}
    for (s, _e), (s2, _e2) in zip(tokens, tokens[1:]):
        next_token[s] = s2
    cased = any(ch.isupper() for ch in text)
    out: list[Span3] = []
    for start, end, label in ents:
        if _crosses(start, end, sentences):
            continue
        start, end = _trim_edges(text, start, end, tokens, starts)
        if start >= end or text[start:end] in LEGAL_FORMS:
            continue
        if DROP_LOWERCASE_IN_CASED_TEXT and cased and not any(ch.isupper() for ch in text[start:end]):
            continue
        if start in sent_starts:
            k = bisect_left(tokens, (start, -1))
            first_end = tokens[k][1] if k < len(tokens) and tokens[k][0] == start else end
            first = text[start:first_end]
            lower = first.lower()
            if first[:1].isupper() and first_end >= end and lower in common_words():
                continue
            rest_start = next_token.get(start, end)
            trim = lower in leading_words() or (lower in common_words() and text[rest_start:end] in major_places())
            if first_end < end and trim:
                # "Namun Moskow", "Prajurit Korea Utara": the sentence's first word is not part of the name.
                start = rest_start
                if start >= end:
                    continue
        if label in RELABEL_AS_PLACE and text[start:end] in major_places():
            # A country or capital named alone is the state (GPE), also when it acts ("Pyongyang menolak").
            label = "GPE"
        split = _split_role_place_person(text, start, end, tokens)
        if split:
            out.extend(split)
            continue
        words = text[start:end].split()
        if ORG_BY_MARKER and len(words) > 1 and label in ("PERSON", "GPE", "LOC"):
            first, last = org_markers()
            if words[0] in first or words[-1] in last:
                label = "ORG"
        if label in ("GPE", "LOC"):
            label = place_label(text[start:end])
        out.append((start, end, label))
    if ACRONYMS_AND_EXTENSIONS:
        out = _acronyms_and_extensions(text, out, tokens)
    if EXTEND_PERSON_LEFT and cased:
        out = _extend_persons_left(text, out, tokens, sent_starts, starts)
    out = _apply_lexicon(text, out, token_starts, token_ends, sentences)
    if ADD_MAJOR_PLACES and cased:
        out = _add_major_places(text, out, tokens, sent_starts)
    if ADD_KNOWN_PEOPLE and cased:
        out = _add_known_people(text, out, tokens, starts)
    return sorted(out)


@lru_cache(maxsize=1)
def known_people() -> re.Pattern[str] | None:
    """A regex of the names of the leaders table (longest first) for rule 12."""
    import yaml

    if not LEADERS_FILE.exists():
        return None
    names: set[str] = set()
    for person in yaml.safe_load(LEADERS_FILE.read_text(encoding="utf-8")).get("people") or ():
        names.update([person["name"], *(person.get("names") or ())])
        names.update(x for x in person.get("short") or ()
                     if len(x) >= KNOWN_SHORT_MIN_CHARS and x.lower() not in lowercase_words())
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)") if ordered else None


def _add_known_people(text: str, ents: list[Span3], tokens: list[tuple[int, int]], starts: list[int]) -> list[Span3]:
    """Rule 12: add missed people of the leaders table standing alone."""
    rx = known_people()
    if rx is None:
        return ents
    covered = [(s, e) for s, e, _l in ents]

    def capitalised(k: int) -> bool:
        return 0 <= k < len(tokens) and text[tokens[k][0]:tokens[k][0] + 1].isupper()

    for m in rx.finditer(text):
        s, e = m.span()
        i, j = bisect_left(starts, s), bisect_left(starts, e) - 1
        if i >= len(tokens) or starts[i] != s or tokens[j][1] != e:
            continue  # not on token boundaries
        if capitalised(i - 1) or capitalised(j + 1) or any(s < ce and cs < e for cs, ce in covered):
            continue
        ents.append((s, e, "PERSON"))
        covered.append((s, e))
    return ents


def _trim_edges(text: str, start: int, end: int, tokens: list[tuple[int, int]],
                starts: list[int]) -> tuple[int, int]:
    """Rule 11: drop the punctuation tokens of ``EDGE_PUNCT`` at either end of a span, and an unclosed bracket
    inside it with the tokens after it (``starts``: the tokens' start offsets)."""
    i, j = bisect_left(starts, start), bisect_left(starts, end)
    inside = tokens[i:j]
    opened = [k for k, (a, b) in enumerate(inside) if text[a:b] == "("]
    if opened and not any(text[a:b] == ")" for a, b in inside[opened[-1]:]):
        inside = inside[:opened[-1]]  # "Komisi Pemberantasan Korupsi (KPK": the bracket is not the name's
    while inside and text[inside[-1][0]:inside[-1][1]] in EDGE_PUNCT:
        inside.pop()
    while inside and text[inside[0][0]:inside[0][1]] in EDGE_PUNCT:
        inside.pop(0)
    if not inside or (inside[0][0], inside[-1][1]) == (start, end):
        return (start, end) if inside else (start, start)
    return inside[0][0], min(end, inside[-1][1])


def _add_major_places(text: str, ents: list[Span3], tokens: list[tuple[int, int]],
                      sent_starts: set[int]) -> list[Span3]:
    """Add missed stand-alone major place names (one or two tokens)."""
    places = major_places()
    if not places:
        return ents
    covered = [(s, e) for s, e, _l in ents]
    words = [text[s:e] for s, e in tokens]

    def capital(i: int) -> bool:
        return 0 <= i < len(words) and words[i][:1].isupper()

    for i, (s, e) in enumerate(tokens):
        if not words[i][:1].isupper():
            continue
        for n in (2, 1):
            j = i + n - 1
            if j >= len(tokens):
                continue
            end = tokens[j][1]
            name = text[s:end]
            if name not in places:
                continue
            # "Universitas Indonesia", "Kabupaten Wakatobi": part of a longer name the model missed.
            before_is_name = capital(i - 1) and s not in sent_starts
            if before_is_name or capital(j + 1):
                break
            if any(s < ce and cs < end for cs, ce in covered):
                break
            ents.append((s, end, place_label(name)))
            covered.append((s, end))
            break
    return ents


_ACRONYM = re.compile(r"[A-Z][A-Za-z]{1,7}")


def _acronyms_and_extensions(text: str, ents: list[Span3], tokens: list[tuple[int, int]]) -> list[Span3]:
    starts = [s for s, _ in tokens]
    covered = {(s, e) for s, e, _l in ents}
    out: list[Span3] = []
    added: list[Span3] = []
    places = major_places()
    for s, e, label in ents:
        i = bisect_left(starts, e)
        nxt = [text[a:b] for a, b in tokens[i:i + 3]]
        if label in ("GPE", "LOC") and nxt and f"{text[s:e]} {nxt[0]}" in places:
            e = tokens[i][1]
        elif (len(nxt) == 3 and nxt[0] == "(" and nxt[2] == ")" and _ACRONYM.fullmatch(nxt[1])
              and sum(ch.isupper() for ch in nxt[1]) >= 2):
            a, b = tokens[i + 1]
            if not any(a < ce and cs < b for cs, ce in covered):
                added.append((a, b, label))
        out.append((s, e, label))
    return out + added


def _name_word(word: str) -> bool:
    """A capitalised word that may open a person's name: never written in lower case in CLICK-ID, not a role,
    honorific, rank, clause opener, major place or organisation marker, and not an acronym ("KASAU")."""
    lower = word.lower()
    return (word[:1].isupper() and word.isalpha() and not word.isupper() and lower not in lowercase_words()
            and lower not in role_words() and lower not in honorifics() and lower not in leading_words()
            and word not in major_places() and word not in org_markers()[0] and word not in org_markers()[1])


def _extend_persons_left(text: str, ents: list[Span3], tokens: list[tuple[int, int]],
                         sent_starts: set[int], starts: list[int]) -> list[Span3]:
    """Rule 10: a person's name takes the name words right before it ("Pierre" + "Njanka")."""
    taken = [(s, e) for s, e, _l in ents]
    out: list[Span3] = []
    for s, e, label in ents:
        i = bisect_left(starts, s)
        if label == "PERSON" and i < len(starts) and starts[i] == s and s not in sent_starts:
            new_s, edge, j, added = s, s, i - 1, 0  # edge: the start of the leftmost word looked at
            while j >= 0 and added < PERSON_EXTEND_MAX:
                a, b = tokens[j]
                word = text[a:b]
                if text[b:edge].strip() or any(cs < b and a < ce for cs, ce in taken):
                    break
                edge = a
                if word in NAME_PARTICLES and j > 0:
                    j -= 1  # kept only if a name word comes before it
                    continue
                if not _name_word(word):
                    break
                new_s, added = a, added + 1
                if a in sent_starts:
                    break
                j -= 1
            k = bisect_left(starts, new_s) - 1
            before = text[tokens[k][0]:tokens[k][1]] if k >= 0 and new_s not in sent_starts else ""
            if not before[:1].isupper():  # "Ketua Umum Hanura Wiranto": a capitalised title chain names an organisation
                s = new_s
        out.append((s, e, label))
    return out


def _split_role_place_person(text: str, start: int, end: int, tokens: list[tuple[int, int]]) -> list[Span3]:
    """[GPE, PERSON] for "<role> <major place> <Name ...>", else []."""
    i = bisect_left(tokens, (start, -1))
    j = bisect_left(tokens, (end, -1))
    inside = tokens[i:j]
    before = tokens[max(0, i - 2):i]
    roles = role_words()
    k = 0
    # a role inside the entity ("Presiden Rusia Vladimir Putin") is dropped from it
    for n in (2, 1):
        if len(inside) > n and " ".join(text[s:e] for s, e in inside[:n]).lower() in roles:
            k = n
            break
    if k == 0:
        prev = [" ".join(text[s:e] for s, e in before[-n:]).lower() for n in (1, 2) if len(before) >= n]
        if not any(p in roles for p in prev):
            return []
    places = major_places()
    for n in (2, 1):
        if len(inside) >= k + n + 1:
            place = (inside[k][0], inside[k + n - 1][1])
            rest = inside[k + n:]
            if text[place[0]:place[1]] in places and all(text[s:e][:1].isupper() for s, e in rest):
                return [(place[0], place[1], place_label(text[place[0]:place[1]])),
                        (rest[0][0], rest[-1][1], "PERSON")]
    return []


def _crosses(start: int, end: int, sentences: list[tuple[int, int]]) -> bool:
    for s, e in sentences:
        if s <= start < e:
            return end > e
    return False


def _apply_lexicon(text: str, ents: list[Span3], token_starts: set[int], token_ends: set[int],
                   sentences: list[tuple[int, int]]) -> list[Span3]:
    rx = _lexicon_regex()
    if rx is None:
        return ents
    lex = entity_lexicon()
    by_span = {(s, e): i for i, (s, e, _l) in enumerate(ents)}
    for m in rx.finditer(text):
        s, e = m.span()
        if s not in token_starts or e not in token_ends or _crosses(s, e, sentences):
            continue
        label = lex[m.group(0)]
        if (s, e) in by_span:
            i = by_span[(s, e)]
            ents[i] = (s, e, label)
            continue
        overlapping = [(ps, pe, pl) for ps, pe, pl in ents if s < pe and ps < e]
        if all(s <= ps and pe <= e for ps, pe, _l in overlapping):
            # nothing there, or only parts of the listed name ("PBB" in "Dewan Keamanan PBB"): the whole name
            ents = [x for x in ents if x not in overlapping] + [(s, e, label)]
            by_span = {(a, b): i for i, (a, b, _l) in enumerate(ents)}
    return ents


def build_common_words(data_dir: Path, path: Path = COMMON_FILE, lowercase_path: Path = LOWERCASE_FILE) -> int:
    """Count lower/capitalised mid-sentence uses in CLICK-ID and write the common-word list (and the list of
    every word seen in lower case, ``lowercase_path``); returns the number of common words."""
    word = re.compile(r"[A-Za-z][a-z]+")
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    with gzip.open(data_dir / "indonesian-news-clickid" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            content = json.loads(line).get("content") or ""
            for sent in re.split(r"(?<=[.!?])\s+|\n", content):
                toks = sent.split()
                for tok in toks[1:]:  # skip the sentence-initial word: it is capitalised anyway
                    m = word.fullmatch(tok.strip("\"'“”‘’(),.:;!?"))
                    if not m:
                        continue
                    w = m.group(0)
                    (lower if w[0].islower() else upper)[w.lower()] += 1
    words = sorted(w for w, n in lower.items()
                   if n >= COMMON_MIN_LOWER_COUNT and n / (n + upper[w]) >= COMMON_MIN_LOWER_SHARE)
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    lowercase_path.write_text("\n".join(sorted(lower)) + "\n", encoding="utf-8")
    common_words.cache_clear()
    lowercase_words.cache_clear()
    return len(words)
