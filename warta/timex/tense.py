"""Which way an under-specified expression points: the tense cues of its clause.

Indonesian verbs carry no tense, so the cue is a word: "akan", "bakal", "dijadwalkan" (future) or
"telah", "sudah", "lalu" (past); English and Spanish add verb endings (``past_pattern`` and
``future_pattern`` in the lexicon: "-ed", "-rá"). The nearest cue inside the clause wins, looking left first (the
auxiliary usually precedes the verb the date modifies), then right.

Example:
    >>> from warta.timex.lexicon import load_grammar
    >>> g = load_grammar("id")
    >>> s = "Menteri akan berkunjung pada hari Kamis."
    >>> tense_at(s, s.index("Kamis"), s.index("Kamis") + 5, g)
    'future'
    >>> s = "Ia mengatakan pada hari Kamis bahwa pasukan telah mundur."
    >>> tense_at(s, s.index("Kamis"), s.index("Kamis") + 5, g) is None
    True
"""
from __future__ import annotations

import re

from .lexicon import Grammar

#: How many words either side of the expression are read for a cue.
WINDOW_WORDS = 6
#: ... read within this many characters (bounds the cost on long sentences).
WINDOW_CHARS = 80
#: Clause boundaries: a cue beyond one of these belongs to another clause.
_BOUNDARY = re.compile(r"[;:!?\"“”()]|[.,](?!\d)|\b(?:bahwa|tetapi|namun|sedangkan|that|but|while|which|said)\b",
                       re.IGNORECASE)
_WORD = re.compile(r"[\w'’]+", re.UNICODE)


def _words(fragment: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(fragment)]


def _cue(word: str, grammar: Grammar, before: str | None = None) -> str | None:
    if before in grammar.cue_not_after.get(word, ()):
        return None
    if word in grammar.future_cues:
        return "future"
    if word in grammar.past_cues:
        return "past"
    if grammar.future_pattern is not None and grammar.future_pattern.match(word):
        return "future"
    # A past form is a participle after "be"/"to" ("to be published", "will be completed").
    if grammar.past_pattern is not None and grammar.past_pattern.match(word) and before not in grammar.participle_before:
        return "past"
    return None


def tense_at(text: str, start: int, end: int, grammar: Grammar, *, sentence: tuple[int, int] | None = None) -> str | None:
    """"future", "past" or None for the expression at ``text[start:end]`` (clause-local cues only)."""
    s_start, s_end = sentence if sentence else (0, len(text))
    s_start, s_end = max(s_start, start - WINDOW_CHARS), min(s_end, end + WINDOW_CHARS)
    left = text[s_start:start]
    cut = None
    for cut in _BOUNDARY.finditer(left):
        pass
    if cut is not None:
        left = left[cut.end():]
    words = _words(left)[-WINDOW_WORDS - 1:]
    for i in range(len(words) - 1, max(-1, len(words) - 1 - WINDOW_WORDS), -1):
        found = _cue(words[i], grammar, words[i - 1] if i > 0 else None)
        if found:
            return found
    right = text[end:s_end]
    # A comma right after the date ("On Tuesday, the minister will ...") does not end its clause.
    right = right.lstrip(" ,")
    stop = _BOUNDARY.search(right)
    if stop is not None:
        right = right[:stop.start()]
    words = _words(right)[:WINDOW_WORDS]
    for i, w in enumerate(words):
        found = _cue(w, grammar, words[i - 1] if i > 0 else None)
        if found:
            return found
    return None
