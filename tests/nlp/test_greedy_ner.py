"""The numpy NER decoder gives exactly the entities of spaCy's own parser loop."""
import pytest

from warta.model import Article, Document
from warta.nlp.greedy_ner import GreedyEntityDecoder
from warta.nlp.models import entity_decoder, load_pipeline
from warta.stages.analysis import AnalysisStage
from warta.stages.sentences import SentenceStage

TEXTS = {
    "id": [
        "Menteri Pertahanan Korea Selatan Kim Yong-hyun mengatakan Putin dan Kim Jong Un bertemu di Moskow.\n\n"
        "Serangan misil Ukraina di dekat Donetsk menewaskan enam perwira Korea Utara, kata Seoul.",
        "Presiden Joko Widodo  tiba di Jakarta.\n\n\nDewan Keamanan PBB   menolak resolusi Amerika Serikat",
        "Jakarta",
        "   ",
        "KPK menahan Bupati Kabupaten Bogor pada Selasa (7/10). Polres Anambas menangkap dua orang.",
    ],
    "en": [
        "Kim Jong Un met Vladimir Putin in Moscow on Tuesday.  The United Nations Security Council met in New York.",
        "South Korea's defence minister Kim Yong-hyun told lawmakers in Seoul that six officers were killed.\n\n"
        "North Korea denied supplying weapons to Russia",
    ],
}


def _entities(texts, language, *, numpy_ner):
    stage, sent = AnalysisStage(numpy_ner=numpy_ner), SentenceStage()
    docs = [sent(Document(article=Article(id=str(i), text=t), language=language)) for i, t in enumerate(texts)]
    return [[(e.start, e.end, e.label, e.source) for e in d.entities] for d in stage.pipe(docs)]


@pytest.mark.parametrize("language", ["id", "en"])
def test_same_entities_as_spacy_loop(language):
    fast = _entities(TEXTS[language], language, numpy_ner=True)
    assert fast == _entities(TEXTS[language], language, numpy_ner=False)
    assert any(fast), "the texts should contain entities"


def test_same_entities_on_clickid_articles(clickid):
    texts = [f"{r['title']}\n\n{r['text']}" for r in clickid(40, offset=500)]
    assert _entities(texts, "id", numpy_ner=True) == _entities(texts, "id", numpy_ner=False)


def test_documents_without_sentence_starts_decode_as_one_lane():
    nlp = load_pipeline("id")
    decoder = entity_decoder(nlp)
    text = "Putin tiba di Moskow. Kim Jong Un bertemu Joko Widodo di Jakarta."
    expected = [(e.start, e.end, e.label_) for e in nlp(text, disable=["attribute_ruler"]).ents]
    doc = nlp(text, disable=["attribute_ruler", "ner"])
    assert decoder([doc]) is True
    assert [(e.start, e.end, e.label_) for e in doc.ents] == expected


def test_preset_entities_are_left_to_spacy():
    from spacy.tokens import Span

    nlp = load_pipeline("id")
    doc = nlp("Putin tiba di Moskow.", disable=["ner"])
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert entity_decoder(nlp)([doc]) is False
    assert [(e.text, e.label_) for e in doc.ents] == [("Putin", "ORG")]


def test_a_beam_search_ner_gets_no_decoder():
    import spacy

    from warta.nlp.models import model_path

    ner = spacy.load(model_path("id"), exclude=["tagger", "attribute_ruler"]).get_pipe("ner")
    assert GreedyEntityDecoder.for_component(ner) is not None
    ner.cfg["beam_width"] = 4  # the numpy decoder reproduces greedy decoding only
    assert GreedyEntityDecoder.for_component(ner) is None


def test_an_ensemble_adds_its_members_scores():
    # A model voting with itself doubles every score: the same decisions, through the member path
    # (its own encoder, then the projection) that another model folder would take.
    nlp = load_pipeline("id")
    ner = nlp.get_pipe("ner")
    pair = GreedyEntityDecoder.for_component(ner, members=[(nlp.get_pipe("tok2vec").model, ner)])
    text = TEXTS["id"][0] + " " + TEXTS["id"][4]
    expected = [(e.start, e.end, e.label_) for e in nlp(text, disable=["attribute_ruler"]).ents]
    doc = nlp(text, disable=["attribute_ruler", "ner"])
    assert pair([doc]) is True
    assert [(e.start, e.end, e.label_) for e in doc.ents] == expected
    assert len(expected) >= 5
