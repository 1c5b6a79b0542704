"""The Jinja2 environment (autoescape always on) and the small helpers templates use.

Example:
    >>> "&lt;script&gt;" in render("error.html", request=None, status=404, message="<script>")
    True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import CERTAINTIES, PLOVER_TYPES, STATUSES
from .highlight import KIND_LABELS, KINDS

TEMPLATE_DIR = Path(__file__).parent / "templates"
NAV = (("/", "Events"), ("/timeline", "Timeline"), ("/map", "Map"), ("/network", "Network"),
       ("/actors", "Actors"), ("/api/docs", "API"))


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """``params`` with ``changes`` applied (None removes a key), as ``?a=1&b=2`` (or '')."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return ("?" + urlencode({k: str(v) for k, v in merged.items()})) if merged else ""


def path_quote(value: Any) -> str:
    """Quote one path segment (ids may contain anything an article id may)."""
    return quote(str(value), safe="")


def fmt_conf(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return "–"


def fmt_range(low: Any, high: Any) -> str:
    if low is None and high is None:
        return ""
    if low == high or high is None:
        return str(low)
    if low is None:
        return f"≤{high}"
    return f"{low}–{high}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(NAV=NAV, PLOVER_TYPES=PLOVER_TYPES, CERTAINTIES=CERTAINTIES, STATUSES=STATUSES,
                       KINDS=KINDS, KIND_LABELS=KIND_LABELS, qs=query_string)
    env.filters.update(pq=path_quote, conf=fmt_conf)
    env.globals["fmt_range"] = fmt_range
    return env


def render(template: str, *, request: Any, **context: Any) -> str:
    """Render one template; ``request`` gives templates the current path for the nav bar."""
    path = request.url.path if request is not None else ""
    return environment().get_template(template).render(path=path, **context)
