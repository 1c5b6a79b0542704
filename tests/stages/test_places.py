"""The places stage on hand-built documents and, once, on the example through ``warta.extract``."""
from __future__ import annotations

from warta.model import Article, Document, Entity
from warta.stages.places import PlaceStage

EXAMPLE = ("Kim Yong-hyun mengatakan bahwa enam perwira Korea Utara tewas dalam serangan misil Ukraina di dekat "
           "Donetsk. Saran tersebut muncul di tengah penguatan hubungan antara Pyongyang dan Moskow, kata Seoul.")


def _doc(text, *, language="id", entities=()):
    return Document(article=Article(id="t", text=text), language=language, entities=list(entities))


def test_places_have_offsets_countries_and_precision():
    doc = PlaceStage()(_doc(EXAMPLE))
    by_name = {p.name: p for p in doc.places}
    assert by_name["Donetsk"].country == "UKR" and by_name["Donetsk"].precision == "city"
    assert by_name["Pyongyang"].country == "PRK"
    assert by_name["Moscow"].country == "RUS" and by_name["Moscow"].geonames_id == 524901
    assert by_name["Seoul"].country == "KOR"
    assert by_name["North Korea"].precision == "country"
    for p in doc.places:
        assert p.id.startswith("p") and p.lat is not None
        for m in p.mentions:
            assert doc.text[m.start:m.end]
    moskow = by_name["Moscow"].mentions[0]
    assert doc.text[moskow.start:moskow.end] == "Moskow"


def test_mentions_of_one_place_share_one_record():
    doc = PlaceStage()(_doc("Rusia menyerang. Rusia mundur."))
    assert len(doc.places) == 1 and len(doc.places[0].mentions) == 2


def test_unknown_toponym_is_left_out_not_invented():
    doc = PlaceStage()(_doc("Warga Kampung Zzyzxqwerty mengungsi.", entities=[
        Entity("e1", 6, 25, "Kampung Zzyzxqwerty", "GPE")]))
    assert doc.places == []


def test_example_article_through_extract(example_extract):
    places = example_extract["places"]
    text = example_extract["article"]["text"]
    surface = {text[m["start"]:m["end"]]: p for p in places for m in p["mentions"]}
    assert surface["Donetsk"]["country"] == "UKR"
    assert surface["Seoul"]["country"] == "KOR"
    assert surface["Pyongyang"]["country"] == "PRK"
    assert surface["Moskow"]["country"] == "RUS"
    assert surface["Semenanjung Korea"]["precision"] == "region"
    assert "Kim" not in surface


def test_model_mislabels_are_corrected():
    text = "Seoul mengatakan hubungan di Asia Selatan tegang, di dekat Donetsk."
    ents = [Entity("e1", 0, 5, "Seoul", "PERSON"), Entity("e2", 34, 41, "Selatan", "LOC"),
            Entity("e3", 59, 66, "Donetsk", "PERSON")]
    doc = PlaceStage()(_doc(text, entities=ents))
    names = {doc.text[m.start:m.end]: p for p in doc.places for m in p.mentions}
    assert names["Seoul"].country == "KOR"  # a world city is no person
    assert names["Donetsk"].country == "UKR"  # "di dekat" marks a place
    assert "Selatan" not in names  # "south", not a Malaysian town's other name


def test_a_country_name_after_bahasa_is_a_language():
    doc = PlaceStage()(_doc("Dia kursus bahasa Inggris di Jakarta. Pemerintah Inggris menolak."))
    assert sorted((p.name, [m.start for m in p.mentions]) for p in doc.places) == [
        ("Jakarta", [29]), ("United Kingdom", [49])]
