"""Time expressions (Indonesian and English) found by rules and resolved against the publication date.

Example:
    >>> from datetime import date
    >>> [(t.text, t.value) for t in find_times("pekan lalu", language="id", published=date(2024, 10, 8))]
    [('pekan lalu', '2024-W40')]
"""
from __future__ import annotations

from .finder import find_times

__all__ = ["find_times"]
