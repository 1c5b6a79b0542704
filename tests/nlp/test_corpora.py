"""Gold-span conversion and label mapping shared by training and scoring."""
import random

from warta.nlp.corpora import LABEL_MAPS, Sentence, bio_to_spans, map_bio, read_mdee, replace_mentions
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


def test_mdee_reader_splits_sentences_after_full_stops_and_reads_io_tags(tmp_path):
    # The MDEE gold standard's format: token<TAB>class, IO tags (some with a trailing space or tab),
    # sentences mostly not separated by blank lines.
    path = tmp_path / "gold.txt"
    path.write_text("Joko\tPerson\nWidodo\tPerson \nke\tO\nBali\tPlace\n.\tO\t\n"
                    "PBB\tOrganisation\nrapat\tO \n\nIa\tO\npulang\tO\n?\tO\n", encoding="utf-8")
    sents = [(toks, map_bio(tags, LABEL_MAPS["mdee"])) for toks, tags in read_mdee(path)]
    assert [toks for toks, _ in sents] == [
        ["Joko", "Widodo", "ke", "Bali", "."], ["PBB", "rapat"], ["Ia", "pulang", "?"]]
    text, spans = bio_to_spans(*sents[0])
    assert [(text[s:e], lab) for s, e, lab in spans] == [("Joko Widodo", "PERSON"), ("Bali", "PLACE")]
    assert sents[1][1] == ["B-ORG", "O"]


def test_mention_replacement_swaps_whole_names_and_keeps_context_and_other_labels():
    sent = Sentence(["Presiden", "Joko", "Widodo", "bertemu", "Ali", "di", "Jawa", "Barat"],
                    ["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-PLACE", "I-PLACE"], "nergrit/train")
    out = replace_mentions(sent, {"PERSON": ["Budi", "Nick Carter"]}, random.Random(3))
    text, spans = bio_to_spans(out.tokens, out.tags)
    assert [lab for _s, _e, lab in spans] == ["PERSON", "PERSON", "PLACE"]
    assert all(text[s:e] in ("Budi", "Nick Carter") for s, e, lab in spans if lab == "PERSON")
    assert text[spans[-1][0]:spans[-1][1]] == "Jawa Barat" and text.startswith("Presiden ")
    assert out.source == "nergrit/train+replaced" and sent.tokens[1] == "Joko"  # the original is untouched
