"""CSV and GeoJSON downloads of the filtered events, streamed chunk by chunk.

The columns are ``warta.export``'s (the same as ``warta export``). One difference, for
the browser only: a CSV cell that a spreadsheet would read as a formula (hostile article
text can start with ``=``) is prefixed with an apostrophe.

Example:
    >>> _cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from .. import export, query
from ..query import EventFilter

#: Rows per chunk written to the socket.
CHUNK_ROWS = 500
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_lines(store: Any, flt: EventFilter) -> Iterator[str]:
    """The filtered events as CSV text, ``CHUNK_ROWS`` rows per chunk."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(export.COLUMNS)
    for i, row in enumerate(query.iter_events(store, flt), 1):
        flat = export.flat_event(row)
        writer.writerow([_cell(flat[c]) for c in export.COLUMNS])
        if i % CHUNK_ROWS == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def geojson_chunks(store: Any, flt: EventFilter) -> Iterator[str]:
    """The filtered events that have coordinates as one GeoJSON FeatureCollection."""
    yield '{"type": "FeatureCollection", "features": [\n'
    out: list[str] = []
    n = 0
    for feature in export.geojson_features(query.iter_events(store, flt)):
        out.append(("" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
        if len(out) >= CHUNK_ROWS:
            yield "".join(out)
            out = []
    yield "".join(out) + "\n]}\n"
