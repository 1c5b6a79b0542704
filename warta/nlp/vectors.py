"""Floret vectors with a per-process cache of the words already seen.

spaCy's floret table computes every word's vector from its character n-gram hashes on every
call (about 6.7 µs per token on CLICK-ID, a third of the tok2vec's time), although news text
repeats the same few thousand words. The cache keeps the computed vector of the first
``CACHE_ROWS`` distinct keys; a vector is a function of its key alone, so the output is
the same, bit for bit.

Example:
    >>> from warta.nlp.models import load_pipeline
    >>> vectors = load_pipeline("id").vocab.vectors
    >>> type(vectors).__name__, vectors.mode
    ('CachedFloretVectors', 'floret')
"""
from __future__ import annotations

import numpy
from spacy.vectors import Vectors

#: distinct keys kept (100 floats each: 13 MB when full); 1,500 CLICK-ID articles have 28,091
CACHE_ROWS = 32_768


class CachedFloretVectors(Vectors):
    """A floret ``Vectors`` table whose ``get_batch`` remembers the vectors it computed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._row_of: dict[int, int] = {}
        self._cache: numpy.ndarray | None = None

    @classmethod
    def wrap(cls, vectors: Vectors) -> Vectors:
        """The same table (shared data) with the cache; other modes are returned unchanged."""
        if vectors.mode != "floret":
            return vectors
        return cls(strings=vectors.strings, data=vectors.data, mode="floret", minn=vectors.minn,
                   maxn=vectors.maxn, hash_count=vectors.hash_count, hash_seed=vectors.hash_seed,
                   bow=vectors.bow, eow=vectors.eow, attr=vectors.attr)

    def get_batch(self, keys):
        keys = numpy.asarray(keys)
        if keys.dtype.kind not in "ui" or keys.ndim != 1 or not len(keys):
            return super().get_batch(keys)
        if self._cache is None:
            self._cache = numpy.empty((CACHE_ROWS, self.data.shape[1]), dtype=self.data.dtype)
        unique, inverse = numpy.unique(keys, return_inverse=True)
        row_of = self._row_of
        rows = numpy.fromiter((row_of.get(k, -1) for k in unique.tolist()), dtype="int64", count=len(unique))
        missing = numpy.flatnonzero(rows < 0)
        vectors = numpy.empty((len(unique), self.data.shape[1]), dtype=self.data.dtype)
        hits = numpy.flatnonzero(rows >= 0)
        vectors[hits] = self._cache[rows[hits]]
        if len(missing):
            computed = numpy.asarray(super().get_batch(unique[missing]), dtype=self.data.dtype)
            vectors[missing] = computed
            free = CACHE_ROWS - len(row_of)
            if free > 0:
                kept = missing[:free]
                start = len(row_of)
                self._cache[start:start + len(kept)] = computed[:len(kept)]
                row_of.update(zip(unique[kept].tolist(), range(start, start + len(kept))))
        return vectors[inverse]
