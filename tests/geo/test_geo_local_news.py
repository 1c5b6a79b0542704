"""US and Canadian local-news forms: state and province abbreviations, county lists, legislators'
districts, datelines, hyphenated and "St." names, county points, a state's own name."""
from __future__ import annotations

from warta.geo.detect import find_toponyms
from warta.geo.gazetteer import get_gazetteer
from warta.geo.resolve import haversine_km, resolve
from warta.model import Entity


def _resolved(text, entities=(), language="en"):
    gaz = get_gazetteer()
    tops = find_toponyms(text, list(entities), language=language)
    return [(t.surface, gaz.entries[i]) for t, i in zip(tops, resolve(tops, language=language))]


def test_dotted_state_abbreviations_anywhere_but_words_only_after_a_cue():
    got = _resolved("Rep. James Clyburn, D-S.C., spoke. A missing Ill. man was found. She went to Mass. Then home.")
    assert [(s, e.kind, e.admin1) for s, e in got] == [("S.C.", "admin1", "SC"), ("Ill.", "admin1", "IL")]
    got = _resolved("He was born in Jackson, Miss. in 1950.")
    assert ("Miss.", "MS") in [(s, e.admin1) for s, e in got]


def test_a_model_place_that_is_an_abbreviation_is_the_state():
    text = "He works in Harrisburg, Pa. now."
    got = _resolved(text, [Entity("e1", 26, 29, "Pa.", "GPE")])
    assert [(s, e.name) for s, e in got if s == "Pa."] == [("Pa.", "Pennsylvania")]


def test_canadian_and_australian_province_abbreviations():
    got = _resolved("Two hours away on the other side of the B.C. border, and in Ottawa, Ont. too.")
    assert [(s, e.country, e.name) for s, e in got if s in ("B.C.", "Ont.")] == [
        ("B.C.", "CAN", "British Columbia"), ("Ont.", "CAN", "Ontario")]


def test_a_list_of_counties_and_a_legislators_district():
    got = _resolved("The metro area - Clarke, Madison, Oconee and Oglethorpe counties - grew. "
                    "Delegate Brent Boggs, D-Braxton, spoke.")
    counties = [(s, e.name, e.admin1) for s, e in got]
    assert ("Oconee", "Oconee County", "GA") in counties and ("Oglethorpe", "Oglethorpe County", "GA") in counties
    assert ("Braxton", "Braxton County", "WV") in counties
    assert [s for s, _ in _resolved("On D-Day, troops landed.")] == []  # no legislator before it


def test_us_counties_have_a_point_in_their_state():
    gaz = get_gazetteer()
    laurel = [gaz.entries[i] for i in gaz.lookup("Laurel County") if gaz.entries[i].admin1 == "KY"]
    assert laurel and laurel[0].lat is not None
    assert haversine_km(laurel[0].lat, laurel[0].lon, 37.13, -84.08) < 50  # London, Kentucky, its seat


def test_upper_case_dateline_town_is_kept():
    got = _resolved("HUDSON -- Officials in central Illinois say a body was found.")
    assert "HUDSON" in [s for s, _ in got]


def test_hyphenated_names_and_saint_short_forms():
    got = _resolved("The river will crest in Fargo-Moorhead on Friday. He was taken to St. Cloud by air.")
    names = {s: e for s, e in got}
    assert names["Fargo"].country == "USA"
    assert names["St. Cloud"].name == "Saint Cloud" and names["St. Cloud"].admin1 == "MN"


def test_a_town_service_tagged_person_gives_the_town():
    text = "Officers of the Alexandria Police were called."
    got = _resolved(text, [Entity("e1", 16, 33, "Alexandria Police", "PERSON")])
    assert [s for s, _ in got] == ["Alexandria"]


def test_a_states_own_name_beats_its_small_towns():
    got = _resolved("The winning ticket was sold in Morris County, New Jersey. A man in Florida won last year.")
    florida = [e for s, e in got if s == "Florida"]
    assert florida and florida[0].kind == "admin1" and florida[0].admin1 == "FL"


def test_english_demonyms_are_mentions_of_their_country():
    got = _resolved("Sudanese refugees crossed into Egypt, Egyptian police said.")
    assert [(s, e.kind, e.country) for s, e in got] == [
        ("Sudanese", "country", "SDN"), ("Egypt", "country", "EGY"), ("Egyptian", "country", "EGY")]
    assert _resolved("Pengungsi Sudanese tiba.", language="id") == []  # English adjectives only


def test_region_adjectives_but_not_organisation_names():
    got = _resolved("African governments met Asian Development Bank officials about short European flights.")
    assert [(s, e.kind, e.key) for s, e in got] == [("African", "region", "africa"), ("European", "region", "europe")]


def test_the_european_union_is_a_region_not_its_adjective():
    got = _resolved("Officials of the European Union and the EU's ministers met in Brussels.")
    assert [(s, e.key) for s, e in got][:2] == [("European Union", "european-union"), ("EU", "european-union")]


def test_a_state_name_in_a_list_of_states_is_the_state():
    gaz = get_gazetteer()
    text = "Tech jobs move from western states such as California or Washington, and from Washington, D.C."
    tops = find_toponyms(text, [], language="en")
    got = [(t.surface, gaz.entries[i].kind) for t, i in zip(tops, resolve(tops, language="en", text=text))]
    assert got[:3] == [("California", "admin1"), ("Washington", "admin1"), ("Washington", "city")]


def test_english_names_england_only_before_a_place_noun():
    got = _resolved("She lived in the English city of Salisbury and spoke English at home.")
    assert [(s, e.key) for s, e in got if s == "English"] == [("English", "england")]
