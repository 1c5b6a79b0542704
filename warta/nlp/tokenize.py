"""warta's tokenization policy for Indonesian news, applied to a spaCy tokenizer.

The policy follows the NER training data: hyphenated words stay whole ("Kim Yong-hyun",
"Rusia-Ukraina", "undang-undang"); clitics written solid stay attached ("bukunya",
"kubaca"), as the corpora write them; a clitic after a hyphen is split off so the name
before it stays clean ("PBB-nya" → "PBB", "-nya"); abbreviations with a full stop
(Dr., No., Jl., Kec.) are one token; "(7/10)" splits into brackets and the date. Punctuation glued to the
next word after a full stop or a comma is split off (``GLUED_PUNCT_INFIXES``: "itu.“Saya", "itu.,Tory",
"kepada,,Sesuai" — CLICK-ID joins paragraphs that way, and spaCy does not look for prefixes again after an infix).

The rules are stored in the tokenizer itself, so ``spacy.load`` of a model saved
after :func:`customize_tokenizer` tokenizes the same way without warta's code.

Example:
    >>> import spacy
    >>> nlp = customize_tokenizer(spacy.blank("id"))
    >>> [t.text for t in nlp("Kim Yong-hyun dan Dewan Keamanan PBB-nya.")]
    ['Kim', 'Yong-hyun', 'dan', 'Dewan', 'Keamanan', 'PBB', '-nya', '.']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_prefix_regex

ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "resources" / "nlp" / "abbreviations.id.txt"
#: marker meaning the tokenizer was already customised
POLICY_VERSION = "warta-tokenizer-3"
#: opening quotes and commas glued to a word after other punctuation ("itu.“Saya", "itu.,Tory", "kepada,,Sesuai")
GLUED_PUNCT_INFIXES = (
    r"(?<=[.!?,;:])[“‘\"']+(?=[^\W\d_])",
    r"(?<=[.!?;:]),+(?=[^\W\d_])",
    r"(?<=[^\W\d_]),{2,}(?=[^\W\d_])",
)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """Abbreviations that end in a full stop and never end a sentence by themselves (case as written)."""
    lines = ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def customize_tokenizer(nlp: Language) -> Language:
    """Apply the policy to ``nlp.tokenizer`` in place (idempotent) and return ``nlp``."""
    tok = nlp.tokenizer
    # spaCy's 15k Indonesian hyphenated exceptions only keep hyphenated words whole, which the
    # infix change below does for every word; dropping them makes the saved model load faster.
    if any("-" in k for k in tok.rules):
        tok.rules = {k: v for k, v in tok.rules.items() if "-" not in k}
    infixes = [p for p in nlp.Defaults.infixes if not _hyphen_between_letters(p)] + list(GLUED_PUNCT_INFIXES)
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    # spaCy anchors each prefix with "^" by plain concatenation, so the Indonesian HTML-tag prefix
    # "<(b|…)\s?/>|<a([^>]+)>" leaves its second branch unanchored; that one branch makes the whole
    # prefix search scan every position of every word, 16x slower (~30 µs a call). Grouping each
    # pattern anchors all of its branches, as intended.
    tok.prefix_search = compile_prefix_regex([f"(?:{p})" for p in nlp.Defaults.prefixes if p.strip()]).search
    for abbr in abbreviations():
        for form in {abbr, abbr.lower(), abbr.upper(), abbr.capitalize()}:
            tok.add_special_case(form, [{ORTH: form}])
    nlp.meta.setdefault("warta", {})["tokenizer"] = POLICY_VERSION
    return nlp


def _hyphen_between_letters(pattern: str) -> bool:
    """True for the default infix that splits "Yong-hyun" at the hyphen."""
    import re

    try:
        rx = re.compile(pattern)
    except re.error:
        return False
    return bool(rx.search("Yong-hyun")) and not rx.search("a...b")
