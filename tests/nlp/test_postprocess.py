"""Post-corrections of model entities (rules in warta/nlp/postprocess.py)."""
import re

from warta.nlp.places import place_label
from warta.nlp.postprocess import fix_entities


def fix(text, ents, sentences=None):
    tokens = [m.span() for m in re.finditer(r"\w+(?:-\w+)*|[^\w\s]", text)]
    spans = fix_entities(text, [(text.index(t), text.index(t) + len(t), lab) for t, lab in ents],
                         sentences=sentences or [(0, len(text))], tokens=tokens)
    return [(text[s:e], lab) for s, e, lab in spans]


def test_sentence_initial_common_word_is_dropped_but_names_stay():
    assert fix("Analis memperingatkan Seoul.", [("Analis", "PERSON"), ("Seoul", "PERSON")]) == [("Seoul", "GPE")]
    assert fix("Jokowi datang.", [("Jokowi", "PERSON")]) == [("Jokowi", "PERSON")]


def test_leading_discourse_word_is_trimmed():
    assert fix("Namun Moskow menolak.", [("Namun Moskow", "LOC")]) == [("Moskow", "GPE")]


def test_lowercase_span_in_cased_text_is_dropped_but_kept_in_lowercase_text():
    assert fix("Dia makan singkong di Bogor.", [("singkong", "LOC")]) == [("Bogor", "GPE")]
    assert fix("dia tinggal di bogor .", [("bogor", "LOC")]) == [("bogor", "GPE")]


def test_entity_across_a_sentence_boundary_is_dropped():
    text = "Dia ke Jakarta. Timur Tengah bergolak."
    out = fix(text, [("Jakarta. Timur", "LOC")], sentences=[(0, 15), (16, len(text))])
    assert ("Jakarta. Timur", "LOC") not in out
    assert out == [("Jakarta", "GPE")]  # the stand-alone capital is then added by the gazetteer rule


def test_role_place_person_is_split():
    assert fix("Kata pemimpin Korea Utara Kim Jong Un kemarin.", [("Korea Utara Kim Jong Un", "LOC")]) == [
        ("Korea Utara", "GPE"), ("Kim Jong Un", "PERSON")]
    assert fix("Kata Presiden Rusia Vladimir Putin kemarin.", [("Presiden Rusia Vladimir Putin", "PERSON")]) == [
        ("Rusia", "GPE"), ("Vladimir Putin", "PERSON")]


def test_country_named_alone_is_gpe_and_missed_one_is_added():
    assert fix("Hal itu membuat Pyongyang berterima kasih kepada Nepal.", [("Pyongyang", "ORG")]) == [
        ("Pyongyang", "GPE"), ("Nepal", "GPE")]


def test_part_of_a_longer_name_is_not_added():
    assert fix("Dia kuliah di Universitas Indonesia.", []) == []


def test_lexicon_organisations_and_bracketed_acronyms():
    assert fix("Dewan Keamanan PBB bersidang.", []) == [("Dewan Keamanan PBB", "ORG")]
    # a listed name takes the place of model entities inside it, not of one that crosses its edge
    assert fix("Dewan Keamanan PBB bersidang.", [("PBB", "ORG")]) == [("Dewan Keamanan PBB", "ORG")]
    assert fix("Dewan Keamanan PBB bersidang.", [("PBB bersidang", "ORG")]) == [("PBB bersidang", "ORG")]
    assert fix("Dia bekerja di Lembaga Pendidikan Perkebunan ( LPP ) kemarin.",
               [("Lembaga Pendidikan Perkebunan", "ORG")]) == [
        ("Lembaga Pendidikan Perkebunan", "ORG"), ("LPP", "ORG")]


def test_org_markers_and_place_extension():
    assert fix("Dia pindah ke Valencia CF musim lalu.", [("Valencia CF", "PERSON")]) == [("Valencia CF", "ORG")]
    assert fix("Pemilu presiden Amerika Serikat digelar.", [("Amerika", "LOC")]) == [("Amerika Serikat", "GPE")]


def test_gpe_or_loc_rule():
    assert place_label("Korea Selatan") == "GPE"
    assert place_label("Semenanjung Korea") == "LOC"
    assert place_label("Kabupaten Wakatobi") == "GPE"
    assert place_label("Timur Tengah") == "LOC"


def test_person_cut_short_on_the_left_takes_the_name_words_before_it():
    assert fix("Arema memperpanjang kontrak Pierre Njanka .", [("Arema", "ORG"), ("Njanka", "PERSON")]) \
        == [("Arema", "ORG"), ("Pierre Njanka", "PERSON")]
    text = "Ia mengajar anak Georg Ludwig von Trapp , seorang komandan ."
    assert fix(text, [("Trapp", "PERSON")]) == [("Georg Ludwig von Trapp", "PERSON")]


def test_person_is_not_extended_over_titles_honorifics_ranks_or_an_organisation_in_a_title_chain():
    # "Sekretaris" is written in lower case in news; "Pak" and "Kompol" are forms of address and ranks
    assert fix("Hal itu dikatakan Sekretaris Kabinet Dipo Alam .", [("Dipo Alam", "PERSON")]) \
        == [("Dipo Alam", "PERSON")]
    assert fix("Ia dibimbing Pak Daeng Soetigna .", [("Daeng Soetigna", "PERSON")]) == [("Daeng Soetigna", "PERSON")]
    assert fix("Menurut Kapolsek , Kompol Iver Manossoh .", [("Iver Manossoh", "PERSON")]) \
        == [("Iver Manossoh", "PERSON")]
    assert fix("Hadir Ketua Umum Hanura Wiranto .", [("Wiranto", "PERSON")]) == [("Wiranto", "PERSON")]


def test_punctuation_at_the_edges_is_trimmed_and_a_legal_form_alone_dropped():
    assert fix("Partai Keadilan Sejahtera ( PKS ) menolak .", [("Partai Keadilan Sejahtera (", "ORG")]) \
        == [("Partai Keadilan Sejahtera", "ORG"), ("PKS", "ORG")]
    assert fix("Saham PT naik .", [("PT", "ORG")]) == []


def test_a_missed_leader_of_the_leaders_table_is_added():
    assert fix("Obama belakangan memicu kontroversi .", []) == [("Obama", "PERSON")]
    # not inside a longer capitalised name, and not where the model already has an entity
    assert fix("Yayasan Obama Foundation dibuka .", []) == []
    assert fix("Barack Obama datang .", [("Barack Obama", "PERSON")]) == [("Barack Obama", "PERSON")]


def test_a_bracket_left_open_inside_a_span_is_cut_and_the_acronym_added():
    assert fix("Komisi Pemberantasan Korupsi ( KPK ) menangkap .", [("Komisi Pemberantasan Korupsi ( KPK", "ORG")]) \
        == [("Komisi Pemberantasan Korupsi", "ORG"), ("KPK", "ORG")]
    assert fix("PT Angkasa Pura II ( Persero ) rugi .", [("PT Angkasa Pura II ( Persero", "ORG")]) \
        == [("PT Angkasa Pura II", "ORG")]
    assert fix("Salvatore ( Sam ) Liberace datang .", [("Salvatore ( Sam ) Liberace", "PERSON")]) \
        == [("Salvatore ( Sam ) Liberace", "PERSON")]  # a closed bracket stays
