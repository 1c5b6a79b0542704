"""The CoNLL/BIO reader on a tiny hand-written file."""
from pathlib import Path

import pytest

from warta.eval.readers.conll import bio_spans, read_conll

SAMPLE = (
    "-DOCSTART-\tO\n"
    "\n"
    "Joko\tB-PPL\n"
    "Widodo\tI-PPL\n"
    "tiba\tO\n"
    "di\tO\n"
    "Bali\tB-PLC\n"
    "\n"
    "\n"
    "Polri\tB-IND\n"
    "menggelar\tO\n"
    "Festival\tB-EVT\n"
    "Jazz\tI-EVT\n"
    "Kota Tua\tI-PLC\n"  # tab-separated, so a token may hold a space; the orphan I- starts an entity
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sample.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_sentences_and_skips_docstart(tmp_path):
    sents = list(read_conll(write(tmp_path, SAMPLE)))
    assert [s.tokens for s in sents] == [
        ["Joko", "Widodo", "tiba", "di", "Bali"],
        ["Polri", "menggelar", "Festival", "Jazz", "Kota Tua"],
    ]
    assert sents[0].tags == ["B-PPL", "I-PPL", "O", "O", "B-PLC"]


def test_char_spans_index_the_space_joined_text(tmp_path):
    first, second = read_conll(write(tmp_path, SAMPLE))
    assert first.text == "Joko Widodo tiba di Bali"
    spans = first.char_spans({"PPL": "PERSON", "PLC": "PLACE"})
    assert spans == [(0, 11, "PERSON"), (20, 24, "PLACE")]
    assert [first.text[s:e] for s, e, _ in spans] == ["Joko Widodo", "Bali"]
    # EVT is not in the map, so it is dropped; the orphan I-PLC starts its own entity.
    spans2 = second.char_spans({"IND": "ORG", "PLC": "PLACE"})
    assert [(second.text[s:e], lab) for s, e, lab in spans2] == [("Polri", "ORG"), ("Kota Tua", "PLACE")]


def test_space_separated_columns_take_first_and_last(tmp_path):
    path = write(tmp_path, "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n")
    (sent,) = read_conll(path)
    assert sent.tokens == ["EU", "rejects"] and sent.tags == ["B-ORG", "O"]


def test_one_column_line_names_the_line(tmp_path):
    with pytest.raises(ValueError, match=":2:"):
        list(read_conll(write(tmp_path, "Joko\tB-PPL\nWidodo\n")))


@pytest.mark.parametrize("tags, spans", [
    (["B-PER", "I-PER", "O"], [(0, 1, "PER")]),
    (["B-PER", "B-PER"], [(0, 0, "PER"), (1, 1, "PER")]),
    (["B-PER", "I-LOC"], [(0, 0, "PER"), (1, 1, "LOC")]),
    (["O", "I-LOC", "I-LOC"], [(1, 2, "LOC")]),
    (["S-LOC", "B-ORG", "E-ORG", "O"], [(0, 0, "LOC"), (1, 2, "ORG")]),
    (["O", "O"], []),
])
def test_bio_spans(tags, spans):
    assert bio_spans(tags) == spans
