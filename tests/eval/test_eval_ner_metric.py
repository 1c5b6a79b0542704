"""The NER exact span + type metric on hand-made examples."""
from types import SimpleNamespace

import pytest

from warta.eval.metrics import Counts, count_matches
from warta.eval.tasks.ner import evaluate, predicted_spans


def ent(start, end, label):
    return SimpleNamespace(start=start, end=end, label=label)


def test_gpe_and_loc_are_one_place_class_and_other_labels_are_not_scored():
    pred = predicted_spans([ent(0, 4, "GPE"), ent(5, 9, "LOC"), ent(10, 14, "NORP"), ent(15, 19, "FAC"),
                            ent(20, 24, "PERSON"), ent(25, 28, "ORG")])
    assert pred == [(0, 4, "PLACE"), (5, 9, "PLACE"), (20, 24, "PERSON"), (25, 28, "ORG")]


def test_exact_span_and_type_are_both_needed():
    gold = [[(0, 11, "PERSON"), (20, 24, "PLACE"), (30, 35, "ORG")]]
    pred = [[(0, 11, "PERSON"),      # right
             (20, 24, "ORG"),        # right span, wrong type
             (30, 34, "ORG")]]       # right type, span one char short
    micro, by = evaluate(gold, pred)
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 2)
    assert micro.precision == pytest.approx(1 / 3)
    assert micro.recall == pytest.approx(1 / 3)
    assert micro.f1 == pytest.approx(1 / 3)
    assert by["PERSON"].f1 == 1.0
    assert (by["ORG"].tp, by["ORG"].fp, by["ORG"].fn) == (0, 2, 1)
    assert (by["PLACE"].tp, by["PLACE"].fp, by["PLACE"].fn) == (0, 0, 1)


def test_micro_sums_counts_over_sentences():
    gold = [[(0, 4, "ORG")], [(0, 3, "PLACE"), (4, 8, "PERSON")]]
    pred = [[(0, 4, "ORG")], [(0, 3, "PLACE")]]
    micro, _ = evaluate(gold, pred)
    assert (micro.tp, micro.fp, micro.fn) == (2, 0, 1)
    assert micro.f1 == pytest.approx(2 * 1.0 * (2 / 3) / (1.0 + 2 / 3))


def test_offsets_in_different_sentences_do_not_match_each_other():
    # The same (start, end, label) in another sentence is a different entity.
    micro, _ = evaluate([[(0, 4, "ORG")], []], [[], [(0, 4, "ORG")]])
    assert (micro.tp, micro.fp, micro.fn) == (0, 1, 1)


def test_an_empty_system_scores_zero_not_one():
    c = count_matches({(0, 4, "ORG")}, set())
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    assert Counts().f1 == 0.0


def test_run_scores_a_tiny_corpus_and_dumps_the_wrong_sentences(tmp_path, monkeypatch):
    from warta.eval.tasks import ner

    folder = tmp_path / "indonlu-nergrit"
    folder.mkdir()
    (folder / "test.txt").write_text("Joko\tB-PERSON\nke\tO\nBali\tB-PLACE\n\nPolri\tB-ORGANISATION\ndatang\tO\n\n")
    # Stand in for the pipeline: sentence 0 fully right, sentence 1 gets Polri as a PERSON.
    fake = {"Joko ke Bali": [(0, 4, "PERSON"), (8, 12, "PLACE")], "Polri datang": [(0, 5, "PERSON")]}
    monkeypatch.setattr(ner, "_predict", lambda sents, dataset: ([fake[s.text] for s in sents], [None] * len(sents)))
    errors = []
    scores = {s.metric: s for s in ner.run_dataset("nergrit", tmp_path, errors=errors)}
    assert scores["f1_micro"].n == 3
    assert scores["precision_micro"].score == pytest.approx(2 / 3)
    assert scores["recall_micro"].score == pytest.approx(2 / 3)
    assert scores["f1_person"].score == pytest.approx(2 / 3) and scores["f1_org"].score == 0.0
    assert scores["f1_place"].score == 1.0
    (err,) = errors
    assert err["text"] == "Polri datang"
    assert err["missing"] == [{"start": 0, "end": 5, "label": "ORG", "text": "Polri"}]
    assert err["spurious"] == [{"start": 0, "end": 5, "label": "PERSON", "text": "Polri"}]


def test_the_news_row_scores_only_sentences_the_model_never_saw(data_dir):
    # idner-news-2k's test split shares about half its sentences with NER-UGM/NERP copies that warta trains on;
    # the "test-unseen" row must keep none of them and still score real news
    from warta.eval.readers.conll import read_conll
    from warta.eval.tasks import ner
    from warta.nlp.corpora import sentence_key

    seen = ner.training_sentences(data_dir)
    folder, filename, labels = ner.SOURCES["idner"]
    test = list(read_conll(data_dir / folder / filename))
    unseen = [s for s in test if sentence_key(s.tokens) not in seen]
    assert 0 < len(unseen) < len(test)
    rows = {s.metric: s for s in ner.run_dataset("idner", data_dir)}
    # the row counts the gold entities of the unseen sentences, not of the whole split
    assert rows["f1_micro"].split == "test-unseen"
    assert rows["f1_micro"].n == sum(len(s.char_spans(labels)) for s in unseen)
    assert rows["f1_micro"].n < sum(len(s.char_spans(labels)) for s in test)
