"""Attribution: who says what, how surely, and through whom (claims with cue, speaker and content spans).

Patterns, per sentence, for Indonesian and English (word lists in the lexicon files):

* ``SPEAKER CUE (kepada X …) bahwa CONTENT`` — "Kim mengatakan … bahwa …", "X said that …";
* ``CONTENT, CUE SPEAKER`` / ``“QUOTE,” kata Kim`` / ``…, katanya`` — the after-cue; an anaphoric
  speaker ("katanya", "ujar dia", "he said") resolves to the previous speaker;
* ``Menurut SPEAKER, CONTENT`` and ``CONTENT, menurut SPEAKER`` ("according to");
* quotes, balanced or not: a closing mark without an opening one reaches back to the paragraph start;
* a source chain inside the content ("seperti yang dilaporkan oleh media Ukraina") is cut off the content
  and appended to ``source_chain`` after the speaker (outermost first).

Example:
    >>> from warta.model import Article, Document, Sentence
    >>> text = "Polisi mengatakan bahwa dua orang ditangkap."
    >>> doc = Document(article=Article(id="a", text=text), language="id", sentences=[Sentence(0, len(text))])
    >>> [text[c.start:c.end] for c in find_claims(doc)]
    ['dua orang ditangkap']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Claim, Document, Span
from .modality import claim_certainty
from .resources import CodingResources, load_resources
from .text import TextView, text_view

OPEN_QUOTES = "“‘«„"
CLOSE_QUOTES = "”’»"
STRAIGHT = '"'
#: where a sentence ends inside a paragraph (CLICK-ID writes paragraph breaks as ".,")
SENTENCE_END = re.compile(r"[.!?][\s,]+")
#: a quote shorter than this many words is a scare quote, not a statement
MIN_QUOTE_WORDS = 4
#: how far left of a cue its speaker may start (tokens)
SPEAKER_WINDOW = 10
#: how far right of a cue the complementiser ("bahwa", "that") may sit
COMPLEMENTISER_WINDOW = 12
#: words skipped between a speaker and its cue ("Kim juga telah mengatakan")
AUXILIARIES = frozenset({"juga", "telah", "sudah", "pun", "kembali", "lagi", "pernah", "also", "has", "had", "have",
                         "had", "again", "later", "earlier", "previously", "then", "on", "kemudian", "sebelumnya"})
PUNCT = frozenset(",.;:!?")


@dataclass
class _Quote:
    start: int  # char offset of the content (inside the marks)
    end: int
    open_mark: int | None
    close_mark: int | None


def find_quotes(text: str) -> list[_Quote]:
    """Quoted stretches, per paragraph; an unmatched mark reaches to the paragraph's edge."""
    quotes: list[_Quote] = []
    pos = 0
    for para in text.split("\n"):
        base = pos
        pos += len(para) + 1
        open_at: int | None = None
        straight_open = False
        for k, ch in enumerate(para):
            if ch in "‘’" and 0 < k < len(para) - 1 and para[k - 1].isalnum() and para[k + 1].isalnum():
                continue  # an apostrophe inside a word
            is_open = ch in OPEN_QUOTES or (ch == STRAIGHT and not straight_open)
            is_close = ch in CLOSE_QUOTES or (ch == STRAIGHT and straight_open)
            if ch == STRAIGHT:
                straight_open = not straight_open
            if is_open:
                if open_at is not None:  # reopening: the earlier one never closed
                    quotes.append(_Quote(base + open_at + 1, base + k, base + open_at, None))
                open_at = k
            elif is_close:
                if open_at is None:
                    # a closing mark whose opener is missing quotes its own sentence, not the paragraph before
                    # it (CLICK-ID joins a whole article into one line)
                    floor = quotes[-1].end - base + 1 if quotes and quotes[-1].end >= base else 0
                    start = _sentence_start(para, k, floor=floor)
                    quotes.append(_Quote(base + start, base + k, None, base + k))
                else:
                    quotes.append(_Quote(base + open_at + 1, base + k, base + open_at, base + k))
                open_at = None
        if open_at is not None:
            quotes.append(_Quote(base + open_at + 1, base + len(para.rstrip()), base + open_at, None))
    return [q for q in quotes if q.end > q.start]


def _sentence_start(para: str, k: int, *, floor: int) -> int:
    """Start of the sentence that ends at ``para[k]`` (a closing mark), not before ``floor``."""
    head = para[floor:k].rstrip(" .,!?")
    last = None
    for last in SENTENCE_END.finditer(head):
        pass
    return _lstrip(para, floor + (last.end() if last else 0))


def _lstrip(s: str, k: int) -> int:
    while k < len(s) and s[k].isspace():
        k += 1
    return k


