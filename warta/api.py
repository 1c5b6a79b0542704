"""The public Python API: ``extract`` and ``extract_many``.

Example:
    >>> import warta
    >>> out = warta.extract("Rusia menyerang Ukraina pada hari Selasa.", published="2024-10-08")
    >>> out["article"]["language"], out["article"]["published"]
    ('id', '2024-10-08')
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .errors import InputError
from .ingest import DEFAULT_MAX_CHARS, article_from_record, article_from_text
from .model import Article, Document
from .parallel import contracts_many, resolve_processes
from .pipeline import DEFAULT_STAGES, Failure, Pipeline, build_pipeline, iter_batches
from .serialize import to_contract

#: Articles per batch in ``extract_many``: large enough for spaCy's ``pipe``.
DEFAULT_BATCH_SIZE = 64


#: event coders: the offline rules (default) or an OpenAI-compatible LLM endpoint (opt-in)
CODERS = ("rules", "llm")


def default_pipeline(stages: tuple[str, ...] = DEFAULT_STAGES, coder: str = "rules") -> Pipeline:
    """The shared pipeline (models load on first use and are reused)."""
    # Normalised before the cache so default_pipeline() and default_pipeline(coder="rules") are one object.
    return _cached_pipeline(tuple(stages), coder)


@lru_cache(maxsize=4)
def _cached_pipeline(stages: tuple[str, ...], coder: str) -> Pipeline:
    if coder not in CODERS:
        raise InputError(f"unknown coder '{coder}'", hint="use rules, or llm with WARTA_LLM_BASE_URL and WARTA_LLM_MODEL set")
    options = {"events": {"coder": coder}} if coder != "rules" and "events" in stages else None
    return build_pipeline(list(stages), options=options)


def process(article: Article, *, pipeline: Pipeline | None = None) -> Document:
    """Run the pipeline on one article and return the Document (raises ``StageError``)."""
    pipe = pipeline or default_pipeline()
    doc = pipe(Document(article=article))
    if doc.article.published is None:
        doc.warnings.append("no publication date: relative dates left unresolved")
    return doc


def extract(text: str, *, title: str | None = None, published: Any = None, language: str | None = None,
            url: str | None = None, source: str | None = None, article_id: str | None = None,
            max_chars: int = DEFAULT_MAX_CHARS, coder: str = "rules") -> dict[str, Any]:
    """One article's text → the JSON contract v1 as a dict.

    Args:
        text: the full article text; offsets in the result index into it.
        title: the headline, if not the first line of ``text``.
        published: publication date (``YYYY-MM-DD`` or ``date``); relative dates resolve against it.
        language: ``id``, ``en`` or None/``auto`` to detect.
        coder: ``rules`` (offline, default) or ``llm`` (an OpenAI-compatible endpoint from the environment).
    """
    article = article_from_text(text, title=title, published=published, language=language, url=url,
                                source=source, article_id=article_id, max_chars=max_chars)
    pipe = default_pipeline(coder=coder)
    return to_contract(process(article, pipeline=pipe), pipeline=pipe.describe())


def process_many(articles: Iterable[Article], *, batch_size: int = DEFAULT_BATCH_SIZE,
                 pipeline: Pipeline | None = None) -> Iterator[Document | Failure]:
    """Batched processing; yields a Document per article, or a Failure naming the stage."""
    pipe = pipeline or default_pipeline()
    for batch in iter_batches(articles, batch_size):
        docs, failures = pipe.pipe([Document(article=a) for a in batch])
        # Keyed by the Article object, not its id: a feed may repeat an id within one batch.
        done = {id(d.article): d for d in docs}
        failed = {f.article_id: f for f in failures}
        for a in batch:
            d = done.get(id(a))
            if d is not None:
                if d.article.published is None:
                    d.warnings.append("no publication date: relative dates left unresolved")
                yield d
            elif a.id in failed:
                yield failed[a.id]


def extract_many(articles: Iterable[dict[str, Any]], *, batch_size: int = DEFAULT_BATCH_SIZE,
                 errors: str = "raise", coder: str = "rules", n_process: int | str = 1) -> Iterator[dict[str, Any]]:
    """Many articles (dicts with ``text`` and optional ``id``, ``title``, ``published``, ``language``,
    ``url``, ``source``) → contract dicts, in input order, batched for speed.

    ``errors="raise"`` stops at the first failing article; ``"skip"`` drops it;
    ``"include"`` yields ``{"id": ..., "error": {"stage": ..., "message": ...}}`` in its place.
    ``n_process``: worker processes (``"auto"``: one per CPU core); above 1, the first batch runs here
    to load the models, then forked workers share them (see :mod:`warta.parallel`).
    """
    if errors not in ("raise", "skip", "include"):
        raise InputError(f"errors={errors!r} is not a policy", hint="use raise, skip or include")
    pipe = default_pipeline(coder=coder)
    meta = pipe.describe()

    def to_articles() -> Iterator[Article]:
        for rec in articles:
            yield article_from_record(rec)

    if resolve_processes(n_process) > 1:
        items: Iterable[Any] = contracts_many(to_articles(), pipeline=pipe, n_process=n_process, batch_size=batch_size)
    else:
        items = process_many(to_articles(), batch_size=batch_size, pipeline=pipe)
    for item in items:
        if isinstance(item, dict):
            yield item
        elif isinstance(item, Document):
            yield to_contract(item, pipeline=meta)
        elif errors == "raise":
            from .errors import StageError

            raise StageError(item.stage, item.message)
        elif errors == "include":
            yield {"id": item.article_id, "error": {"stage": item.stage, "message": item.message}}
