"""Gazetteer flags: what warta's own word lists know about a token, as features of the Indonesian model.

A hash embedding learns a word only from the sentences it was seen in; the NER corpora are small, so a
village name or a capitalised common word that training never saw looks like any other capitalised
word. Two boolean lexeme flags give the model what warta's tables know:

- ``PLACE_FLAG`` (spaCy ``FLAG40``): a capitalised word of a place name — a word of the GeoNames /
  pycountry names in ``gpe_names.txt`` or of an Indonesian province, regency, district or village
  (Kemendagri codes, ``place_words.id.txt.gz``).
- ``COMMON_FLAG`` (``FLAG41``): a word CLICK-ID news writes in lower case mid-sentence
  (``common_words.id.txt``, the list post-correction 2 reads).

A model whose tok2vec reads these attributes names :func:`add_gazetteer_flags` as its
``[nlp] after_creation`` callback (``warta.gazetteer_flags.v1``), so training and loading set the same
flags; spaCy computes a flag once per distinct word, when the word enters the vocabulary.

Example:
    >>> import spacy
    >>> nlp = add_gazetteer_flags(spacy.blank("id"))
    >>> [t.check_flag(PLACE_FLAG) for t in nlp("Mereka datang ke Sidomulyo")]
    [False, False, False, True]
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from .places import GPE_FILE
from .postprocess import RESOURCES, common_words

PLACE_WORDS_FILE = RESOURCES / "place_words.id.txt.gz"
#: spaCy lexeme flag bits (FLAG40, FLAG41: free in every language's defaults)
PLACE_FLAG = 40
COMMON_FLAG = 41
#: the name of the spaCy callback that sets the flags (``[nlp] after_creation`` in a model's config)
CALLBACK = "warta.gazetteer_flags.v1"
#: a word of a name: letters, with inner apostrophes or hyphens ("Ba'a", "Kuala-Lumpur")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: the Kemendagri region table under the data folder (levels 1 province … 4 village, all read)
WILAYAH_FILE = Path("indonesia-wilayah-kemendagri") / "wilayah.tsv.gz"


def name_words(name: str) -> list[str]:
    """The lower-cased words of two letters or more in a place name."""
    return [w.lower() for w in _WORD.findall(name) if len(w) > 1]


def _gpe_words() -> set[str]:
    words: set[str] = set()
    if GPE_FILE.exists():
        for line in GPE_FILE.read_text(encoding="utf-8").splitlines():
            words.update(name_words(line))
    return words


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Lower-cased words of warta's place names (GeoNames/pycountry names + Indonesian regions)."""
    words = _gpe_words()
    if PLACE_WORDS_FILE.exists():
        with gzip.open(PLACE_WORDS_FILE, "rt", encoding="utf-8") as f:
            words.update(line.strip() for line in f if line.strip())
    return frozenset(words)


def is_place_word(text: str) -> bool:
    """A capitalised word of a known place name ("Sidomulyo", "Jawa"; not "jawa")."""
    return text[:1].isupper() and text.lower() in place_words()


def is_common_word(text: str) -> bool:
    """A word news writes in lower case ("Saran" as well as "saran")."""
    return text.lower() in common_words()


def add_gazetteer_flags(nlp):
    """Set ``PLACE_FLAG`` and ``COMMON_FLAG`` on ``nlp``'s vocabulary (now and for every new word)."""
    nlp.vocab.add_flag(is_place_word, flag_id=PLACE_FLAG)
    nlp.vocab.add_flag(is_common_word, flag_id=COMMON_FLAG)
    return nlp


def register() -> None:
    """Make ``warta.gazetteer_flags.v1`` known to spaCy (before loading or training a model that names it)."""
    from spacy import registry

    if CALLBACK not in registry.callbacks:
        registry.callbacks.register(CALLBACK, func=lambda: add_gazetteer_flags)


def build_place_words(data_dir: Path, path: Path = PLACE_WORDS_FILE) -> int:
    """Write the words of the Kemendagri region names not already in ``gpe_names.txt``; returns their number."""
    words: set[str] = set()
    with gzip.open(Path(data_dir) / WILAYAH_FILE, "rt", encoding="utf-8") as f:
        next(f)  # header: kode, nama, level
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                words.update(name_words(parts[1]))
    new = sorted(words - _gpe_words())
    with gzip.GzipFile(path, "wb", mtime=0) as f:  # mtime 0: the same data gives the same bytes
        f.write(("\n".join(new) + "\n").encode("utf-8"))
    place_words.cache_clear()
    return len(new)
