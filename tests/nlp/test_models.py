"""Models load from the package without any network access."""
import json
import socket

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.nlp import models
from warta.nlp.models import model_path
from warta.nlp.train import DEFAULT_SEED


class _NoNetwork(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("network access attempted while loading a model")


@pytest.fixture
def no_network(monkeypatch):
    monkeypatch.setattr(socket, "socket", _NoNetwork)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(OSError("network")))
    models.load_pipeline.cache_clear()
    yield
    models.load_pipeline.cache_clear()


@pytest.mark.parametrize("language", ["id", "en"])
def test_models_load_offline(no_network, language):
    nlp = models.load_pipeline(language)
    assert models.has_ner(nlp), f"no NER in the {language} pipeline"
    doc = nlp("Kim Jong Un bertemu Putin di Moskow." if language == "id" else "Kim Jong Un met Putin in Moscow.")
    assert len(doc) >= 7


def test_pipeline_is_cached():
    assert models.load_pipeline("id") is models.load_pipeline("id")


def test_indonesian_model_is_a_plain_spacy_directory():
    import spacy

    from warta.nlp.word_flags import register

    register()  # the model's config names warta's gazetteer-flag callback
    path = models.model_path("id")
    assert path is not None, "warta/resources/models/id_news is missing"
    nlp = spacy.load(path)
    assert {"tok2vec", "tagger", "ner"} <= set(nlp.pipe_names)
    assert {"PERSON", "ORG", "GPE", "LOC"} <= set(nlp.get_pipe("ner").labels)


def test_english_labels_match_the_contract():
    nlp = models.load_pipeline("en")
    assert {"PERSON", "ORG", "GPE", "LOC", "EVENT"} <= set(nlp.get_pipe("ner").labels)


def test_rebuild_defaults_name_the_shipped_models_seed():
    # `warta train id` and `python -m warta.nlp.train id` must rebuild the model that ships, not another seed
    meta = json.loads((model_path("id") / "meta.json").read_text(encoding="utf-8"))
    assert meta["warta"]["seed"] == DEFAULT_SEED
    assert f"the shipped model's, {DEFAULT_SEED}" in CliRunner().invoke(cli, ["train", "--help"]).output


def test_rebuild_config_matches_the_shipped_models_features():
    from spacy import util

    from warta.nlp.train import CONFIG_FILE

    shipped = util.load_config(model_path("id") / "config.cfg", interpolate=False)
    recipe = util.load_config(CONFIG_FILE, interpolate=False)
    for section in (shipped, recipe):
        assert section["nlp"]["after_creation"] == {"@callbacks": "warta.gazetteer_flags.v1"}
    embed = lambda c: c["components"]["tok2vec"]["model"]["embed"]  # noqa: E731
    assert (embed(shipped)["attrs"], embed(shipped)["rows"]) == (embed(recipe)["attrs"], embed(recipe)["rows"])
