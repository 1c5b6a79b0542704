from __future__ import annotations

import pytest

from warta.errors import PipelineConfigError, StageError
from warta.model import Article, Document
from warta.pipeline import Pipeline, build_pipeline, check_requirements


class _Stage:
    def __init__(self, name, requires=("article",), assigns=(), fn=None):
        self.name, self.requires, self.assigns, self.fn = name, requires, assigns, fn

    def __call__(self, doc):
        return self.fn(doc) if self.fn else doc


def _doc(aid="a1", text="Rusia menyerang Ukraina."):
    return Document(article=Article(id=aid, text=text))


def test_requirements_are_checked_before_any_article():
    stages = [_Stage("events", requires=("article", "actors"))]
    with pytest.raises(PipelineConfigError, match="stage 'events' requires actors"):
        check_requirements(stages)


def test_registry_order_satisfies_every_requirement():
    pipe = build_pipeline()
    assert pipe.names == ["language", "sentences", "analysis", "times", "places", "actors", "claims", "events"]


def test_unknown_stage_is_named():
    with pytest.raises(PipelineConfigError, match="unknown stage 'nope'"):
        build_pipeline(["nope"])


def test_failing_stage_is_named():
    def boom(doc):
        raise ValueError("bad offsets")

    pipe = Pipeline(stages=[_Stage("ok"), _Stage("broken", fn=boom)])
    with pytest.raises(StageError) as err:
        pipe(_doc())
    assert err.value.stage == "broken" and "bad offsets" in err.value.reason


def test_stage_forgetting_to_return_doc_is_reported():
    pipe = Pipeline(stages=[_Stage("forgetful", fn=lambda doc: None)])
    with pytest.raises(StageError, match="returned NoneType instead of the Document"):
        pipe(_doc())


def test_batch_isolates_the_failing_article():
    class Batchy(_Stage):
        def pipe(self, docs):
            if any("BAD" in d.article.text for d in docs):
                raise RuntimeError("batch broke")
            return docs

        def __call__(self, doc):
            if "BAD" in doc.article.text:
                raise RuntimeError("this one is bad")
            return doc

    pipe = Pipeline(stages=[Batchy("batchy")])
    docs, failures = pipe.pipe([_doc("a"), _doc("b", "BAD text"), _doc("c")])
    assert [d.article.id for d in docs] == ["a", "c"]
    assert [(f.article_id, f.stage) for f in failures] == [("b", "batchy")]
    assert "this one is bad" in failures[0].message


def test_timings_are_collected_per_stage():
    pipe = Pipeline(stages=[_Stage("one"), _Stage("two")])
    pipe(_doc())
    assert set(pipe.timings) == {"one", "two"}
