"""Analysis stage: tokens and entities, on hand-built documents and on the example article via warta.extract."""
import pytest

from warta.model import Article, Document, Sentence
from warta.nlp.models import model_path
from warta.stages.analysis import AnalysisStage
from warta.stages.sentences import SentenceStage

needs_model = pytest.mark.skipif(model_path("id") is None, reason="Indonesian model not built (make models)")


def analyse(text, language="id"):
    doc = Document(article=Article(id="a", text=text), language=language)
    return AnalysisStage()(SentenceStage()(doc))


def ents(result_or_doc):
    if isinstance(result_or_doc, dict):
        return {(e["text"], e["label"]) for e in result_or_doc["entities"]}
    return {(e.text, e.label) for e in result_or_doc.entities}


def test_tokens_carry_offsets_sentence_index_pos_and_lemma():
    doc = analyse("Kim Yong-hyun datang ke Seoul. Dia bertemu menteri-menteri.")
    text = doc.article.text
    assert [t.text for t in doc.tokens][:3] == ["Kim", "Yong-hyun", "datang"]
    assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    assert [t.sentence for t in doc.tokens if t.text == "Dia"] == [1]
    assert all(t.lemma for t in doc.tokens)


@needs_model
def test_pos_is_universal_dependencies():
    doc = analyse("Pasukan Rusia menyerang kota itu pada hari Selasa.")
    pos = {t.text: t.pos for t in doc.tokens}
    assert pos["menyerang"] == "VERB"
    assert pos["Rusia"] == "PROPN"
    assert pos["kota"] == "NOUN"
    assert pos["."] == "PUNCT"


@needs_model
def test_entities_index_the_text_and_stay_inside_sentences():
    doc = analyse("Putin tiba di Moskow. Namun Kim Jong Un menolak.")
    text = doc.article.text
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
        s = doc.sentence_at(e.start)
        assert s is not None and e.end <= doc.sentences[s].end


def test_unknown_language_gets_tokens_but_no_entities():
    doc = analyse("Der Minister sagte am Dienstag etwas.", language="other")
    assert doc.tokens and doc.entities == []


@pytest.fixture(scope="module")
def result(example_extract):
    return example_extract


@needs_model
class TestExampleArticle:
    """The acceptance checks of issue 3 on the canonical example, through warta.extract."""

    @pytest.mark.parametrize("name", ["Kim Yong-hyun", "Kim Jong Un", "Putin"])
    def test_people_with_whole_spans(self, result, name):
        assert (name, "PERSON") in ents(result)

    @pytest.mark.parametrize("name", ["Seoul", "Pyongyang", "Moskow", "Donetsk", "Ukraina", "Rusia",
                                      "Korea Selatan", "Korea Utara", "Amerika Serikat"])
    def test_places(self, result, name):
        labels = {lab for text, lab in ents(result) if text == name}
        assert labels and labels <= {"GPE", "LOC"}, (name, labels)

    @pytest.mark.parametrize("name", ["PBB", "Dewan Keamanan PBB"])
    def test_organisations(self, result, name):
        assert (name, "ORG") in ents(result)

    @pytest.mark.parametrize("word", ["Saran", "Analis", "Ketegangan", "Namun", "Masalah"])
    def test_sentence_initial_common_words_are_not_entities(self, result, word):
        text = result["article"]["text"]
        for e in result["entities"]:
            assert not text[e["start"]:e["end"]].startswith(word), e

    def test_no_partial_names(self, result):
        texts = {t for t, _ in ents(result)}
        # a lone "Kim" (kata Kim) is a correct later mention of Kim Yong-hyun, so it is not listed here
        assert not texts & {"Yong-hyun", "Jong Un", "Korea", "Dewan Keamanan", "Keamanan PBB"}

    def test_headline_is_its_own_sentence(self, result):
        text = result["article"]["text"]
        first = result["sentences"][0]
        assert text[first["start"]:first["end"]] == "Pasukan Korea Utara bertarung untuk Rusia di Ukraina: Seoul"
