"""Read the XTN timex TSV (TimeBank / TempEval-3 / MEANTIME in BIO form with normalised values).

Format: ``token<TAB>BIO-type<TAB>value`` per line, a blank line between sentences, and each document
opening with ``*!-DCTVALUE="YYYY-MM-DD..."-!*``. Tokens are joined with single spaces and sentences
with a newline, so gold spans become character offsets into that text.

Example:
    >>> lines = ['*!-DCTVALUE="1989-10-30"-!*\\tO\\t-', 'On\\tO\\t-', 'Friday\\tB-DATE\\t1989-10-27', '.\\tO\\t-']
    >>> doc = next(parse_xtn(lines, prefix="tb"))
    >>> doc.dct, doc.text, [(t.text, t.value) for t in doc.timexes]
    ('1989-10-30', 'On Friday .', [('Friday', '1989-10-27')])
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .timeml import GoldTimex, TimemlDoc

_DCT = re.compile(r'^\*!-DCTVALUE="([^"]*)"-!\*')


class _Builder:
    def __init__(self, doc_id: str, dct: str | None) -> None:
        self.doc_id, self.dct = doc_id, dct
        self.parts: list[str] = []
        self.length = 0
        self.timexes: list[GoldTimex] = []
        self.open: tuple[str, str, int, int] | None = None  # type, value, start, end
        self.sentence_open = False

    def token(self, tok: str, tag: str, value: str) -> None:
        if self.sentence_open:
            self._emit(" ")
        self.sentence_open = True
        start = self.length
        self._emit(tok)
        if tag.startswith("B-") or (tag.startswith("I-") and self.open is None):
            self.close()
            self.open = (tag[2:], value, start, self.length)
        elif tag.startswith("I-") and self.open is not None:
            t, v, s, _ = self.open
            self.open = (t, v, s, self.length)
        else:
            self.close()

    def sentence_break(self) -> None:
        self.close()
        if self.sentence_open:
            self._emit("\n")
        self.sentence_open = False

    def close(self) -> None:
        if self.open is not None:
            t, v, s, e = self.open
            self.timexes.append(GoldTimex(f"t{len(self.timexes) + 1}", t, v, s, e, ""))
            self.open = None

    def _emit(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def build(self) -> TimemlDoc:
        self.close()
        text = "".join(self.parts).rstrip("\n")
        timexes = [GoldTimex(t.tid, t.type, t.value, t.start, t.end, text[t.start:t.end]) for t in self.timexes]
        return TimemlDoc(doc_id=self.doc_id, dct=self.dct, text=text, timexes=timexes)


def parse_xtn(lines: Iterable[str], *, prefix: str) -> Iterator[TimemlDoc]:
    """Documents from XTN TSV lines; ids are ``<prefix>-<n>`` in file order."""
    current: _Builder | None = None
    n = 0
    for raw in lines:
        line = raw.rstrip("\n")
        m = _DCT.match(line)
        if m:
            if current is not None:
                yield current.build()
            n += 1
            current = _Builder(f"{prefix}-{n}", m.group(1)[:10] or None)
            continue
        if current is None:
            continue
        if not line.strip():
            current.sentence_break()
            continue
        cols = line.split("\t")
        tok = cols[0]
        tag = cols[1] if len(cols) > 1 else "O"
        value = cols[2] if len(cols) > 2 else "-"
        current.token(tok, tag, value)
    if current is not None:
        yield current.build()


def read_xtn(path: Path) -> list[TimemlDoc]:
    """All documents of one XTN TSV file."""
    with Path(path).open(encoding="utf-8") as f:
        return list(parse_xtn(f, prefix=Path(path).stem))
