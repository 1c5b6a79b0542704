"""warta's tokenization policy (hyphenated names whole, clitics as in the training data)."""
import pytest
import spacy

from warta.nlp.tokenize import customize_tokenizer


@pytest.fixture(scope="module")
def nlp():
    return customize_tokenizer(spacy.blank("id"))


def words(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


def test_hyphenated_names_stay_whole(nlp):
    assert words(nlp, "Kim Yong-hyun bertemu Kim Jong Un.") == ["Kim", "Yong-hyun", "bertemu", "Kim", "Jong", "Un", "."]
    assert "Rusia-Ukraina" in words(nlp, "Berita Perang Rusia-Ukraina")
    assert "inter-Korea" in words(nlp, "perjanjian inter-Korea bersejarah")
    assert "undang-undang" in words(nlp, "undang-undang baru")


def test_hyphenated_clitic_is_split_from_a_name(nlp):
    assert words(nlp, "hak veto Dewan Keamanan PBB-nya untuk") == [
        "hak", "veto", "Dewan", "Keamanan", "PBB", "-nya", "untuk"]


def test_solid_clitics_stay_attached_as_in_the_corpora(nlp):
    assert words(nlp, "bukunya kubaca, katanya, bacalah") == ["bukunya", "kubaca", ",", "katanya", ",", "bacalah"]


def test_abbreviations_are_single_tokens(nlp):
    assert words(nlp, "Dr. Budi di Jl. Sudirman No. 5") == ["Dr.", "Budi", "di", "Jl.", "Sudirman", "No.", "5"]


def test_dates_in_brackets_and_numbers(nlp):
    assert words(nlp, "Jakarta (7/10) pukul 10.30") == ["Jakarta", "(", "7", "/", "10", ")", "pukul", "10.30"]


def test_quotes_are_separate(nlp):
    assert words(nlp, "“sangat mungkin” kata") == ["“", "sangat", "mungkin", "”", "kata"]


def test_punctuation_glued_to_the_next_word_is_split_off(nlp):
    # CLICK-ID joins paragraphs without spaces; the name after them was read as ",Tory" or "“Saya"
    assert words(nlp, "itu.,Tory datang") == ["itu", ".", ",", "Tory", "datang"]
    assert words(nlp, "ditangkap.“Saya pergi") == ["ditangkap", ".", "“", "Saya", "pergi"]
    assert words(nlp, "kepada,,Sesuai apa") == ["kepada", ",,", "Sesuai", "apa"]
    assert words(nlp, "harga Rp 1,75 miliar pukul 20.00") == ["harga", "Rp", "1,75", "miliar", "pukul", "20.00"]
    assert words(nlp, "Ba'asyir datang") == ["Ba'asyir", "datang"]


def test_policy_survives_save_and_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert [t.text for t in loaded.make_doc("Kim Yong-hyun dan PBB-nya")] == ["Kim", "Yong-hyun", "dan", "PBB", "-nya"]
