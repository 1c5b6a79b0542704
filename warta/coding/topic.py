"""Sport and show articles: a sentence of one codes nothing unless it names public life or armed actors.

``filters.off_topic`` silences a sentence that holds a sport or entertainment word. In a match report or a
celebrity story most sentences hold none ("tembakan Sarabia berhasil disapu", "Portugal akan … mengunjungi
Ukraina", "Gigi pun menyampaikan protesnya kepada Raffi"), and country names there are teams, so the article
decides: with ``off_topic_article.sentences`` sentences (or its headline) holding a word of the list
``off_topic_article.words``, its sentences code events only when they name public life (the word list
``public``: "polisi", "menteri", "ASEAN" …) or an actor with a sector (police, a ministry, a commission). A language without
the key (English) is coded as before.

Example:
    >>> from warta.coding.resources import load_resources
    >>> res = load_resources("id")
    >>> words = "laga itu berakhir imbang . pelatih memuji pemain . tembakan sarabia disapu".split()
    >>> sport_or_show([(0, 5), (5, 9), (9, 13)], words, res, headline=None)
    False
    >>> sport_or_show([(0, 5), (5, 9), (9, 13)], words, res, headline=0, min_sentences=2)
    True
"""
from __future__ import annotations

from collections.abc import Sequence

from .resources import CodingResources

PUBLIC = "public"


def sport_or_show(ranges: Sequence[tuple[int, int]], words: Sequence[str], res: CodingResources, *,
                  headline: int | None, min_sentences: int | None = None) -> bool:
    """Whether the article of the sentence token ``ranges`` is about sport or entertainment: its headline
    (index ``headline`` of ``ranges``, None without one) or ``min_sentences`` sentences (default: the
    language's ``off_topic_article.sentences``) hold a word of the language's list."""
    ps = res.word_lists.get(res.topic_words or "")
    if ps is None:
        return False
    hits = [any(True for _ in ps.finditer(words, lo, hi)) for lo, hi in ranges]
    if headline is not None and hits[headline]:
        return True
    return sum(hits) >= (min_sentences or res.topic_sentences)


def public_sentence(words: Sequence[str], lo: int, hi: int, actor_at_token: Sequence[str | None],
                    sectored: frozenset[str], res: CodingResources) -> bool:
    """Whether the sentence ``[lo, hi)`` names public life or an actor with a sector (police, a ministry, a
    commission: ids ``sectored``), so that it is news even inside a sport or show article ("Polisi menembakkan
    gas air mata ke arah suporter"). A state does not count: in a match report it is a team."""
    ps = res.word_lists.get(PUBLIC)
    if ps is not None and any(True for _ in ps.finditer(words, lo, hi)):
        return True
    return any(a in sectored for a in actor_at_token[lo:hi] if a)
