"""The times stage: unit tests on hand-built documents, and the canonical example through warta.extract."""
from datetime import date
from pathlib import Path

import pytest

from warta.model import Article, Document, Sentence
from warta.pipeline import build_pipeline, check_requirements
from warta.stages.times import TimeStage

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "korea-utara-rusia-ukraina.id.txt"


def _doc(text: str, published: date | None, language: str = "id") -> Document:
    return Document(article=Article(id="a", text=text, published=published), language=language,
                    sentences=[Sentence(0, len(text), language)])


def test_stage_contract():
    stage = TimeStage()
    assert stage.name == "times"
    assert stage.assigns == ("times",)
    assert set(stage.requires) <= {"article", "sentences", "tokens"}
    check_requirements([s for s in build_pipeline(["language", "sentences", "times"]).stages])


def test_stage_fills_times_with_offsets():
    text = "Kim mengatakan pada hari Selasa bahwa serangan terjadi pada tanggal 3 Oktober."
    doc = TimeStage()(_doc(text, date(2024, 10, 8)))
    assert [(t.id, t.text, t.value) for t in doc.times] == [
        ("t1", "hari Selasa", "2024-10-08"), ("t2", "tanggal 3 Oktober", "2024-10-03")]
    assert all(text[t.start:t.end] == t.text for t in doc.times)


def test_stage_without_publication_date_leaves_relative_values_null():
    doc = TimeStage()(_doc("Serangan pekan lalu dan pada 3 Oktober 2024.", None))
    assert [(t.text, t.value, t.earliest) for t in doc.times] == [
        ("pekan lalu", None, None), ("3 Oktober 2024", "2024-10-03", "2024-10-03")]


def test_stage_uses_the_english_grammar_for_english():
    doc = TimeStage()(_doc("The minister spoke on Tuesday about last week.", date(2024, 10, 8), "en"))
    assert [(t.text, t.value) for t in doc.times] == [("Tuesday", "2024-10-08"), ("last week", "2024-W40")]


def test_stage_with_unknown_language_tries_both_grammars():
    doc = TimeStage()(_doc("Rapat pada 3 Oktober 2024; meeting on Oct. 5, 2024.", None, "xx"))
    assert [t.value for t in doc.times] == ["2024-10-03", "2024-10-05"]


@pytest.fixture(scope="module")
def example_times():
    import warta

    if not EXAMPLE.exists():
        pytest.skip("the canonical example is not in ../shared/examples")
    out = warta.extract(EXAMPLE.read_text(encoding="utf-8"), published="2024-10-08")
    return out["times"], out["article"]["text"]


@pytest.mark.slow
def test_example_article_acceptance(example_times):
    times, text = example_times
    by_text = {text[t["start"]:t["end"]]: t for t in times}

    def find(word: str) -> dict:
        hits = [t for s, t in by_text.items() if word in s]
        assert hits, f"{word!r} not found among {sorted(by_text)}"
        return hits[0]

    assert find("Selasa")["value"] == "2024-10-08"
    pl = find("pekan lalu")
    assert (pl["earliest"], pl["latest"]) == ("2024-09-30", "2024-10-06")
    assert find("3 Oktober")["value"] == "2024-10-03"
    assert find("Juni")["value"] == "2024-06"
    assert find("Maret")["value"] == "2024-03"
    pi = find("pekan ini")
    assert (pi["earliest"], pi["latest"]) == ("2024-10-07", "2024-10-13")
    assert find("1991")["value"] == "1991"
    assert all(t["text"] == text[t["start"]:t["end"]] for t in times)
