import gzip

import spacy

from warta.nlp import word_flags
from warta.nlp.word_flags import (COMMON_FLAG, PLACE_FLAG, add_gazetteer_flags, build_place_words, is_common_word,
                                 is_place_word, name_words)
from warta.nlp.models import load_pipeline


def test_place_words_come_from_geonames_and_indonesian_regions():
    assert is_place_word("Jakarta") and is_place_word("Donetsk")
    assert is_place_word("Sidomulyo")  # a village name: only the Kemendagri list has it
    assert not is_place_word("sidomulyo")  # a place word is capitalised
    assert not is_place_word("Mengatakan")


def test_common_words_are_read_case_blind():
    assert is_common_word("Saran") and is_common_word("saran")
    assert not is_common_word("Jokowi")


def test_flags_are_set_on_new_and_existing_words():
    nlp = spacy.blank("id")
    nlp.vocab["Sidomulyo"]  # a word already in the vocabulary before the flags
    add_gazetteer_flags(nlp)
    doc = nlp("Warga Sidomulyo menolak saran itu")
    assert [t.check_flag(PLACE_FLAG) for t in doc][1:3] == [True, False]
    assert [t.check_flag(COMMON_FLAG) for t in doc][2:4] == [True, True]


def test_the_shipped_model_reads_the_flags():
    nlp = load_pipeline("id")
    assert "FLAG40" in nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]
    assert nlp.vocab["Sidomulyo"].check_flag(PLACE_FLAG)


def test_name_words_split_and_lower_names():
    assert name_words("Kabupaten Aceh Selatan") == ["kabupaten", "aceh", "selatan"]
    assert name_words("Ba'a, 2 X") == ["ba'a"]


def test_build_place_words_keeps_only_new_words(tmp_path, monkeypatch):
    src = tmp_path / word_flags.WILAYAH_FILE
    src.parent.mkdir(parents=True)
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write("kode\tnama\tlevel\n11\tAceh\t1\n11.01.06.2009\tGunung Cutxyz\t4\n")
    out = tmp_path / "words.txt.gz"
    monkeypatch.setattr(word_flags, "PLACE_WORDS_FILE", out)
    try:
        assert build_place_words(tmp_path, out) == 1  # "aceh" and "gunung" are in gpe_names.txt already
        assert gzip.open(out, "rt", encoding="utf-8").read().split() == ["cutxyz"]
        assert is_place_word("Cutxyz")
    finally:
        word_flags.place_words.cache_clear()
