"""Finding toponyms in text and choosing one entry each by article context."""
from __future__ import annotations

from warta.geo.detect import find_toponyms
from warta.geo.gazetteer import get_gazetteer
from warta.geo.resolve import haversine_km, resolve
from warta.model import Entity


def _resolved(text, entities=(), language=None):
    gaz = get_gazetteer()
    tops = find_toponyms(text, list(entities))
    return [(t.surface, gaz.entries[i]) for t, i in zip(tops, resolve(tops, language=language))]


def test_indonesian_sentence_places():
    got = _resolved("Prajurit Korea Utara tewas dalam serangan misil Ukraina di dekat Donetsk.", language="id")
    assert [(s, e.country, e.kind) for s, e in got] == [
        ("Korea Utara", "PRK", "country"), ("Ukraina", "UKR", "country"), ("Donetsk", "UKR", "city")]


def test_a_person_name_is_not_a_town_without_a_model():
    got = _resolved("Putin dan pemimpin Korea Utara Kim Jong Un mengadopsi pakta.", language="id")
    assert [s for s, _ in got] == ["Korea Utara"]


def test_model_person_spans_block_the_scan():
    text = "Paris Hilton visited Berlin."
    got = _resolved(text, [Entity("e1", 0, 12, "Paris Hilton", "PERSON")], language="en")
    assert [s for s, _ in got] == ["Berlin"]


def test_town_state_hint_and_the_abbreviation_itself():
    got = _resolved("Jane Doe, 19, of Alexandria, La., was arrested. Alexandria police said.", language="en")
    alex = [e for s, e in got if s == "Alexandria"]
    assert len(alex) == 2 and all(e.country == "USA" and e.admin1 == "LA" for e in alex)
    assert ("La.", "LA") in [(s, e.admin1) for s, e in got]


def test_a_country_name_keeps_the_country_sense():
    got = _resolved("Officials in Texas and Ohio met envoys from Mexico.", language="en")
    assert dict((s, e.kind) for s, e in got)["Mexico"] == "country"


def test_us_state_beats_the_country_in_american_context():
    text = "Atlanta police and officers from Savannah said the Georgia law applies across Alabama."
    got = dict((s, e) for s, e in _resolved(text, language="en"))
    assert got["Georgia"].kind == "admin1" and got["Georgia"].country == "USA"


def test_one_sense_per_discourse():
    got = _resolved("Moskow membalas. Pejabat di Moskow dan Kyiv berbicara.", language="id")
    assert {e.geonames_id for s, e in got if s == "Moskow"} == {524901}


def test_haversine():
    assert round(haversine_km(0, 0, 0, 1)) == 111


def test_indonesian_common_words_are_not_towns():
    text = "Dalam rapat itu, Kita semua setuju. Para pejabat dari Padang dan Solo datang ke Jakarta."
    got = [(t.surface, get_gazetteer().entries[i].country)
           for t, i in zip(*(lambda ts: (ts, resolve(ts, language="id")))(find_toponyms(text, [], language="id")))]
    assert [s for s, _ in got] == ["Padang", "Solo", "Jakarta"]
    assert all(country == "IDN" for _, country in got)


def test_other_name_inside_a_capitalised_run_is_dropped():
    assert [t.surface for t in find_toponyms("Pesawat Lion Air mendarat.", [], language="id")] == []


def _resolved_in(text, language="en"):
    gaz = get_gazetteer()
    tops = find_toponyms(text, [])
    return [(t.surface, gaz.entries[i]) for t, i in zip(tops, resolve(tops, language=language, text=text))]


def test_a_place_never_vouches_for_itself_under_another_name():
    # "Walton" is the same county as "Walton County": it may not pull the county into Florida;
    # Atlanta and Oconee County put it in Georgia
    got = _resolved_in("Agents searched a house in Walton County. The bridge lies between Walton and Oconee "
                       "counties. Atlanta police helped.")
    assert {(s, e.admin1) for s, e in got if s.startswith("Walton")} == {("Walton County", "GA"), ("Walton", "GA")}


