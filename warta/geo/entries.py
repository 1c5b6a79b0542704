"""Gazetteer records, and the column store that keeps a quarter of a million of them small.

A Python object per record (a frozen dataclass, two float objects, an int, several strings)
cost the gazetteer about 95 MB more in every process (loaded index ~190 MB → 97 MB); the same
records as numpy columns (12 MB) and one joined name string (5 MB) take 17 MB. Records are rebuilt
as :class:`Entry` objects when read, which costs about 6 µs (measured 2026-11-27): the geoparser
reads a few dozen per article.

Example:
    >>> table = EntryTable([Entry("Donetsk", "city", "UKR", 48.023, 37.8022, 929063, 709717, "05")])
    >>> table[0].country, table[0].population, len(table)
    ('UKR', 929063, 1)
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy

#: the kinds of record, in the order their codes are stored
KINDS = ("country", "admin1", "admin2", "region", "city")
#: separator of the names in the joined string (never part of a place name)
_SEP = "\x00"
#: stored for a missing integer, code or coordinate
_NONE = -1


@dataclass(slots=True, frozen=True)
class Entry:
    """One gazetteer record."""

    name: str
    kind: str  # country | admin1 | admin2 | region | city
    country: str | None  # alpha-3
    lat: float | None
    lon: float | None
    population: int
    geonames_id: int | None
    admin1: str | None = None  # GeoNames admin1 code, for cities and US states
    key: str | None = None  # a stable key for regions ("gaza-strip")


class EntryTable(Sequence[Entry]):
    """Records stored by column; ``table[i]`` builds the :class:`Entry` (equal to the one stored)."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        codes: dict[str, int] = {}

        def code(value: str | None) -> int:
            return _NONE if value is None else codes.setdefault(value, len(codes))

        names = [e.name for e in entries]
        self._names = _SEP.join(names)
        self._starts = numpy.cumsum([0] + [len(n) + 1 for n in names], dtype=numpy.int64)
        self._kind = numpy.array([KINDS.index(e.kind) for e in entries], dtype=numpy.int8)
        self._country = numpy.array([code(e.country) for e in entries], dtype=numpy.int32)
        self._admin1 = numpy.array([code(e.admin1) for e in entries], dtype=numpy.int32)
        self._lat = numpy.array([numpy.nan if e.lat is None else e.lat for e in entries], dtype=numpy.float64)
        self._lon = numpy.array([numpy.nan if e.lon is None else e.lon for e in entries], dtype=numpy.float64)
        self._population = numpy.array([e.population for e in entries], dtype=numpy.int64)
        self._geonames_id = numpy.array([_NONE if e.geonames_id is None else e.geonames_id for e in entries],
                                        dtype=numpy.int64)
        self._codes = list(codes)
        self._keys = {i: e.key for i, e in enumerate(entries) if e.key is not None}

    def __len__(self) -> int:
        return len(self._kind)

    def __getitem__(self, i: int) -> Entry:  # type: ignore[override]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        lat, lon = self._lat.item(i), self._lon.item(i)
        country, admin1, gid = self._country.item(i), self._admin1.item(i), self._geonames_id.item(i)
        return Entry(self._names[self._starts.item(i):self._starts.item(i + 1) - 1], KINDS[self._kind.item(i)],
                     None if country == _NONE else self._codes[country],
                     None if lat != lat else lat, None if lon != lon else lon,  # NaN stands for None
                     self._population.item(i), None if gid == _NONE else gid,
                     None if admin1 == _NONE else self._codes[admin1], self._keys.get(i))

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(len(self)))

    def keyed(self) -> dict[str, int]:
        """Stable key → index of the records that have one (regions), without reading the others."""
        return {key: i for i, key in self._keys.items()}
