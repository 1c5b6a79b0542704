"""India police events: the sentence reader and the per-label F1 over (gold, predicted) pairs."""
import json

from warta.eval.readers.india_police import read_police_sentences
from warta.eval.tasks.police import _scores, f1


def test_sentence_reader_keeps_text_and_known_labels(tmp_path):
    path = tmp_path / "sents.jsonl"
    rows = [{"doc_id": 7, "sent_id": 0, "sent_text": "police arrested two men.", "sent_labels": ["ARREST", "ANY_ACTION"]},
            {"doc_id": 7, "sent_id": 1, "sent_text": "nothing happened.", "sent_labels": []}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    sents = list(read_police_sentences(path))
    assert [(s.doc_id, s.sent_id, s.text) for s in sents] == [("7", 0, "police arrested two men."), ("7", 1, "nothing happened.")]
    assert sents[0].labels == {"ARREST"} and not sents[1].labels


def test_scores_count_each_label_per_unit_and_pool_kill_arrest_force():
    pairs = [(frozenset({"ARREST"}), {"ARREST"}), (frozenset({"KILL"}), {"FORCE"}), (frozenset(), {"ARREST"})]
    by_metric = {s.metric: s for s in _scores("train70-sents", pairs, 0.0)}
    assert by_metric["f1_arrest"].score == f1(1, 1, 0) and by_metric["f1_arrest"].n == 1
    assert by_metric["f1_kill"].score == 0.0 and by_metric["f1_force"].score == 0.0
    assert by_metric["f1_micro_kill_arrest_force"].score == f1(1, 2, 1)
    assert {s.split for s in by_metric.values()} == {"train70-sents"}