def test_a_country_listed_beside_countries_is_the_country():
    got = _resolved_in("Cholera in Guinea has killed 300. The WHO counts cases in Burkina Faso, Guinea, "
                       "Guinea-Bissau, Liberia, Mauritania, Mali, Niger, and Senegal.")
    assert [(s, e.kind, e.country) for s, e in got if s in ("Mali", "Niger")] == [
        ("Mali", "country", "MLI"), ("Niger", "country", "NER")]


def test_state_cue_words_make_the_name_a_state():
    got = _resolved_in("The cow came from a Washington state farm. It was born in the state of Washington. "
                       "Officials in Washington said more tests were due.")
    assert [(e.kind, e.admin1) for _, e in got] == [("admin1", "WA"), ("admin1", "WA"), ("city", "DC")]
    got = _resolved_in("Sapi itu berasal dari negara bagian Washington.", language="id")
    assert [(e.kind, e.admin1) for _, e in got] == [("admin1", "WA")]


def test_a_governor_or_legislature_after_the_name_makes_it_the_state():
    got = _resolved_in("Former New York Gov. Mario Cuomo died. Lawmakers in the Washington legislature voted. "
                       "Officials in Washington said more tests were due.")
    assert [(e.kind, e.admin1) for _, e in got] == [("admin1", "NY"), ("admin1", "WA"), ("city", "DC")]


def test_a_statement_is_no_state_cue():
    got = _resolved_in("Officials in Washington statement said more tests were due.")
    assert [(e.kind, e.admin1) for _, e in got] == [("city", "DC")]


def test_a_town_and_its_county_vouch_for_each_other():
    # Alabama has a bigger Huntsville and a Walker County too, 100 km apart; Texas's pair lies together
    got = _resolved_in("The burn ban for Walker County was lifted after Huntsville Fire Chief Tom Grisham met "
                       "the county judge. Residents of Huntsville need a permit.")
    assert {(s, e.admin1) for s, e in got} == {("Walker County", "TX"), ("Huntsville", "TX")}


def test_a_named_state_outweighs_towns_of_another_state():
    # "Monongahela" and "Manchester" have Pennsylvania senses that vouch for Lewisburg, Pennsylvania; the
    # article names West Virginia itself
    got = _resolved_in("CHARLESTON, W.Va. -- Lewisburg Mayor John Manchester on Monday flew over the new "
                       "wilderness areas of West Virginia, from the Monongahela near Lewisburg to the Cranberry "
                       "Wilderness.")
    assert {e.admin1 for s, e in got if s == "Lewisburg"} == {"WV"}


def test_a_longer_known_name_holds_the_model_place_inside_it():
    text = "Polio rose in Angola, Chad, and Democratic Republic of the Congo, and in the U.S. Virgin Islands."
    ents = [Entity("e1", 32, 51, "Democratic Republic", "GPE"), Entity("e2", 59, 64, "Congo", "GPE"),
            Entity("e3", 77, 81, "U.S.", "GPE")]
    gaz = get_gazetteer()
    tops = find_toponyms(text, ents, language="en")
    got = [(t.surface, gaz.entries[i]) for t, i in zip(tops, resolve(tops, language="en", text=text))]
    assert [(s, e.country) for s, e in got][-2:] == [("Democratic Republic of the Congo", "COD"),
                                                    ("U.S. Virgin Islands", "VIR")]
    assert got[-1][1].lat is not None  # countryinfo has no point for it: its largest town's


def test_town_province_hint_outside_the_us():
    # Ontario carries the GeoNames code of its towns, so "London, Ontario" narrows London to Canada
    got = _resolved_in("Police in London, Ontario, said a man from Chatham was hurt.")
    assert [(s, e.country) for s, e in got] == [("London", "CAN"), ("Ontario", "CAN"), ("Chatham", "CAN")]
    assert len({e.admin1 for _, e in got}) == 1


