"""Reader: geoparsing corpora in XML (GeoWebNews, LGL, TR-News, GeoVirus).

Three layouts, one output:

* GeoWebNews: ``<article><text>`` then ``<toponyms><toponym>`` with ``extractedName``, ``type``
  (Literal, Demonym, Associative, ...), ``nonLocational``, ``start``/``end``, ``geonamesID``,
  ``latitude``/``longitude`` (coordinates only on part of the toponyms);
* LGL and TR-News: ``<article docid>`` with ``<text>`` and ``<toponym>`` holding ``start``/``end``,
  ``phrase`` and a ``<gaztag geonameid>`` with ``lat``/``lon`` (absent for a few);
* GeoVirus: ``<article><source><text><locations><location>`` with ``name``, ``start``/``end``,
  ``lat``/``lon`` and a Wikipedia ``page``.

Offsets are character offsets into the ``<text>`` element's content; where a file's offset misses
its name by a few characters the span is moved onto the name (``_realign``).

Example:
    >>> import io
    >>> xml = b"<articles><article><text>In Paris.</text><locations><location><name>Paris</name>"\\
    ...       b"<start>3</start><end>8</end><lat>48.85</lat><lon>2.35</lon></location></locations></article></articles>"
    >>> doc = read_geoxml(io.BytesIO(xml))[0]
    >>> doc.toponyms[0].name, doc.text[3:8]
    ('Paris', 'Paris')
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class GoldToponym:
    name: str
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    type: str = "Literal"  # GeoWebNews's fine-grained type; "Literal" elsewhere
    country: str | None = None  # country name (LGL/TR-News gaztag), when given


@dataclass
class GeoDoc:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    if text is None or not text.strip():
        return None
    try:
        return int(text.strip())
    except ValueError:
        return None


def _toponym(node: ET.Element) -> GoldToponym | None:
    start, end = _int(node.findtext("start")), _int(node.findtext("end"))
    if start is None or end is None:
        return None
    gaz = node.find("gaztag")
    if gaz is not None:  # LGL / TR-News
        country = gaz.find("country")
        return GoldToponym(node.findtext("phrase") or "", start, end, _float(gaz.find("lat")), _float(gaz.find("lon")),
                           _int(gaz.get("geonameid")), "Literal", country.text if country is not None else None)
    if node.find("extractedName") is not None:  # GeoWebNews
        return GoldToponym(node.findtext("extractedName") or "", start, end, _float(node.find("latitude")),
                           _float(node.find("longitude")), _int(node.findtext("geonamesID")),
                           node.findtext("type") or "", None)
    return GoldToponym(node.findtext("name") or node.findtext("phrase") or "", start, end,
                       _float(node.find("lat")), _float(node.find("lon")), None, "Literal", None)


#: how far a gold name may sit from its stated offset before it is left as given
REALIGN_WINDOW = 20


def _realign(t: GoldToponym, text: str) -> GoldToponym:
    """GeoVirus and part of TR-News state offsets one or a few characters off the name (as
    measured on these files): move the span to the nearest occurrence of the name, if close."""
    if not t.name or text[t.start:t.end] == t.name:
        return t
    best = None
    lo = max(0, t.start - REALIGN_WINDOW)
    pos = text.find(t.name, lo, t.end + REALIGN_WINDOW + len(t.name))
    while pos != -1:
        if best is None or abs(pos - t.start) < abs(best - t.start):
            best = pos
        pos = text.find(t.name, pos + 1, t.end + REALIGN_WINDOW + len(t.name))
    if best is None:
        return t
    return GoldToponym(t.name, best, best + len(t.name), t.lat, t.lon, t.geonames_id, t.type, t.country)


def read_geoxml(source: str | Path | IO[bytes]) -> list[GeoDoc]:
    """All articles of one corpus file, with their gold toponyms."""
    root = ET.parse(source).getroot()
    docs = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        doc_id = art.get("docid") or art.get("file") or str(n)
        doc = GeoDoc(doc_id, text)
        for node in list(art.iter("toponym")) + list(art.iter("location")):
            t = _toponym(node)
            if t is not None:
                doc.toponyms.append(_realign(t, text))
        doc.toponyms.sort(key=lambda t: t.start)
        docs.append(doc)
    return docs
