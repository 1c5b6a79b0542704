"""Actor rules on hand-built documents (places from the places stage, no language model)."""
from __future__ import annotations

import re
from datetime import date

from warta.actors import actor_at, find_actors
from warta.model import Article, Document, Entity
from warta.stages.places import PlaceStage


def _actors(text, *, language="id", published=date(2024, 10, 8), entities=()):
    doc = Document(article=Article(id="t", text=text, published=published), language=language,
                   entities=list(entities))
    doc = PlaceStage()(doc)
    doc.actors = find_actors(doc)
    return doc


def _by_text(doc):
    return {doc.text[m.start:m.end]: a for a in doc.actors for m in a.mentions}


def test_group_phrases_cover_noun_and_country():
    doc = _actors("Prajurit Korea Utara tewas dalam serangan pasukan Ukraina, menurut media Ukraina. "
                  "Militer Rusia dan enam perwira Korea Utara mundur.")
    got = _by_text(doc)
    assert (got["Prajurit Korea Utara"].kind, got["Prajurit Korea Utara"].code) == ("group", "PRK.MIL")
    assert got["perwira Korea Utara"] is got["Prajurit Korea Utara"]
    assert (got["pasukan Ukraina"].country, got["pasukan Ukraina"].sector) == ("UKR", "MIL")
    assert got["media Ukraina"].code == "UKR.JRN"
    assert got["Militer Rusia"].code == "RUS.MIL"
    assert "Korea Utara" not in got  # inside a group phrase it describes the group


def test_states_and_capital_metonyms():
    doc = _actors("Korea Utara menolak tuduhan itu. Seoul mengharapkan Pyongyang mengirim pasukan. "
                  "Pejabat itu tiba di Seoul kemarin.")
    got = _by_text(doc)
    assert got["Korea Utara"].kind == "state" and got["Korea Utara"].code == "PRK"
    assert got["Pyongyang"] is got["Korea Utara"]
    assert got["Seoul"].code == "KOR" and got["Seoul"].sector == "GOV"
    seoul_mentions = [m for m in got["Seoul"].mentions if doc.text[m.start:m.end] == "Seoul"]
    assert len(seoul_mentions) == 1  # "di Seoul" is a place only


def test_people_with_titles_and_the_dated_table():
    doc = _actors("Menteri pertahanan Korea Selatan mengatakan itu. Kim Yong-hyun mengatakan kepada politisi. "
                  "Putin dan pemimpin Korea Utara Kim Jong Un mengadopsi pakta. “Itu tinggi,” kata Kim.")
    people = {a.name: a for a in doc.actors if a.kind == "person"}
    kyh, kju, putin = people["Kim Yong-hyun"], people["Kim Jong Un"], people["Vladimir Putin"]
    assert (kyh.country, kyh.role, kyh.sector) == ("KOR", "minister of defence", "GOV")
    assert (kju.country, kju.role) == ("PRK", "leader")
    assert putin.country == "RUS" and kyh is not kju
    texts = [doc.text[m.start:m.end] for m in kyh.mentions]
    assert "Menteri pertahanan Korea Selatan" in texts  # the office joins its holder on that date
    assert kju.code == "P:kim-jong-un"


def test_short_name_joins_the_nearest_earlier_person():
    text = ("Kim Yong-hyun berbicara. “Itu tinggi,” kata Kim. Pemimpin Korea Utara Kim Jong Un datang. "
            "Usaha Kim untuk mendefinisikan Selatan.")
    doc = _actors(text)
    people = {a.name: a for a in doc.actors if a.kind == "person"}
    first_kim = text.index("kata Kim") + 5
    last_kim = text.index("Usaha Kim") + 6
    assert any(m.start == first_kim for m in people["Kim Yong-hyun"].mentions)
    assert any(m.start == last_kim for m in people["Kim Jong Un"].mentions)


def test_an_office_without_its_holder_named_stays_an_office():
    doc = _actors("Menteri luar negeri Korea Selatan mengatakan itu.")
    office = [a for a in doc.actors if a.kind == "person"][0]
    assert (office.country, office.role, office.code) == ("KOR", "foreign minister", None)
    assert office.name == "Menteri luar negeri Korea Selatan"


def test_igos_longest_name_wins():
    got = _by_text(_actors("Moskow memveto Dewan Keamanan PBB-nya, lalu sanksi PBB berakhir."))
    assert got["Dewan Keamanan PBB"].code == "IGO:UNSC" and got["Dewan Keamanan PBB"].kind == "igo"
    assert got["PBB"].code == "IGO:UNO" and got["PBB"].country is None


