"""Read TimeML (``.tml``) documents: the plain text, the creation date and the TIMEX3 spans.

The article text is the TITLE, a blank line, then the TEXT element with its tags removed, so
offsets of the gold timexes index into exactly the text warta is given. The DCT's TIMEX3 (outside
the text) gives the publication date.

Example:
    >>> doc = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2014-12-29">29 Des</TIMEX3></DCT>'
    ...                    '<TITLE>Judul</TITLE><TEXT>Pada <TIMEX3 tid="t1" type="DATE" value="2014-12-28">'
    ...                    'kemarin</TIMEX3>.</TEXT></TimeML>', doc_id="d1")
    >>> doc.dct, doc.text, [(t.text, t.value) for t in doc.timexes]
    ('2014-12-29', 'Judul\\n\\nPada kemarin.', [('kemarin', '2014-12-28')])
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SECTION = re.compile(r"<{name}>(.*?)</{name}>", re.S)
#: Between the title and the body, so the headline is a sentence of its own.
TITLE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class GoldTimex:
    tid: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    start: int
    end: int
    text: str


@dataclass
class TimemlDoc:
    doc_id: str
    dct: str | None
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


def _section(raw: str, name: str) -> str | None:
    m = re.search(_SECTION.pattern.format(name=name), raw, re.S)
    return m.group(1) if m else None


def _strip(fragment: str, offset: int, timexes: list[GoldTimex]) -> str:
    """Remove tags from ``fragment`` and record TIMEX3 spans (offsets shifted by ``offset``)."""
    out: list[str] = []
    length = 0
    open_tx: list[tuple[dict[str, str], int]] = []
    pos = 0
    for m in _TAG.finditer(fragment):
        piece = html.unescape(fragment[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx.append((dict(_ATTR.findall(m.group(3))), offset + length))
            if m.group(3).rstrip().endswith("/"):  # an empty TIMEX3 (no text): nothing to find
                open_tx.pop()
        elif open_tx:
            attrs, start = open_tx.pop()
            end = offset + length
            timexes.append(GoldTimex(attrs.get("tid", ""), attrs.get("type", ""), attrs.get("value", ""),
                                     start, end, ""))
    piece = html.unescape(fragment[pos:])
    out.append(piece)
    return "".join(out)


def parse_timeml(raw: str, *, doc_id: str) -> TimemlDoc:
    """One TimeML document from its XML source."""
    dct_raw = _section(raw, "DCT") or ""
    m = re.search(r'value="([^"]+)"', dct_raw)
    dct = m.group(1)[:10] if m else None
    title = html.unescape(_TAG.sub("", _section(raw, "TITLE") or "")).strip()
    body_raw = _section(raw, "TEXT") or ""
    prefix = title + TITLE_SEPARATOR if title else ""
    found: list[GoldTimex] = []
    body = _strip(body_raw, len(prefix), found)
    text = prefix + body
    timexes = [GoldTimex(t.tid, t.type, t.value, t.start, t.end, text[t.start:t.end]) for t in found]
    timexes.sort(key=lambda t: t.start)
    return TimemlDoc(doc_id=doc_id, dct=dct, text=text, timexes=timexes)


def read_timeml_dir(folder: Path) -> Iterator[TimemlDoc]:
    """Every ``*.tml`` file of a folder, in name order."""
    for path in sorted(Path(folder).glob("*.tml")):
        yield parse_timeml(path.read_text(encoding="utf-8"), doc_id=path.stem)
