"""Lazily loaded, cached spaCy pipelines per language (nothing loads at import time).

The shipped Indonesian model lives in ``warta/resources/models/id_news``; when it is
absent (e.g. a source checkout before ``make models``) a blank tokenizer is used and
no entities are produced.

Example:
    >>> nlp = load_pipeline("id")
    >>> [t.text for t in nlp.make_doc("Kim Yong-hyun datang.")][:2]
    ['Kim', 'Yong-hyun']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
#: language code → directory name under MODELS_DIR
MODEL_NAMES = {"id": "id_news"}
#: spaCy blank languages to fall back on
BLANK = {"id": "id", "en": "en", "ms": "id"}


def model_path(language: str) -> Path | None:
    name = MODEL_NAMES.get(language)
    if name is None:
        return None
    path = MODELS_DIR / name
    return path if (path / "meta.json").exists() else None


@lru_cache(maxsize=8)
def load_pipeline(language: str):
    """Return the spaCy ``Language`` for ``language`` (loaded once, then reused)."""
    import spacy

    path = model_path(language)
    if path is not None:
        return spacy.load(path)
    return spacy.blank(BLANK.get(language, "xx"))