def test_english_patterns():
    doc = _actors("North Korean leader Kim Jong Un met Russian troops. South Korea's defence minister spoke. "
                  "Analysts said Washington would respond.", language="en")
    got = _by_text(doc)
    kju = got["North Korean leader Kim Jong Un"]
    assert (kju.name, kju.country, kju.role) == ("Kim Jong Un", "PRK", "leader")
    assert got["Russian troops"].code == "RUS.MIL"
    assert got["South Korea's defence minister"].role == "minister of defence"
    assert got["Washington"].code == "USA"
    assert got["Analysts"].kind == "group" and got["Analysts"].country is None


def test_model_person_entities_become_people():
    text = "Budi Santoso mengatakan bahwa Budi tidak hadir."
    doc = _actors(text, entities=[Entity("e1", 0, 12, "Budi Santoso", "PERSON")])
    budi = [a for a in doc.actors if a.kind == "person"][0]
    assert budi.name == "Budi Santoso" and len(budi.mentions) == 2 and budi.country is None


def test_actor_at_prefers_the_containing_longest_mention():
    doc = _actors("Prajurit Korea Utara tewas. Korea Utara membantah.")
    group = actor_at(doc, 9, 20)
    assert group is not None and group.code == "PRK.MIL"
    assert actor_at(doc, 28, 39).code == "PRK"
    assert actor_at(doc, 21, 26) is None


def test_noisy_model_labels_do_not_make_people_of_places():
    text = "Kim Yong-hyun berbicara. Seoul mengharapkan Pyongyang mengirim pasukan, kata Kim."
    ents = [Entity("e1", 0, 13, "Kim Yong-hyun", "PERSON"), Entity("e2", 25, 30, "Seoul", "PERSON"),
            Entity("e3", text.index("Kim."), text.index("Kim.") + 3, "Kim", "PERSON")]
    doc = _actors(text, entities=ents)
    got = _by_text(doc)
    assert got["Seoul"].code == "KOR" and got["Seoul"].kind == "state"
    assert got["Kim"] is got["Kim Yong-hyun"]
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Kim Yong-hyun"]


def test_a_capital_is_no_government_in_a_dateline_or_a_district_name():
    doc = _actors("Jakarta, hari ini hujan. Wali Kota Jakarta meninjau banjir. Menteri BUMN hadir. "
                  "Jakarta memprotes Canberra. Warga Jakarta Timur mengungsi.")
    got = _by_text(doc)
    jakarta = [m for m in got["Jakarta"].mentions if doc.text[m.start:m.end] == "Jakarta"]
    assert [doc.text[m.start:m.end + 10] for m in jakarta] == ["Jakarta memprotes"]
    assert got["Canberra"].code == "AUS"  # the object of the protest
    assert not any(a.kind == "group" and a.country == "IDN" for a in doc.actors)  # "Warga Jakarta Timur"
    # Jakarta's mayor is a local office, never Indonesia's state
    assert [(a.name, a.kind, a.country) for a in doc.actors if a.role == "mayor"] == [
        ("Wali Kota Jakarta", "person", "IDN")]
    assert not any(a.name == "BUMN" for a in doc.actors)


def test_local_governments_and_offices_without_a_name_are_actors():
    doc = _actors("Pemerintah Kota Bekasi menolak rencana itu. Wali Kota Bekasi mengkritik Bupati Bogor. "
                  "Gubernur Jawa Barat dan Gubernur Jawa Timur bertemu.")
    got = [(a.name, a.kind, a.sector, a.country, a.role, len(a.mentions)) for a in doc.actors
           if a.kind in ("person", "organization")]
    assert got == [("Pemerintah Kota Bekasi", "organization", "GOV", "IDN", None, 1),
                   ("Wali Kota Bekasi", "person", "GOV", "IDN", "mayor", 1),
                   ("Bupati Bogor", "person", "GOV", "IDN", "regent", 1),
                   ("Gubernur Jawa Barat", "person", "GOV", "IDN", "governor", 1),
                   ("Gubernur Jawa Timur", "person", "GOV", "IDN", "governor", 1)]


def test_a_country_name_inside_an_organisation_names_that_organisation():
    text = "Bank Indonesia menolak. Pemerintah Republik Indonesia membantah. Indonesia menyetujui."
    ents = [Entity("e1", 0, 14, "Bank Indonesia", "ORG"), Entity("e2", 35, 53, "Republik Indonesia", "ORG")]
    got = _by_text(_actors(text, entities=ents))
    bank = got["Bank Indonesia"]
    assert (bank.kind, bank.country, bank.sector) == ("organization", "IDN", None)
    assert got["Pemerintah Republik Indonesia"].code == "IDN.GOV"  # the state's own words keep the state
    assert got["Indonesia"].kind == "state"


def test_an_office_before_a_rank_names_the_role():
    got = _by_text(_actors("Kapolri Jenderal Tito Karnavian meminta warga tenang.", published=date(2019, 5, 22)))
    tito = got["Kapolri Jenderal Tito Karnavian"]
    assert (tito.name, tito.role, tito.sector, tito.country) == ("Tito Karnavian", "chief of police", "COP", "IDN")
    general = _by_text(_actors("Jenderal Andika Perkasa datang."))["Jenderal Andika Perkasa"]
    assert (general.role, general.sector) == ("general", "MIL")  # a rank alone is still the role


