"""Language identification restricted to the languages warta expects in news.

Example:
    >>> detect_language("Menteri pertahanan Korea Selatan mengatakan bahwa pasukan itu tewas.")[0]
    'id'
"""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("id", "en", "ms")
OTHER = "other"
#: Below this probability the text is called "other".
MIN_PROBABILITY = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(["id", "en", "ms", "de", "fr", "es", "nl", "pt", "it", "tl", "jv"])
    return ident


def detect_language(text: str) -> tuple[str, float]:
    """Return (code, probability): code is one of ``SUPPORTED`` or ``"other"``."""
    sample = text[:4000]
    if not sample.strip():
        return OTHER, 0.0
    code, prob = _identifier().classify(sample)
    if code not in SUPPORTED or prob < MIN_PROBABILITY:
        return OTHER, float(prob)
    return code, float(prob)
