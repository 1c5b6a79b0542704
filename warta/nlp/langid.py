"""Language identification restricted to the languages warta expects in news.

py3langid's model is restricted to Indonesian, English, Malay and a few neighbours that
news text gets confused with; Indonesian vs Malay is then decided by
:func:`_malay_evidence`: py3langid alone calls short Indonesian sentences Malay too
sometimes (measured in docs/language.md), so "ms" needs py3langid's vote plus either a
confident Malay probability or Malay-only spellings ("kerana", "bahawa", "selepas").
When py3langid is unsure, lingua (restricted to
Indonesian, English and Malay) takes a second look.

Example:
    >>> detect_language("Menteri pertahanan Korea Selatan mengatakan bahwa pasukan itu tewas.")[0]
    'id'
"""
from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("id", "en", "ms")
OTHER = "other"
#: Below this probability the text is called "other".
MIN_PROBABILITY = 0.5
#: Languages the classifier may choose from (others are too rare in warta's input to risk confusion).
CANDIDATES = ("id", "en", "ms", "de", "fr", "es", "nl", "pt", "it", "tl", "jv")
#: Characters of text looked at (enough for a stable decision, cheap for long articles).
SAMPLE_CHARS = 4000
#: Malaysian Malay spellings and words that Indonesian news does not use.
MALAY_ONLY = frozenset("kerana bahawa selepas sebarang manakala kenyataan berkuasa iaitu sahaja percuma baharu "
                       "tarikh bomba amaran kes seramai lawatan mesyuarat suruhanjaya rasmi dijangka menggesa "
                       "memaklumkan persekutuan".split())
#: Malay needs at least this many Malay-only words per 100 words ...
MALAY_MIN_PER_100 = 1.0
#: ... or py3langid's Malay probability at least this high.
MALAY_SURE = 0.75
#: Below this top probability lingua gets a second look (a confident foreign call stays foreign).
CONFIDENT = 0.6
#: lingua's candidate languages for the second look (ISO 639-1 → lingua name). Only the analysed
#: ones, in low-accuracy (trigram) mode: ~11 MB and well under a second of loading in each worker
#: process, where nine languages in full mode cost ~190 MB and ~10 s; text py3langid confidently
#: calls foreign never reaches the second look (docs/language.md has the measurements).
LINGUA_LANGUAGES = {"id": "INDONESIAN", "en": "ENGLISH", "ms": "MALAY"}
_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    # set_languages keeps the full 142-language table (28 MB) for a later reset that warta never does.
    ident._full_model = (ident.nb_ptc, ident.nb_pc, ident.nb_classes)
    return ident


@lru_cache(maxsize=1)
def _lingua():
    from lingua import Language, LanguageDetectorBuilder

    langs = {getattr(Language, name): code for code, name in LINGUA_LANGUAGES.items()}
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build(), langs


def _second_look(text: str) -> str | None:
    detector, codes = _lingua()
    found = detector.detect_language_of(text)
    return codes.get(found) if found is not None else None


def _malay_evidence(text: str) -> float:
    """Malay-only spellings per 100 words."""
    words = _WORDS.findall(text.lower())
    if not words:
        return 0.0
    return 100.0 * sum(w in MALAY_ONLY for w in words) / len(words)


def detect_language(text: str) -> tuple[str, float]:
    """Return (code, probability): code is one of ``SUPPORTED`` or ``"other"``."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return OTHER, 0.0
    ranked = _identifier().rank(sample)
    code, prob = ranked[0]
    probs = dict(ranked)
    if prob < CONFIDENT:
        # Short or name-heavy text (headlines, captions): ask lingua before giving up.
        second = _second_look(sample)
        if second in SUPPORTED:
            code, prob = second, max(float(probs.get(second, 0.0)), MIN_PROBABILITY)
    if code in ("id", "ms"):
        # The two are one macro-language; Malay needs a confident vote or Malay-only spellings.
        joint = float(probs.get("id", 0.0) + probs.get("ms", 0.0))
        malay = code == "ms" and (probs.get("ms", 0.0) >= MALAY_SURE
                                  or _malay_evidence(sample) >= MALAY_MIN_PER_100)
        return ("ms" if malay else "id"), max(joint, float(prob))
    if code not in SUPPORTED or prob < MIN_PROBABILITY:
        return OTHER, float(prob)
    return code, float(prob)
