"""Streets, buildings and venues (``warta.geo.features``): found by their head words and placed at the
town that holds them, which the place record says (the town's point, its precision, no GeoNames id)."""
from __future__ import annotations

from warta.geo.features import find_features
from warta.geo.gazetteer import get_gazetteer
from warta.geo.resolve import haversine_km
from warta.model import Article, Document, Entity
from warta.stages.places import PlaceStage


def _places(text, *, language="en", entities=()):
    doc = Document(article=Article(id="t", text=text), language=language, entities=list(entities))
    return {p.name: p for p in PlaceStage()(doc).places}


def _town(name):
    gaz = get_gazetteer()
    return max((gaz.entries[i] for i in gaz.lookup(name) if gaz.entries[i].kind == "city"),
               key=lambda e: e.population)


def test_english_heads_prefixes_lowercase_heads_and_lists():
    text = ("Crowds filled Royal Street and Rue Casa Calvo. Flights left Heathrow airport for "
            "Dulles International Airport. The streetcar rolled down Bourbon and Dauphine streets.")
    assert [f.surface for f in find_features(text, [])] == [
        "Royal Street", "Rue Casa Calvo", "Heathrow airport", "Dulles International Airport", "Bourbon", "Dauphine"]


def test_indonesian_prefixes_and_a_day_name_ends_the_name():
    text = ("Massa berkumpul di Jalan Sudirman lalu ke Bandara Syamsuddin Noor Selasa pagi, dan ke Istana "
            "Presiden di Jayapura.")
    assert [f.surface for f in find_features(text, [], language="id")] == [
        "Jalan Sudirman", "Bandara Syamsuddin Noor", "Istana Presiden"]


def test_a_lone_head_word_or_a_sentence_start_is_no_feature():
    assert find_features("Street vendors left. The University said nothing.", []) == []


def test_street_takes_the_town_named_after_it_and_says_so():
    places = _places("Police closed Royal Street in New Orleans on Friday.")
    street, town = places["Royal Street"], places["New Orleans"]
    assert (street.lat, street.lon, street.country) == (town.lat, town.lon, "USA")
    assert street.precision == "city" and street.geonames_id is None and town.geonames_id is not None


def test_feature_without_a_named_town_takes_the_town_the_article_is_about():
    text = ("Flooding hit Winnipeg on Friday. Crews were called to the 200 block of River Avenue. "
            "Winnipeg officials said more rain would come.")
    places = _places(text)
    assert places["River Avenue"].lat == places["Winnipeg"].lat


def test_a_namesake_inside_the_name_is_not_the_town():
    # "Carnegie" names some small American town; the library stands in the story's city
    text = ("Officials in New Orleans met on Monday. A Carnegie Library was built in 1902 in New Orleans. "
            "New Orleans voted.")
    places = _places(text)
    assert "Carnegie" not in places
    assert places["Carnegie Library"].lat == places["New Orleans"].lat


def test_possessive_town_holds_the_feature():
    places = _places("The plane crashed short of the runway at Butte's Bert Mooney Airport in Montana.")
    butte = _town("Butte")
    airport = places["Bert Mooney Airport"] if "Bert Mooney Airport" in places else places["Butte's Bert Mooney Airport"]
    assert haversine_km(airport.lat, airport.lon, butte.lat, butte.lon) < 1


def test_landmark_goes_to_its_town_whatever_the_story_names():
    text = "Officials in Jakarta watched as the White House announced new tariffs."
    wh = _places(text)["White House"]
    dc = get_gazetteer().lookup("Washington D.C.")
    assert wh.country == "USA" and wh.lat == get_gazetteer().entries[dc[0]].lat


def test_indonesian_street_takes_the_town_after_the_comma():
    places = _places("Polisi menutup Jalan Kramat Raya, Jakarta Pusat, pada hari Selasa.", language="id")
    assert places["Jalan Kramat Raya"].country == "IDN"
    jakarta = _town("Jakarta")
    street = places["Jalan Kramat Raya"]
    assert haversine_km(street.lat, street.lon, jakarta.lat, jakarta.lon) < 30


def test_model_place_no_gazetteer_has_after_a_place_word_takes_the_story_town_as_an_area():
    text = "Nenagh council met. There are 26 applicants in Portroe and 36 in Nenagh."
    places = _places(text, entities=[Entity("e1", 47, 54, "Portroe", "GPE")])
    assert places["Portroe"].precision == "admin" and places["Portroe"].geonames_id is None
    assert places["Portroe"].lat == places["Nenagh"].lat


def test_nothing_is_placed_when_the_story_names_no_town():
    assert _places("Crowds filled Royal Street.") == {}
    assert _places("There are 26 applicants in Portroe.", entities=[Entity("e1", 27, 34, "Portroe", "GPE")]) == {}


def test_a_doubtful_person_span_is_the_town_near_the_story_places():
    text = "Trains from Amsterdam stop in Hilversum and Almelo, the paper says."
    start = text.index("Almelo")
    places = _places(text, entities=[Entity("e1", start, start + 6, "Almelo", "PERSON")])
    assert places["Almelo"].country == "NLD" and places["Almelo"].geonames_id is not None
    # the same "person" with no place near it stays a person
    text = "Markets rallied in Tokyo. Almelo said the rally would last."
    start = text.index("Almelo")
    assert "Almelo" not in _places(text, entities=[Entity("e1", start, start + 6, "Almelo", "PERSON")])



def test_a_street_named_after_a_far_place_lies_in_the_articles_town():
    places = _places("Police in Saskatoon closed Northumberland Avenue. Saskatoon police said so.")
    street = places["Northumberland Avenue"]
    assert (street.country, street.lat) == ("CAN", places["Saskatoon"].lat)


def test_seas_straits_rivers_and_islands_are_places():
    places = _places("Tankers left the Strait of Hormuz for the Gulf of Aden; troops crossed the Euphrates. "
                     "On Oahu, rents rose.")
    assert {n: p.precision for n, p in places.items()} == {
        "Strait of Hormuz": "region", "Gulf of Aden": "region", "Euphrates": "region", "Oahu": "region"}
    assert places["Oahu"].country == "USA"
    idn = _places("Kapal tanker melintas di Selat Sunda dekat Gunung Anak Krakatau.", language="id")
    assert {n: p.country for n, p in idn.items()} == {"Sunda Strait": "IDN", "Anak Krakatau": "IDN"}


def test_a_village_lies_in_the_district_its_chain_names_not_at_a_far_namesake():
    places = _places("Warga Dusun Duwet, Desa Purwodadi, Kecamatan Tepus, Kabupaten Gunungkidul, menemukan mayat.",
                     language="id")
    assert "Purwodadi" not in places  # the Central Java town of that name is 120 km away
    tepus = places["Kecamatan Tepus"]
    assert (places["Desa Purwodadi"].lat, places["Dusun Duwet"].lat) == (tepus.lat, tepus.lat)
    split = _places("Mereka menyelam di perairan Desa Malaka Kabupaten Lombok Utara.", language="id")
    assert {"Desa Malaka", "Kabupaten Lombok Utara"} <= set(split)
