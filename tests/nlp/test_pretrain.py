"""tok2vec pretraining on article text (run 5 of #3) and loading its weights for training."""
import gzip
import json

from spacy import util
from spacy.training.initialize import init_tok2vec

from warta.nlp.pretrain import clickid_texts, pretrain_tok2vec, with_pretraining_section
from warta.nlp.train import CONFIG_FILE

ARTICLES = [
    {"title": "Banjir melanda Jakarta Utara pada Senin pagi",
     "content": " - Hujan deras membuat banjir di Jakarta Utara.,Warga mengungsi ke masjid terdekat hari ini.,"
                "\"Air naik cepat sekali,\" kata Budi, warga setempat."},
    {"title": "Presiden Joko Widodo meresmikan jalan tol baru",
     "content": "Jalan tol itu menghubungkan Semarang dan Solo sepanjang 70 kilometer."},
]


def _data_dir(tmp_path):
    folder = tmp_path / "indonesian-news-clickid"
    folder.mkdir()
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        for rec in ARTICLES:
            fh.write(json.dumps(rec) + "\n")
    return tmp_path


def test_clickid_texts_are_titles_and_paragraphs(tmp_path):
    texts = sorted(clickid_texts(_data_dir(tmp_path), seed=0))
    assert "Warga mengungsi ke masjid terdekat hari ini." in texts
    assert "Hujan deras membuat banjir di Jakarta Utara." in texts
    assert "\"Air naik cepat sekali,\" kata Budi, warga setempat." in texts
    assert len(texts) == 6


def test_pretrained_weights_load_into_the_training_tok2vec(tmp_path):
    out = tmp_path / "tok2vec.bin"
    stats = pretrain_tok2vec(data_dir=_data_dir(tmp_path), vectors=None, out_path=out, config_path=CONFIG_FILE,
                             max_minutes=1.0, log=lambda _msg: None)
    assert stats["texts"] == 6 and stats["words"] > 40
    config = with_pretraining_section(util.load_config(CONFIG_FILE, interpolate=False))
    config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] = False
    nlp = util.load_model_from_config(config, auto_fill=True)
    tok2vec = nlp.get_pipe("tok2vec").model
    tok2vec.initialize(X=[nlp.make_doc("Banjir melanda Jakarta")])
    assert tok2vec.to_bytes() != out.read_bytes()
    pretraining = util.registry.resolve(config.interpolate()["pretraining"])
    assert init_tok2vec(nlp, pretraining, {"init_tok2vec": out})
    assert tok2vec.to_bytes() == out.read_bytes()
