"""Shared helper for the event-family tasks: run texts through the public pipeline, keep the Documents.

Example:
    >>> callable(run_texts)
    True
"""
from __future__ import annotations

from collections.abc import Sequence


def run_texts(texts: Sequence[str], ids: Sequence[str], *, language: str = "en",
              stages: Sequence[str] | None = None) -> tuple[dict, dict]:
    """(id → Document, id → failure message) for the texts, with the language forced."""
    from ...api import process_many
    from ...model import Article
    from ...pipeline import Failure, build_pipeline

    pipe = build_pipeline(list(stages) if stages else None)
    arts = [Article(id=i, text=t, language=language) for i, t in zip(ids, texts)]
    docs, failures = {}, {}
    for item in process_many(arts, pipeline=pipe):
        if isinstance(item, Failure):
            failures[item.article_id] = f"stage {item.stage}: {item.message}"
        else:
            docs[item.article.id] = item
    return docs, failures