def test_a_model_name_may_start_with_a_common_word():
    # "park" is a generic place word, but the model's PERSON span makes "Park Geun-hye" a name after the title
    text = "Presiden Park Geun-hye dimakzulkan."
    doc = _actors(text, entities=[Entity("e1", 9, 22, "Park Geun-hye", "PERSON")], published=date(2016, 12, 9))
    park = _by_text(doc)["Presiden Park Geun-hye"]
    assert (park.name, park.role, park.country) == ("Park Geun-hye", "president", "KOR")


def _ent(text, surface, label="ORG", nth=0):
    start = [m.start() for m in re.finditer(re.escape(surface), text)][nth]
    return Entity(id=f"e{start}", start=start, end=start + len(surface), text=surface, label=label)


def test_named_bodies_and_organisations_with_a_head_word_are_actors():
    text = ("Komisi Pemberantasan Korupsi (KPK) menangkap Bupati Kudus. Polda Metro Jaya menahan tiga orang. "
            "Partai Demokrat mengecam penangkapan itu. KPK juga menggeledah kantor Pemkab Kudus. "
            "Persib menyerang gawang Persija.")
    ents = [_ent(text, s) for s in ("Polda Metro Jaya", "Partai Demokrat", "Pemkab Kudus", "Persib", "Persija")]
    got = _by_text(_actors(text, entities=ents))
    kpk = got["Komisi Pemberantasan Korupsi"]
    assert (kpk.kind, kpk.country, kpk.sector, kpk.code) == ("organization", "IDN", "GOV", "IDN.GOV.KPK")
    assert got["KPK"] is kpk and len(kpk.mentions) == 3  # the table's acronym, in brackets and alone
    assert (got["Polda Metro Jaya"].sector, got["Polda Metro Jaya"].country) == ("COP", "IDN")  # "polda" is Indonesian
    assert (got["Pemkab Kudus"].sector, got["Pemkab Kudus"].country) == ("GOV", "IDN")
    party = got["Partai Demokrat"]
    assert (party.kind, party.sector, party.country) == ("organization", "PTY", None)  # whose party: not said
    assert "Persib" not in got and "Persija" not in got  # clubs have no head word: not actors


def test_an_organisation_takes_the_country_of_a_place_in_its_name_and_its_acronym_joins_it():
    text = "The Los Angeles Police Department arrested two men on Tuesday."
    got = _by_text(_actors(text, language="en", entities=[_ent(text, "The Los Angeles Police Department")]))
    lapd = got["The Los Angeles Police Department"]
    assert (lapd.kind, lapd.sector, lapd.country, lapd.code) == ("organization", "COP", "USA", "USA.COP")  # police wins
    text = "The Ivory Coast's Supreme Court decided to allow him to run."
    got = _by_text(_actors(text, language="en", entities=[_ent(text, "Supreme Court")]))
    court = got["Ivory Coast's Supreme Court"]  # the owner named before the organisation gives its country
    assert (court.name, court.country, court.sector) == ("Supreme Court", "CIV", "JUD")
    text = "Partai Demokrat AS menolak rencana itu."
    party = _by_text(_actors(text, entities=[_ent(text, "Partai Demokrat")]))["Partai Demokrat AS"]
    assert (party.country, party.sector) == ("USA", "PTY")  # in Indonesian the owner follows
    text = "Badan Penanggulangan Bencana Daerah (BPBD) mengirim bantuan. Kemarin BPBD menutup jalan."
    got = _by_text(_actors(text, entities=[_ent(text, "Badan Penanggulangan Bencana Daerah")]))
    bpbd = got["Badan Penanggulangan Bencana Daerah"]
    assert got["BPBD"] is bpbd and len(bpbd.mentions) == 3 and bpbd.sector == "GOV"


def test_a_local_office_takes_the_country_of_its_town_and_an_unmarked_body_its_head_word():
    text = "Bupati Kudus Muhammad Tamzil ditangkap. Polres Metro Jakarta Pusat menangkap dua orang di Jakarta Pusat."
    doc = _actors(text, entities=[_ent(text, "Kudus", "GPE"), _ent(text, "Muhammad Tamzil", "PERSON")])
    got = _by_text(doc)
    regent = got["Bupati Kudus Muhammad Tamzil"]
    assert (regent.name, regent.role, regent.country) == ("Muhammad Tamzil", "regent", "IDN")
    police = got["Polres Metro Jakarta Pusat"]  # no model entity: "Polres" names an Indonesian police unit itself
    assert (police.kind, police.sector, police.country) == ("organization", "COP", "IDN")