class ClaimFinder:
    """Find claims in one document; ``find()`` returns them in text order with ids c1, c2, …"""

    def __init__(self, doc: Document, res: CodingResources) -> None:
        self.doc, self.res = doc, res
        self.text = doc.article.text
        self.view: TextView = text_view(doc)
        self.quotes = [q for q in find_quotes(self.text) if len(self.text[q.start:q.end].split()) >= MIN_QUOTE_WORDS]
        self.last_speaker: tuple[str | None, Span | None] = (None, None)
        self.claims: list[Claim] = []

    # ---- helpers
    def _speaker_left(self, cue: int, lo: int) -> tuple[str | None, Span | None]:
        v, words = self.view, self.view.words
        k = cue - 1
        while k >= lo and words[k] in AUXILIARIES:
            k -= 1
        if k >= lo and words[k] == ",":  # "Korea Selatan, didukung oleh AS, mengklaim": skip the aside
            j = k - 1
            while j >= lo and words[j] != ",":
                j -= 1
            if j > lo:
                k = j - 1
        for i in range(k, max(lo, cue - SPEAKER_WINDOW) - 1, -1):
            if words[i] in self.res.clause_breaks or words[i] in PUNCT:
                break
            actor = v.actor_at_token[i]
            if actor is not None:
                j = i
                while j > lo and v.actor_at_token[j - 1] == actor:
                    j -= 1
                return actor, Span(v.starts[j], v.ends[i])
        # no actor: the bare noun phrase before the cue, if short ("Analis telah memperingatkan")
        start = k
        while start > lo and words[start - 1] not in PUNCT and words[start - 1] not in self.res.clause_breaks:
            start -= 1
        if 0 < k - start + 1 <= 5 and k >= start:
            if words[start] in self.res.anaphoric or words[start] in self.res.pronouns:
                return self.last_speaker
            return None, Span(v.starts[start], v.ends[k])
        return None, None

    def _speaker_right(self, i: int, hi: int) -> tuple[str | None, Span | None]:
        v, words = self.view, self.view.words
        for k in range(i, min(hi, i + 6)):
            if words[k] in PUNCT:
                break
            actor = v.actor_at_token[k]
            if actor is not None:
                j = k
                while j + 1 < hi and v.actor_at_token[j + 1] == actor:
                    j += 1
                return actor, Span(v.starts[k], v.ends[j])
            if words[k] in self.res.anaphoric:
                return self.last_speaker[0], Span(v.starts[k], v.ends[k])
        # a name the actor stage did not resolve: the capitalised words after the cue
        k = i
        while k < hi and k < i + 4 and self.text[v.starts[k]].isupper():
            k += 1
        if k > i:
            return None, Span(v.starts[i], v.ends[k - 1])
        return None, None

    def _quote_ending_at(self, char: int) -> _Quote | None:
        for q in self.quotes:
            if q.close_mark is not None and 0 <= char - q.close_mark <= 3:
                return q
        return None

    def _in_quote(self, char: int) -> bool:
        return any(q.start <= char < q.end for q in self.quotes)

    def _source_chain(self, lo: int, hi: int) -> tuple[int, list[str]]:
        """(where the content must end, chain of sources) for a chain phrase inside tokens [lo, hi)."""
        v, words = self.view, self.view.words
        for i, phrase in self.res.source_chain.finditer(words, lo, hi):
            end = i
            if end > lo and words[end - 1] == ",":
                end -= 1
            j = i + len(phrase)
            actor = next((v.actor_at_token[k] for k in range(j, min(hi, j + 4)) if v.actor_at_token[k]), None)
            if actor:
                return end, [actor]
            k = j
            times = {t for t0, t1, _ in v.time_mentions for t in range(t0, t1)}
            while k < hi and words[k] not in PUNCT and k < j + 3 and k not in times:
                k += 1
            if k > j:
                return end, [self.text[v.starts[j]:v.ends[k - 1]]]
            return end, []
        return hi, []

    def _add(self, speaker: tuple[str | None, Span | None], cue_i: int, cue_j: int, c_lo: int, c_hi: int,
             kind: str, cue_kind: str, content_chars: tuple[int, int] | None = None) -> None:
        v = self.view
        chain_end, chain = self._source_chain(c_lo, c_hi)
        c_hi = chain_end
        while c_hi > c_lo and v.words[c_hi - 1] in PUNCT:
            c_hi -= 1
        if content_chars is None:
            if c_hi <= c_lo:
                return
            content_chars = (v.starts[c_lo], v.ends[c_hi - 1])
        else:
            c_lo, c_hi = v.token_range(*content_chars)
        start, end = content_chars
        if end <= start:
            return
        actor, span = speaker
        self.claims.append(Claim(
            id="", speaker=actor, cue=self.text[v.starts[cue_i]:v.ends[cue_j - 1]],
            start=start, end=end, polarity="deny" if cue_kind == "deny" else "affirm",
            certainty=claim_certainty(v.words, c_lo, c_hi, self.res),
            source_chain=([actor] if actor else []) + chain,
            cue_span=Span(v.starts[cue_i], v.ends[cue_j - 1]), speaker_span=span, kind=kind,
        ))
        if actor or span:
            self.last_speaker = (actor, span)

    # ---- patterns
    def _sentence(self, lo: int, hi: int) -> None:
        v, words, res = self.view, self.view.words, self.res
        i = lo
        while i < hi:
            if self._in_quote(v.starts[i]) and not self._quote_ending_at(v.starts[i]):
                i += 1
                continue
            after = res.after_cues.match(words, i)
            prev = words[i - 1] if i > lo else ""
            prev_char = self.text[v.starts[i - 1]] if i > lo else ""
            if after and (prev in (",",) or prev_char in CLOSE_QUOTES + STRAIGHT):
                j = i + len(after)
                q = self._quote_ending_at(v.ends[i - 1] if prev != "," else v.starts[i - 1])
                if q is None and prev == "," and i - 2 >= lo:
                    q = self._quote_ending_at(v.starts[i - 2])
                if after[-1] in res.anaphoric or words[j - 1] in res.anaphoric:
                    speaker = (self.last_speaker[0], Span(v.starts[j - 1], v.ends[j - 1]) if len(after) > 1 else None)
                else:
                    speaker = self._speaker_right(j, hi)
                kind_cue = res.cues.values.get(after, "say") if after in res.cues.values else "say"
                if q is not None:
                    self._add(speaker, i, j, lo, lo, "direct", str(kind_cue), (q.start, q.end))
                else:
                    self._add(speaker, i, j, lo, i, "indirect", str(kind_cue))
                i = j
                continue
            acc = res.according.match(words, i)
            if acc:
                j = i + len(acc)
                if i > lo and words[i - 1] == ",":  # "CONTENT, menurut X."
                    self._add(self._speaker_right(j, hi), i, j, lo, i - 1, "indirect", "say")
                    return
                comma = next((k for k in range(j, hi) if words[k] == ","), None)
                if comma is not None and comma + 1 < hi:
                    self._add(self._speaker_right(j, comma), i, j, comma + 1, hi, "indirect", "say")
                    return
                i = j
                continue
            cue = res.cues.match(words, i)
            if cue:
                j = i + len(cue)
                if prev == "," and self.claims and self.claims[-1].end >= v.starts[lo]:
                    speaker = self.last_speaker  # "…, kata Kim, menambahkan bahwa …"
                else:
                    speaker = self._speaker_left(i, lo)
                    sp = speaker[1]
                    k0 = v.token_range(sp.start, sp.end)[0] if sp is not None else None
                    if k0 is not None and k0 - 1 > lo and (words[k0 - 1] == "," or self.text[v.starts[k0 - 1]] in CLOSE_QUOTES + STRAIGHT):
                        # "…, police said." / "“…,” Trump said."
                        q = self._quote_ending_at(v.starts[k0 - 1])
                        if q is not None:
                            self._add(speaker, i, j, lo, lo, "direct", str(res.cues.values[cue]), (q.start, q.end))
                        else:
                            self._add(speaker, i, j, lo, k0 - 1, "indirect", str(res.cues.values[cue]))
                        i = j
                        continue
                comp = next((k for k in range(j, min(hi, j + COMPLEMENTISER_WINDOW)) if words[k] in res.complementizers), None)
                c_lo = comp + 1 if comp is not None else j
                if comp is None and c_lo < hi and words[c_lo] in res.recipient_preps:
                    i = j
                    continue
                q = next((q for q in self.quotes if q.open_mark is not None and 0 <= q.open_mark - v.ends[c_lo - 1] <= 3), None)
                if q is not None and q.end >= (v.starts[hi - 1] if hi > lo else q.end):
                    self._add(speaker, i, j, c_lo, hi, "direct", str(res.cues.values[cue]), (q.start, q.end))
                else:
                    self._add(speaker, i, j, c_lo, hi, "indirect", str(res.cues.values[cue]))
                return
            i += 1

    def find(self) -> list[Claim]:
        for lo, hi in self.view.sent_ranges:
            self._sentence(lo, hi)
        seen: set[tuple[int, int]] = set()
        out = []
        for c in sorted(self.claims, key=lambda c: (c.start, c.end)):
            if (c.start, c.end) in seen:
                continue
            seen.add((c.start, c.end))
            c.id = f"c{len(out) + 1}"
            out.append(c)
        return out


def find_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc`` (its language's cue lists; requires sentences, uses actors when present)."""
    return ClaimFinder(doc, load_resources(doc.language or "id")).find()
