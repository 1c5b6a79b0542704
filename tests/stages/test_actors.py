"""The actors stage: its declaration, and the example article's acceptance items through ``warta.extract``."""
from __future__ import annotations

from warta.model import Article, Document
from warta.pipeline import build_pipeline
from warta.stages.actors import ActorStage
from warta.stages.places import PlaceStage


def test_stage_declaration_fits_the_pipeline():
    stage = ActorStage()
    assert (stage.name, stage.requires, stage.assigns) == (
        "actors", ("article", "sentences", "entities", "places"), ("actors",))
    assert [s.name for s in build_pipeline(["language", "sentences", "analysis", "places", "actors"]).stages][-1] \
        == "actors"


def test_every_mention_points_into_the_text():
    doc = Document(article=Article(id="t", text="Pasukan Rusia menyerang Ukraina."), language="id")
    doc = ActorStage()(PlaceStage()(doc))
    assert [(a.id, a.code) for a in doc.actors] == [("a1", "RUS.MIL"), ("a2", "UKR")]
    assert doc.text[doc.actors[0].mentions[0].start:doc.actors[0].mentions[0].end] == "Pasukan Rusia"


def _people(result):
    return {a["name"]: a for a in result["actors"] if a["kind"] == "person"}


def test_example_two_kims_and_putin(example_extract):
    people = _people(example_extract)
    kyh, kju, putin = people["Kim Yong-hyun"], people["Kim Jong Un"], people["Vladimir Putin"]
    assert (kyh["country"], kyh["role"], kyh["sector"]) == ("KOR", "minister of defence", "GOV")
    assert (kju["country"], kju["role"]) == ("PRK", "leader")
    assert putin["country"] == "RUS"
    assert kyh["id"] != kju["id"]


def test_example_states_groups_and_igos(example_extract):
    text = example_extract["article"]["text"]
    by_text = {}
    for a in example_extract["actors"]:
        for m in a["mentions"]:
            by_text[text[m["start"]:m["end"]]] = a
    assert by_text["Korea Utara"]["code"] == "PRK" and by_text["Korea Utara"]["kind"] == "state"
    assert by_text["Pyongyang"]["code"] == "PRK" and by_text["Moskow"]["code"] == "RUS"
    assert by_text["Seoul"]["code"] == "KOR"
    assert by_text["Pasukan Korea Utara"]["kind"] == "group" and by_text["Pasukan Korea Utara"]["sector"] == "MIL"
    assert by_text["pasukan Ukraina"]["code"] == "UKR.MIL"
    assert by_text["media Ukraina"]["code"] == "UKR.JRN"
    assert by_text["Dewan Keamanan PBB"]["code"] == "IGO:UNSC"
    assert by_text["PBB"]["code"] == "IGO:UNO"


def test_a_capital_in_a_dateline_is_no_actor():
    import warta

    text = "Tempo.Co, Jakarta - PT Angkasa Pura II menjalin kerja sama dengan agen perjalanan. Jakarta mengecam serangan itu."
    result = warta.extract(text, language="id")
    mentions = [text[m["start"]:m["end"]] + f"@{m['start']}" for a in result["actors"] for m in a["mentions"]]
    assert mentions == [f"Jakarta@{text.rindex('Jakarta')}"]
