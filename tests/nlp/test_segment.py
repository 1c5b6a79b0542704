"""Sentence segmentation edge cases in news text."""
from warta.nlp.segment import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_paragraph_break_without_full_stop_ends_a_sentence():
    assert sents("Kata Kim bahwa Seoul mengharapkan bantuan\n\nMasalah itu besar.") == [
        "Kata Kim bahwa Seoul mengharapkan bantuan", "Masalah itu besar."]


def test_headline_line_is_separate_from_lead():
    assert sents("Pasukan Korea Utara bertarung untuk Rusia\nMenteri itu berkata.")[0] == \
        "Pasukan Korea Utara bertarung untuk Rusia"


def test_abbreviations_do_not_end_sentences():
    text = "Dr. Budi tinggal di Jl. Sudirman No. 5 bersama Prof. Ani. Dia datang."
    assert sents(text) == ["Dr. Budi tinggal di Jl. Sudirman No. 5 bersama Prof. Ani.", "Dia datang."]


def test_initials_do_not_end_sentences():
    assert sents("Menurut M. Hendra, harga naik. Itu benar.") == ["Menurut M. Hendra, harga naik.", "Itu benar."]


def test_acronyms_without_stop_and_dates_in_brackets():
    text = "AS dan PBB bertemu di Jakarta (7/10). Mereka sepakat."
    assert sents(text) == ["AS dan PBB bertemu di Jakarta (7/10).", "Mereka sepakat."]


def test_acronym_at_sentence_end_still_splits():
    assert sents("Korea Utara dilarang oleh sanksi PBB. Namun, Moskow menolak.") == [
        "Korea Utara dilarang oleh sanksi PBB.", "Namun, Moskow menolak."]


def test_curly_quote_closing_stays_with_sentence():
    text = "“Kami menilai risikonya tinggi,” kata Kim. Seoul khawatir."
    assert sents(text) == ["“Kami menilai risikonya tinggi,” kata Kim.", "Seoul khawatir."]


def test_quote_after_full_stop_belongs_to_the_sentence_it_closes():
    text = "Dia berkata, “Kami siap.” Lalu pergi."
    assert sents(text) == ["Dia berkata, “Kami siap.”", "Lalu pergi."]


def test_next_sentence_may_open_with_a_quote():
    text = "Kim datang. “Kami siap,” katanya."
    assert sents(text) == ["Kim datang.", "“Kami siap,” katanya."]


def test_unbalanced_straight_quote_does_not_block_splitting():
    text = 'Dia berkata "kami siap. Lalu pergi. Semua diam.'
    assert sents(text) == ['Dia berkata "kami siap.', "Lalu pergi.", "Semua diam."]


def test_question_and_exclamation():
    assert sents("Siapa datang? Kim! Benar.") == ["Siapa datang?", "Kim!", "Benar."]


def test_decimal_numbers_and_lowercase_continuation():
    assert sents("Harga naik 3.5 persen. kata dia.") == ["Harga naik 3.5 persen. kata dia."]


def test_sentence_final_etc_abbreviation_splits():
    assert sents("Mereka membawa beras, gula, dll. Presiden lalu pergi.") == [
        "Mereka membawa beras, gula, dll.", "Presiden lalu pergi."]


def test_offsets_index_the_original_text_and_strip_spaces():
    text = "  Satu.   Dua.  \n\n  Tiga  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Satu.", "Dua.", "Tiga"]


def test_paragraphs_joined_by_commas_still_split():
    # CLICK-ID's scraped text joins paragraphs with commas; a sentence never starts with them.
    text = ',,,Maling tewas.,,Warga pun geram.,"Kami siap," kata dia.,Selain itu, warga pergi.'
    assert sents(text) == ["Maling tewas.", "Warga pun geram.", '"Kami siap," kata dia.',
                           "Selain itu, warga pergi."]


def test_a_quote_glued_after_a_full_stop_opens_the_next_sentence():
    assert sents("Ia ditangkap.“Saya tidak bersalah,” katanya.") == ["Ia ditangkap.", "“Saya tidak bersalah,” katanya."]
    assert sents('Bupati langsung bersikap."Saya perintahkan Sekda," ujarnya.') == [
        "Bupati langsung bersikap.", '"Saya perintahkan Sekda," ujarnya.']
    # a closing quote before a space still belongs to its sentence
    assert sents('Ia berkata "Saya datang." Lalu pergi.') == ['Ia berkata "Saya datang."', "Lalu pergi."]


def test_comma_after_an_abbreviation_is_not_a_boundary():
    assert sents("Ia tinggal di Jl.,Sudirman sejak lama.") == ["Ia tinggal di Jl.,Sudirman sejak lama."]
