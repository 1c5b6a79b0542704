"""Silver labels from a teachers' vote: the vote, the span → BIO conversion and labelling through warta's path."""
import gzip

import pytest

from warta.nlp.corpora import Sentence, bio_to_spans, postag_splits, postag_unused
from warta.nlp import models
from warta.nlp.models import load_pipeline, model_path
from warta.nlp.silver import label_sentences, read_silver, spans_to_bio, vote, write_silver
from warta.nlp.train import main as train_main


def test_vote_keeps_spans_a_majority_returns_with_one_class_and_places_vote_together():
    preds = [[(0, 4, "PERSON"), (8, 12, "GPE")], [(0, 4, "PERSON"), (8, 12, "LOC")], [(0, 4, "ORG")]]
    assert vote(preds, min_votes=2) == [(0, 4, "PERSON"), (8, 12, "PLACE")]
    assert vote(preds, min_votes=3) == []


def test_vote_never_returns_overlapping_spans_and_ignores_untaught_labels():
    preds = [[(0, 10, "ORG")], [(0, 10, "ORG")], [(0, 4, "PERSON")], [(0, 4, "PERSON")], [(0, 4, "PERSON"), (5, 9, "NORP")]]
    assert vote(preds, min_votes=2) == [(0, 4, "PERSON")]  # three votes beat two
    assert vote(preds, min_votes=1) == [(0, 4, "PERSON")]


def test_spans_to_bio_follows_tokens_and_refuses_a_span_that_cuts_a_token():
    tokens = ["Menlu", "Retno", "Marsudi", "ke", "Jakarta", "."]
    tags = spans_to_bio(tokens, [(6, 19, "PERSON"), (23, 30, "PLACE")])
    assert tags == ["O", "B-PERSON", "I-PERSON", "O", "B-PLACE", "O"]
    text, spans = bio_to_spans(tokens, tags)
    assert [text[s:e] for s, e, _ in spans] == ["Retno Marsudi", "Jakarta"]
    assert spans_to_bio(tokens, [(7, 19, "PERSON")]) is None


def test_label_sentences_uses_each_teacher_and_restores_the_shipped_model(tmp_path):
    shipped = model_path("id")
    sents = [Sentence("Presiden Joko Widodo tiba di Surabaya pada Senin .".split(), [], "postag"),
             Sentence("Harga cabai naik lagi .".split(), [], "postag")]
    before = load_pipeline("id")
    silver, counts = label_sentences(sents, [shipped, shipped], min_votes=2)
    assert counts == {"silver_candidates": 2, "silver_dropped_misaligned": 0}
    text, spans = bio_to_spans(silver[0].tokens, silver[0].tags)
    assert ("Joko Widodo", "PERSON") in [(text[s:e], lab) for s, e, lab in spans]
    assert ("Surabaya", "PLACE") in [(text[s:e], lab) for s, e, lab in spans]
    assert silver[1].tags == ["O"] * 5 and silver[0].source == "silver"
    assert model_path("id") == shipped and models.MODEL_NAMES["id"] == "id_news"  # the module's, not a stale copy
    assert load_pipeline("id").meta == before.meta
    path = tmp_path / "silver.jsonl"
    write_silver(path, silver)
    assert [s.tags for s in read_silver(path)] == [s.tags for s in silver]


def test_postag_unused_is_what_the_splits_leave_out(tmp_path):
    (tmp_path / "nlp-id-postag").mkdir()
    with gzip.open(tmp_path / "nlp-id-postag" / "dataset_postag.txt.gz", "wt", encoding="utf-8") as fh:
        for n in range(12):
            fh.write(f"Kalimat\tNN\nke-{n}\tNUM\n.\tSYM\n\n")
    splits = postag_splits(tmp_path, seed=3, n_train=4, n_dev=2, n_test=3)
    unused = postag_unused(tmp_path, seed=3, n_train=4, n_dev=2, n_test=3)
    used = {s.key for part in splits for s in part}
    assert len(unused) == 3 and not used & {s.key for s in unused} and len(used) == 9


def test_train_cli_refuses_silver_without_enough_teachers(capsys):
    with pytest.raises(SystemExit) as exc:
        train_main(["id", "--silver", "100", "--teachers", "/tmp/one"])
    assert exc.value.code == 2
    assert "at least --min-votes (2) --teachers" in capsys.readouterr().err
