"""warta.coding.topic: sport and show articles code events only in sentences naming public life."""
from builders import make_doc

from warta.coding.rules import RuleCoder

TEAMS = {"por": ("PRT", "state", ["Portugal"]), "ukr": ("UKR", "state", ["Ukraina"]),
         "idn": ("IDN", "state", ["Indonesia"])}
MATCH = ("Portugal menang 3-0 dalam laga kualifikasi itu. Pelatih Portugal memuji para pemain. "
         "Gol kedua lahir dari sundulan Pepe. ")


def coded(text, actors=TEAMS):
    return [(e.type, e.status) for e in RuleCoder().code(make_doc(text, actors=actors))]


def test_a_match_report_codes_no_fixture_as_a_visit():
    # CLICK-ID seed 157: "Portugal akan … mengunjungi Ukraina" (a qualifier) gave CONSULT and AGREE
    assert coded(MATCH + "Portugal akan mengunjungi Ukraina pada Oktober.") == []


def test_a_sentence_of_public_life_in_a_match_report_is_still_coded():
    # CLICK-ID seed 59: supporters clashed with police around the stadium
    text = MATCH + "Suporter Indonesia terlibat bentrok dengan personel kepolisian di area stadion."
    assert [t for t, _ in coded(text)] == ["ASSAULT"]


def test_an_article_with_few_sport_sentences_is_coded_as_before():
    text = "Gol itu dirayakan warga. Portugal akan mengunjungi Ukraina pada Oktober."
    assert ("CONSULT", "expected") in coded(text)


def test_a_tennis_report_is_a_sport_article():
    # CLICK-ID seed 349: a Davis Cup tie (its sport words are tennis words)
    text = ("Petenis Indonesia takluk di Davis Cup. Para petenis sempat memimpin. Tim tenis akan menjalani playoff. "
            "Portugal akan mengunjungi Ukraina pada Oktober.")
    assert coded(text) == []