def test_an_indonesian_province_and_its_towns_share_one_code():
    text = "Banjir melanda Ketapang, Kalimantan Barat, sejak Senin."
    tops = find_toponyms(text, [], language="id")
    got = [(t.surface, get_gazetteer().entries[i]) for t, i in zip(tops, resolve(tops, language="id", text=text))]
    (_, town), (_, province) = got
    assert province.kind == "admin1" and (town.country, town.admin1) == ("IDN", province.admin1)
    assert tops[0].hint_admin1 == ("IDN", province.admin1)  # "Town, Province" narrows the town


def test_a_persons_surname_is_no_town_elsewhere_in_the_article():
    text = "Jose Bautista hit a home run. Fans cheered Bautista in Toronto."
    got = _resolved(text, [Entity("e1", 0, 13, "Jose Bautista", "PERSON")], language="en")
    assert [s for s, _ in got] == ["Toronto"]


def test_a_surname_after_a_strong_place_cue_stays_a_place():
    text = "Gareth Southgate spoke. The team trained in Southgate on Monday."
    got = _resolved(text, [Entity("e1", 0, 16, "Gareth Southgate", "PERSON")], language="en")
    assert [s for s, _ in got] == ["Southgate"]


def test_an_indonesian_office_span_keeps_its_town():
    text = "Terlihat Bupati Blitar Rijanto. Warga Blitar hadir."
    ents = [Entity("e1", 9, 22, "Bupati Blitar", "PERSON")]
    tops = find_toponyms(text, ents, language="id")
    assert [t.surface for t in tops if t.start > 30] == ["Blitar"]



def _english_surfaces(text):
    return [t.surface for t in find_toponyms(text, [], language="en")]


def test_demonyms_inside_hyphenated_words():
    assert _english_surfaces("Egyptian-US relations and inter-Palestinian talks.") == [
        "Egyptian", "US", "Palestinian"]


def test_sa_is_south_africa_only_where_the_article_names_it():
    assert _english_surfaces("Millions of South Africans. SA holds platinum.") == ["South Africans", "SA"]
    assert _english_surfaces("SA Water raised prices in Adelaide.") == ["Adelaide"]


def test_a_title_is_no_town():
    assert _english_surfaces("The Vice Chancellor met Secretary Pompeo and Sultan Qaboos.") == []


def test_an_indonesian_regency_is_found_by_its_full_name():
    got = _resolved("Banjir melanda Kabupaten Langkat dan Kab. Keerom pekan ini.", language="id")
    assert [(s, e.kind, e.country) for s, e in got] == [
        ("Kabupaten Langkat", "admin2", "IDN"), ("Kab. Keerom", "admin2", "IDN")]


def test_an_indonesian_district_is_found_by_its_full_name_only():
    got = _resolved("Tambang di Kecamatan Samboja, Kabupaten Kutai Kartanegara, dan di Kec. Bahorok.", language="id")
    assert [(s, e.kind, e.country) for s, e in got] == [
        ("Kecamatan Samboja", "admin2", "IDN"), ("Kabupaten Kutai Kartanegara", "admin2", "IDN"),
        ("Kec. Bahorok", "admin2", "IDN")]
    assert not get_gazetteer().lookup("Tepus")  # a bare district name is no place of its own


def test_a_regencys_bare_name_after_a_local_office_is_the_regency():
    gaz = get_gazetteer()

    def places(text):
        tops = find_toponyms(text, [], language="id")
        return [(t.surface, gaz.entries[i].name) for t, i in zip(tops, resolve(tops, language="id", text=text))]

    assert places("Bupati Langkat meninjau lokasi. Polres Asahan menangkap dua pelaku.") == [
        ("Langkat", "Kabupaten Langkat"), ("Asahan", "Kabupaten Asahan")]
    assert places("Langkat meninjau lokasi.") == []  # no office before it: no place
