"""Gold-span conversion and label mapping shared by training and scoring."""
from warta.nlp.corpora import LABEL_MAPS, bio_to_spans, map_bio
from warta.nlp.score import score_spans


def test_bio_to_spans_gives_offsets_in_space_joined_text():
    text, spans = bio_to_spans(["Kim", "Yong-hyun", "ke", "Seoul", "."], ["B-PERSON", "I-PERSON", "O", "B-GPE", "O"])
    assert text == "Kim Yong-hyun ke Seoul ."
    assert [(text[s:e], lab) for s, e, lab in spans] == [("Kim Yong-hyun", "PERSON"), ("Seoul", "GPE")]


def test_stray_inside_tag_starts_an_entity_and_adjacent_b_splits():
    text, spans = bio_to_spans(["a", "b", "c"], ["I-ORG", "B-ORG", "I-ORG"])
    assert [(text[s:e], lab) for s, e, lab in spans] == [("a", "ORG"), ("b c", "ORG")]


def test_label_maps():
    assert map_bio(["B-PPL", "I-PPL", "B-FNB", "B-PLC", "B-IND", "B-EVT"], LABEL_MAPS["nerp"]) == [
        "B-PERSON", "I-PERSON", "O", "B-PLACE", "B-ORG", "B-EVENT"]
    assert map_bio(["B-QUANTITY", "B-LOCATION"], LABEL_MAPS["nerugm"]) == ["O", "B-PLACE"]


def test_score_counts_gpe_and_loc_as_one_place_class_and_ignores_event():
    gold = [[(0, 5, "PLACE"), (6, 10, "PERSON"), (11, 15, "EVENT")]]
    pred = [[(0, 5, "LOC"), (6, 10, "ORG"), (11, 15, "EVENT")]]
    res = score_spans(gold, pred)
    assert res["per_label"]["PLACE"]["f"] == 1.0
    assert res["micro"]["tp"] == 1 and res["micro"]["fp"] == 1 and res["micro"]["fn"] == 1
