"""The floret cache returns the table's own vectors, bit for bit."""
import numpy
from spacy.vectors import Vectors

from warta.nlp import vectors as cached_vectors
from warta.nlp.models import load_pipeline


def test_cached_vectors_equal_the_table(monkeypatch):
    table = load_pipeline("id").vocab.vectors
    assert isinstance(table, cached_vectors.CachedFloretVectors)
    monkeypatch.setattr(cached_vectors, "CACHE_ROWS", 3)  # most keys stay uncached
    fresh = cached_vectors.CachedFloretVectors.wrap(Vectors(strings=table.strings, data=table.data, mode="floret",
                                                            minn=table.minn, maxn=table.maxn,
                                                            hash_count=table.hash_count, hash_seed=table.hash_seed,
                                                            bow=table.bow, eow=table.eow))
    words = "rusia ukraina rusia korea utara rusia menyerang diserang serangan korea".split()
    keys = numpy.array([table.strings.add(w) for w in words], dtype="uint64")
    plain = Vectors.get_batch(fresh, keys)
    for _ in range(3):
        assert numpy.array_equal(fresh.get_batch(keys), plain)
        assert numpy.array_equal(fresh.get_batch(keys[::-1]), plain[::-1])
    assert len(fresh._row_of) == 3


def test_other_tables_are_not_wrapped():
    plain = Vectors(shape=(2, 3))
    assert cached_vectors.CachedFloretVectors.wrap(plain) is plain
