"""Per-language coding lexicons (``warta/resources/coding/<lang>.yaml``) compiled into dict lookups.

A lexicon entry names a PLOVER type/mode and either an Indonesian *root* (the
morphology generator below produces meN-/di-/ter-/-an/peN-…-an forms and marks
each with its voice), English *verbs* (regular inflections generated), literal
*words* with a given voice, or multi-word *phrases* (``*`` = a gap of up to
three tokens). Everything is compiled once per language into plain dicts, so
coding an article is a dict lookup per token, with no regex compiled per article.

Example:
    >>> lex = load_lexicon("id")
    >>> [(t.type, t.voice) for t in lex.single["diserang"]]
    [('ASSAULT', 'passive')]
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "coding"
LANGUAGES = ("id", "en")
#: the longest gap a ``*`` in a phrase may stand for
PHRASE_GAP = 3
#: voices a trigger can carry; they tell the argument assigner where actor and recipient sit
VOICES = ("active", "passive", "nominal", "undergoer", "symmetric")
#: a number with separators is one token ("1.000", "2,5", "07.30"), so that its parts never read as counts
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+(?![\w-])|\w+(?:[-'’]\w+)*|[^\w\s]")
#: Indonesian clitics stripped when a form is not found as written
CLITICS = ("nya", "lah", "kah", "pun")
VOWELS = "aeiou"
#: final consonants an English one-syllable verb doubles before -ed/-ing
DOUBLING = "bdgmnprt"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One way a word or phrase signals a PLOVER event."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    voice: str = "active"
    weight: float = 0.7
    casualty: str | None = None  # killed | injured: a number next to the trigger counts victims
    accuse_if_hostile: bool = False  # a claim verb that codes ACCUSE only over hostile content
    key: str = ""  # the lexicon key it came from (root, verb or phrase), for debugging and docs
    fallback: bool = False  # from a generated fallback layer (en_cameo.yaml), not the hand-written lexicon
    word_class: str = ""  # "verb" / "noun" when generated from a ``verb:`` / ``noun:`` list; "" for literals
    # names of word lists (``word_lists:`` in the YAML) that gate the trigger (see ``filters.py``):
    needs_after: str | None = None  # one of these words must follow the trigger closely ("provided * aid")
    not_near: str | None = None  # none of these may sit next to it ("released a statement" is no release)
    needs_context: str | None = None  # the sentence must hold one of these ("attack" needs an armed context)
    not_in_sentence: str | None = None  # the sentence may hold none of these ("diserang oleh pasukan siber")
    not_by: str | None = None  # none of these does it: the subject of an active form, the agent of a passive one
    otherwise: str | None = None  # the type a verb takes without that context (a verbal "attack" → ACCUSE)
    needs_actor: bool = False  # a weak trigger: an event only with a resolved actor ("Libya must …")
    needs_recipient: bool = False  # an event only with a resolved recipient ("defended Clinton", not "the image")
    # "TYPE:mode" the event becomes when it has no recipient, no victims and none of ``target_words`` in the
    # sentence ("Korea Utara menembakkan dua rudal": a launch, not an attack on anyone)
    untargeted: str | None = None
    target_words: str | None = None
    target_preps: str | None = None  # ... and no place right after one of these words ("ke Kyiv")
    possessor: str = "actor"  # the mention after the event noun: its actor, or its recipient ("penangkapan X")


@dataclass(slots=True)
class Lexicon:
    language: str
    version: str
    single: dict[str, list[Trigger]] = field(default_factory=dict)
    # first word → [(phrase words, trigger)], longest phrase first
    multi: dict[str, list[tuple[tuple[str, ...], Trigger]]] = field(default_factory=dict)
    words: dict[str, Any] = field(default_factory=dict)  # other word lists (modality, cues, ...)
    # fallback verb + object patterns: verb form → shared lists of (phrase, trigger), the phrase's first
    # element standing for the verb form itself (one list per CAMEO verb block, shared by all its forms)
    patterns: dict[str, list[list[tuple[tuple[str, ...], Trigger]]]] = field(default_factory=dict)

    def lookup(self, word: str) -> list[Trigger]:
        """Triggers for one lowercased token, trying the form without an Indonesian clitic next."""
        hit = self.single.get(word)
        if hit:
            return hit
        if self.language == "id":
            for clitic in CLITICS:
                if word.endswith(clitic) and len(word) > len(clitic) + 3:
                    hit = self.single.get(word[: -len(clitic)])
                    if hit:
                        return hit
        return []


def id_nasal(prefix: str, root: str) -> str:
    """Indonesian meN-/peN- with its nasal assimilation: ``id_nasal('me', 'serang')`` → ``menyerang``."""
    first = root[0]
    if len(root) <= 3 or " " in root:  # monosyllables take menge-/penge- (bom → mengebom)
        return prefix + "nge" + root
    if first in VOWELS:
        return prefix + "ng" + root
    if first == "k":
        return prefix + "ng" + root[1:]
    if first in "gh":
        return prefix + "ng" + root
    if first == "p":
        return prefix + "m" + root[1:]
    if first in "bfv":
        return prefix + "m" + root
    if first == "t":
        return prefix + "n" + root[1:]
    if first in "dcjz":
        return prefix + "n" + root
    if first == "s":
        return prefix + "ny" + root[1:]
    return prefix + root


#: affix name → (voice, builder)
ID_AFFIXES: dict[str, tuple[str, Any]] = {
    "root": ("active", lambda r: r),
    "meN": ("active", lambda r: id_nasal("me", r)),
    "meN-kan": ("active", lambda r: id_nasal("me", r) + "kan"),
    "meN-i": ("active", lambda r: id_nasal("me", r) + ("" if r.endswith("i") else "i")),
    "memper": ("active", lambda r: "memper" + r),
    "di": ("passive", lambda r: "di" + r),
    "di-kan": ("passive", lambda r: "di" + r + "kan"),
    "di-i": ("passive", lambda r: "di" + r + ("" if r.endswith("i") else "i")),
    "ter": ("passive", lambda r: "ter" + r),
    "ber": ("symmetric", lambda r: ("be" if r.startswith("r") else "ber") + r),
    "an": ("nominal", lambda r: r + "an"),
    "peN-an": ("nominal", lambda r: id_nasal("pe", r) + "an"),
    "per-an": ("nominal", lambda r: "per" + r + "an"),
    "pe-an": ("nominal", lambda r: "pe" + r + "an"),
    "ke-an": ("undergoer", lambda r: "ke" + r + "an"),
}
DEFAULT_ID_AFFIXES = ("meN", "meN-kan", "di", "di-kan", "an", "peN-an")


def en_inflect(verb: str) -> dict[str, str]:
    """Regular English verb forms → voice: ``en_inflect('deny')`` has denies, denied, denying."""
    forms: dict[str, str] = {verb: "active"}
    if verb.endswith("y") and verb[-2:-1] not in VOWELS:
        stem = verb[:-1]
        forms.update({stem + "ies": "active", stem + "ied": "active", verb + "ing": "active"})
    elif verb.endswith("e"):
        forms.update({verb + "s": "active", verb + "d": "active", verb[:-1] + "ing": "active"})
    else:
        s = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
        stem = verb
        if (len(verb) <= 4 and verb[-1] in DOUBLING and verb[-2] in VOWELS and verb[-3:-2] not in tuple(VOWELS)) \
                or verb.endswith(("pel", "mit", "fer")):
            stem = verb + verb[-1]  # ban → banned, expel → expelled
        forms.update({s: "active", stem + "ed": "active", stem + "ing": "active"})
    return forms


def _trigger(entry: dict[str, Any], voice: str, key: str, *, fallback: bool = False, word_class: str = "") -> Trigger:
    return Trigger(
        type=entry["type"], mode=entry.get("mode"), context=tuple(entry.get("context", ())),
        voice=entry.get("voice_override", voice), weight=float(entry.get("weight", 0.7)),
        casualty=entry.get("casualty"), accuse_if_hostile=bool(entry.get("accuse_if_hostile", False)), key=key,
        fallback=fallback, word_class=word_class, needs_after=entry.get("needs_after"),
        not_near=entry.get("not_near"), needs_context=entry.get("needs_context"), otherwise=entry.get("otherwise"),
        not_in_sentence=entry.get("not_in_sentence"), not_by=entry.get("not_by"),
        needs_actor=bool(entry.get("needs_actor", False)), needs_recipient=bool(entry.get("needs_recipient", False)),
        untargeted=entry.get("untargeted"), target_words=entry.get("target_words"),
        target_preps=entry.get("target_preps"), possessor=entry.get("possessor", "actor"),
    )


def _add(table: dict[str, list[Trigger]], form: str, trig: Trigger) -> None:
    bucket = table.setdefault(form.lower(), [])
    if all((t.type, t.voice) != (trig.type, trig.voice) for t in bucket):
        bucket.append(trig)


def compile_lexicon(raw: dict[str, Any], language: str, *, fallback: dict[str, Any] | None = None) -> Lexicon:
    """Turn the YAML structure into lookup tables (pure; ``load_lexicon`` caches it).

    ``fallback`` is a generated layer (``en_cameo.yaml``): its forms and phrases are added only where the
    hand-written lexicon has no entry for the same form, and its verb + object patterns go to ``patterns``.
    """
    lex = Lexicon(language=language, version=str(raw.get("version", "0")))
    _compile_entries(lex, raw.get("triggers", []), fallback=False)
    for bucket in lex.multi.values():
        bucket.sort(key=lambda p: -len(p[0]))
    if fallback:
        own_single, own_multi = set(lex.single), set(lex.multi)
        layer = Lexicon(language=language, version="")
        _compile_entries(layer, fallback.get("triggers", []), fallback=True)
        for form, trigs in layer.single.items():
            if form not in own_single:
                lex.single[form] = trigs
        for first, phrases in layer.multi.items():
            if first not in own_single and first not in own_multi:
                lex.multi[first] = sorted(phrases, key=lambda p: -len(p[0]))
        weight = float(fallback.get("pattern_weight", 0.55))
        for block in fallback.get("patterns", []):
            shared: list[tuple[tuple[str, ...], Trigger]] = []
            for label, objects in block["objects"].items():
                typ, _, mode = label.partition("/")
                trig = _trigger({"type": typ, "mode": mode or None, "weight": weight}, "active", label, fallback=True)
                shared.extend((("", "*", *obj.lower().split()), trig) for obj in objects)
            shared.sort(key=lambda p: -len(p[0]))
            for form in block["verbs"]:
                lex.patterns.setdefault(form.lower(), []).append(shared)
    if raw.get("irregular_past") is not None:
        _inflect_phrase_heads(lex, raw, fallback)
    lex.words = {k: v for k, v in raw.items() if k not in ("triggers", "version", "include")}
    return lex


def _inflect_phrase_heads(lex: Lexicon, raw: dict[str, Any], fallback: dict[str, Any] | None) -> None:
    """English: a hand-written phrase whose first word is a past form of a known verb ("imposed sanctions")
    also matches the verb's other forms ("imposes sanctions", "impose sanctions", "imposing sanctions").

    Known verbs are the ``verb`` entries of the lexicon and of its fallback layer; ``irregular_past`` maps
    irregular forms to their verb (``met: meet``)."""
    irregular = {k.lower(): v.lower() for k, v in (raw.get("irregular_past") or {}).items()}
    known = {v for e in raw.get("triggers", []) + (fallback or {}).get("triggers", []) for v in _as_list(e.get("verb"))}
    known |= set(irregular.values())
    by_past = dict(irregular)
    for verb in known:
        for form in en_inflect(verb):
            if form.endswith("ed"):
                by_past.setdefault(form, verb)
    forms_of = {}
    for past, verb in by_past.items():
        forms_of[past] = set(en_inflect(verb)) | {p for p, v in irregular.items() if v == verb}
    for first in list(lex.multi):
        if first not in forms_of:
            continue
        for phrase, trig in list(lex.multi[first]):
            if trig.fallback or trig.voice != "active":
                continue
            for form in forms_of[first] - {first}:
                bucket = lex.multi.setdefault(form, [])
                new = (form, *phrase[1:])
                if all(p != new for p, _ in bucket):
                    bucket.append((new, trig))
    for bucket in lex.multi.values():
        bucket.sort(key=lambda p: -len(p[0]))


def _compile_entries(lex: Lexicon, entries: list[dict[str, Any]], *, fallback: bool) -> None:
    for entry in entries:
        for root in _as_list(entry.get("root")):
            for affix in entry.get("affixes", DEFAULT_ID_AFFIXES):
                voice, build = ID_AFFIXES[affix]
                _add(lex.single, build(root), _trigger(entry, voice, root, fallback=fallback))
        for verb in _as_list(entry.get("verb")):
            for form, voice in en_inflect(verb).items():
                _add(lex.single, form, _trigger(entry, voice, verb, fallback=fallback, word_class="verb"))
        for noun in _as_list(entry.get("noun")):
            for form in (noun, noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s")):
                phrase = tuple(form.lower().split())
                if len(phrase) == 1:
                    _add(lex.single, form, _trigger(entry, "nominal", noun, fallback=fallback, word_class="noun"))
                else:
                    lex.multi.setdefault(phrase[0], []).append(
                        (phrase, _trigger(entry, "nominal", noun, fallback=fallback)))
        for voice in VOICES:
            for word in _as_list(entry.get(voice)):
                phrase = tuple(word.lower().split())
                trig = _trigger(entry, voice, word, fallback=fallback)
                if len(phrase) == 1:
                    _add(lex.single, phrase[0], trig)
                else:
                    lex.multi.setdefault(phrase[0], []).append((phrase, trig))


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


@lru_cache(maxsize=2 * len(LANGUAGES))
def load_lexicon(language: str, *, layers: tuple[str, ...] | None = None) -> Lexicon:
    """The compiled lexicon of ``language`` (``id`` or ``en``; others fall back to ``id``).

    ``layers`` names generated fallback layers to add (a path, or a file name under the lexicon folder;
    e.g. the CAMEO layer built by ``scripts/build_cameo_lexicon.py``, not shipped); ``None`` takes the
    lexicon file's own ``include`` list (empty in the shipped files: see docs/events.md for why).

    Example:
        >>> any(t.fallback for t in load_lexicon("en").lookup("pummelled"))
        False
    """
    lang = language if language in LANGUAGES else "id"
    with open(RESOURCE_DIR / f"{lang}.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    if layers is not None:
        raw["include"] = list(layers)
    fallback: dict[str, Any] = {"triggers": [], "patterns": []}
    for name in _as_list(raw.get("include")):  # generated fallback layers, e.g. en_cameo.yaml
        with open(RESOURCE_DIR / name, encoding="utf-8") as fh:
            layer = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        fallback["triggers"] += layer.get("triggers", [])
        fallback["patterns"] += layer.get("patterns", [])
        fallback["pattern_weight"] = layer.get("pattern_weight", 0.55)
    return compile_lexicon(raw, lang, fallback=fallback if raw.get("include") else None)


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, lowercased text) tokens of ``text``, offsets shifted by ``offset``."""
    return [(m.start() + offset, m.end() + offset, m.group().lower()) for m in TOKEN_RE.finditer(text)]


def match_phrase(words: Sequence[str], i: int, hi: int, phrases: Sequence[tuple[tuple[str, ...], Trigger]],
                 free: frozenset[str] = frozenset()) -> tuple[int, Trigger] | None:
    """The end and trigger of the first phrase matching at ``i``; a gap ``*`` holds up to ``PHRASE_GAP`` words
    besides words of ``free`` ("blocked on Tuesday a resolution": dates do not widen the object)."""
    for phrase, trig in phrases:
        k, ok = i + 1, True  # the first word is the lookup key: words[i] matches it by construction
        for n, w in enumerate(phrase[1:], 1):
            if w == "*":
                nxt = phrase[n + 1]
                gap = counted = 0
                while k + gap < hi and counted <= PHRASE_GAP and words[k + gap] != nxt:
                    counted += words[k + gap] not in free
                    gap += 1
                if k + gap < hi and counted <= PHRASE_GAP and words[k + gap] == nxt:
                    k += gap
                else:
                    ok = False
                    break
                continue
            if k >= hi or words[k] != w:
                ok = False
                break
            k += 1
        if ok:
            return k, trig
    return None
