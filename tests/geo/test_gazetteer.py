"""The offline gazetteer: names in Indonesian and English, aliases, acronyms by case."""
from __future__ import annotations

import pytest

from warta.geo.gazetteer import get_gazetteer, us_state_abbreviations
from warta.geo.normalize import name_key, word_spans
from warta.geo.resolve import haversine_km


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _countries(gaz, surface):
    return {gaz.entries[i].country for i in gaz.lookup(surface) if gaz.entries[i].kind == "country"}


@pytest.mark.parametrize("surface,alpha3", [
    ("Rusia", "RUS"), ("Inggris", "GBR"), ("Tiongkok", "CHN"), ("Amerika Serikat", "USA"), ("AS", "USA"),
    ("Korea Utara", "PRK"), ("Korut", "PRK"), ("Korea Selatan", "KOR"), ("Ukraina", "UKR"), ("Belanda", "NLD"),
    ("North Korea", "PRK"), ("U.S.", "USA"), ("Britain", "GBR"),
])
def test_country_names_in_both_languages(gaz, surface, alpha3):
    assert _countries(gaz, surface) == {alpha3}


def test_as_is_the_united_states_not_american_samoa(gaz):
    assert "ASM" not in _countries(gaz, "AS")


def test_acronyms_match_only_in_capitals(gaz):
    assert "USA" not in _countries(gaz, "as")
    assert "USA" not in _countries(gaz, "us")


def test_regions_from_the_alias_table(gaz):
    for surface, country in [("Semenanjung Korea", None), ("Jalur Gaza", "PSE"), ("Tepi Barat", "PSE"),
                             ("Krimea", "UKR"), ("Laut China Selatan", None)]:
        kinds = {(gaz.entries[i].kind, gaz.entries[i].country) for i in gaz.lookup(surface)}
        assert ("region", country) in kinds, surface


def test_indonesian_exonym_of_a_city(gaz):
    moscow = [gaz.entries[i] for i in gaz.lookup("Moskow")]
    assert any(e.geonames_id == 524901 and e.country == "RUS" for e in moscow)


def test_donetsk_has_both_namesakes(gaz):
    assert {gaz.entries[i].country for i in gaz.lookup("Donetsk")} >= {"UKR", "RUS"}


def test_indonesian_provinces_and_us_states(gaz):
    jabar = [gaz.entries[i] for i in gaz.lookup("Jawa Barat")]
    assert jabar and jabar[0].kind == "admin1" and jabar[0].country == "IDN" and jabar[0].lat is not None
    texas = [gaz.entries[i] for i in gaz.lookup("Texas") if gaz.entries[i].kind == "admin1"]
    assert texas[0].country == "USA" and texas[0].admin1 == "TX" and texas[0].geonames_id == 4736286


def test_a_region_is_not_placed_at_its_capital(gaz):
    # countrystatecity puts New York state at New York City; the middle of the state's towns is upstate,
    # near GeoNames' own point for the state
    state = next(gaz.entries[i] for i in gaz.lookup("New York") if gaz.entries[i].kind == "admin1")
    city = next(gaz.entries[i] for i in gaz.lookup("New York City") if gaz.entries[i].kind == "city")
    assert haversine_km(state.lat, state.lon, city.lat, city.lon) > 150 and 41.5 < state.lat < 44.0
    # a region whose point is no town's keeps it (Texas)
    texas = next(gaz.entries[i] for i in gaz.lookup("Texas") if gaz.entries[i].kind == "admin1")
    assert (texas.lat, texas.lon) == (31.2639, -98.5456)


def test_state_abbreviations():
    abbr = us_state_abbreviations()
    assert abbr["La."] == "LA" and abbr["N.C."] == "NC" and abbr["W.Va."] == "WV"


def test_name_key_and_words():
    assert name_key("Donets'k") == name_key("DONETSK") == "donetsk"
    assert name_key("Zaporiżżja") == "zaporizzja"
    text = "veto PBB-nya dan Korea's"
    assert [text[s:e] for s, e in word_spans(text)] == ["veto", "PBB", "dan", "Korea"]


def test_indonesian_regencies_by_their_full_names(gaz):
    langkat = [gaz.entries[i] for i in gaz.lookup("Kabupaten Langkat", alternates=False)]
    assert [(e.kind, e.country) for e in langkat] == [("admin2", "IDN")]
    assert haversine_km(langkat[0].lat, langkat[0].lon, 3.75, 98.45) < 50  # Stabat, its seat
    assert gaz.lookup("Kab. Langkat", alternates=False) == gaz.lookup("Langkat Regency", alternates=False)
    assert not gaz.lookup("Langkat", alternates=False)  # the bare name is another name only: no scan hit
    bogor = {gaz.entries[i].kind for i in gaz.lookup("Kabupaten Bogor", alternates=False)}
    assert bogor == {"admin2"}  # the regency, not the city of Bogor
    assert not gaz.lookup("Kota Bogor", alternates=False) or all(
        gaz.entries[i].kind == "city" for i in gaz.lookup("Kota Bogor", alternates=False))


def test_regency_table_points_lie_in_indonesia():
    from warta.geo.gazetteer import RESOURCES

    rows = [ln.split("\t") for ln in (RESOURCES / "indonesia_regencies.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith(("#", "code"))]
    provinces = {ln.split("\t")[0] for ln in (RESOURCES / "indonesia_provinces.tsv").read_text(encoding="utf-8")
                 .splitlines() if ln.startswith("ID-")}
    assert len(rows) > 400
    for code, name, province, lat, lon, towns in rows:
        assert name.startswith(("Kabupaten ", "Kota ")) and province in provinces and int(towns) >= 1
        assert -11.5 < float(lat) < 6.5 and 94.5 < float(lon) < 141.5, name
