"""Sentence stage: headline as its own sentence, section tail apart, body sentences."""
from warta.ingest import article_from_text
from warta.model import Article, Document, Span
from warta.stages.sentences import SentenceStage


def run(article):
    return SentenceStage()(Document(article=article, language="id"))


def test_headline_and_section_tail_from_ingest():
    a = article_from_text("Pasukan Korea Utara bertarung: Seoul | Berita Perang Rusia-Ukraina\n\nKim datang. Putin pergi.")
    doc = run(a)
    texts = [(a.text[s.start:s.end], s.is_headline) for s in doc.sentences]
    assert texts == [("Pasukan Korea Utara bertarung: Seoul", True), ("Berita Perang Rusia-Ukraina", False),
                     ("Kim datang.", False), ("Putin pergi.", False)]


def test_headline_without_full_stop_does_not_merge_with_lead():
    a = article_from_text("Korea Utara kirim pasukan\n\nMenteri itu berkata. Dia pergi.")
    doc = run(a)
    assert doc.sentences[0].is_headline
    assert a.text[doc.sentences[0].start:doc.sentences[0].end] == "Korea Utara kirim pasukan"
    assert len(doc.sentences) == 3


def test_headline_span_inside_a_line_is_cut_out():
    text = "Judul berita. Kalimat pertama. Kalimat kedua."
    doc = run(Article(id="a", text=text, title_span=Span(0, 13)))
    assert [(text[s.start:s.end], s.is_headline) for s in doc.sentences] == [
        ("Judul berita.", True), ("Kalimat pertama.", False), ("Kalimat kedua.", False)]


def test_no_headline_and_sentences_are_ordered_and_disjoint():
    text = "Satu dua. Tiga empat.\nLima"
    doc = run(Article(id="a", text=text))
    spans = [(s.start, s.end) for s in doc.sentences]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert not any(s.is_headline for s in doc.sentences)
    assert all(s.language == "id" for s in doc.sentences)
