"""warta: news articles in, a database of cited political and conflict events out.

Example:
    >>> import warta
    >>> result = warta.extract("Pasukan Rusia menyerang Kharkiv.", published="2024-10-08")
    >>> sorted(result)[:3]
    ['actors', 'article', 'claims']
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["extract", "extract_many", "Store", "__version__"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import warta` stays fast for the CLI and loads no model.
    if name in ("extract", "extract_many"):
        from . import api

        return getattr(api, name)
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'warta' has no attribute {name!r}")
