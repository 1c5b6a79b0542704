"""Turn what users give (text, files, folders, JSONL, HTML) into ``Article`` records.

Example:
    >>> a = article_from_text("Judul | Rubrik\\n\\nIsi berita.", published="2024-10-08")
    >>> a.title, a.published.isoformat(), a.text[a.title_span.start:a.title_span.end]
    ('Judul', '2024-10-08', 'Judul')
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError, bad_date, too_long
from .model import Article, Span

#: Default refusal limit for one article; ``--max-chars`` changes it.
DEFAULT_MAX_CHARS = 1_000_000
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
SECTION_SEPARATOR = " | "
#: How many leading bytes are sniffed for NULs to call a file binary.
BINARY_SNIFF_BYTES = 8192


@dataclass
class BadRecord:
    """An input that could not become an article (reported, never fatal for the run)."""

    where: str
    message: str
    article_id: str | None = None


def parse_date(value: Any) -> date | None:
    """Accept a ``date``, ``YYYY-MM-DD`` (or a longer ISO timestamp) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        raise bad_date(str(value))
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise bad_date(str(value)) from None


def normalise_text(text: str) -> str:
    """The form used to compute ids: NFC, unified newlines, folded whitespace."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\s+", " ", text).strip()


def article_id_for(text: str) -> str:
    """A stable id from the normalised text (so re-ingesting the same story is a no-op)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def find_headline(text: str) -> tuple[str, Span] | None:
    """A first line followed by a blank line, or containing " | ", is the headline."""
    first_end = text.find("\n")
    line = text if first_end < 0 else text[:first_end]
    if not line.strip():
        return None
    followed_by_blank = first_end >= 0 and text[first_end + 1:].split("\n", 1)[0].strip() == ""
    if SECTION_SEPARATOR in line or (followed_by_blank and len(line) < 300):
        head = line.split(SECTION_SEPARATOR, 1)[0]
        start = len(head) - len(head.lstrip())
        end = len(head.rstrip())
        if end > start:
            return head.strip(), Span(start, end)
    return None


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    published: Any = None,
    language: str | None = None,
    url: str | None = None,
    source: str | None = None,
    article_id: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Build an ``Article``; the text is kept exactly as given (offsets index into it)."""
    if not isinstance(text, str):
        raise InputError("the article text must be a string", hint="decode bytes as UTF-8 first")
    if not text.strip():
        raise InputError("the article text is empty", hint="give a file or string with the article's words")
    if len(text) > max_chars:
        raise too_long(len(text), max_chars)
    title_span = None
    if title is None:
        found = find_headline(text)
        if found:
            title, title_span = found
    else:
        pos = text.find(title)
        if pos >= 0 and pos < 5:
            title_span = Span(pos, pos + len(title))
    if language is not None and language not in ("auto", "id", "en", "ms"):
        raise InputError(f"unknown language '{language}'", hint="use auto, id or en")
    return Article(
        id=str(article_id) if article_id else article_id_for(text),
        text=text,
        title=title,
        published=parse_date(published),
        url=url,
        source=source,
        language=None if language in (None, "auto") else language,
        title_span=title_span,
    )


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file, refusing binary and non-UTF-8 content in one sentence."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path} is empty", hint="give a file with article text")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(f"{path} looks like a binary file, not text", hint="give a .txt, .html or .jsonl file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not UTF-8 text (invalid byte at position {exc.start})",
            hint="convert it, e.g. iconv -f latin1 -t utf-8",
        ) from None
    return text


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """(text, title, date) extracted with trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if not extracted:
        raise InputError("no article text found in the HTML", hint="check that the page holds the story itself")
    get = extracted.get if isinstance(extracted, dict) else (lambda k: getattr(extracted, k, None))
    text = get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML", hint="check that the page holds the story itself")
    return text, get("title"), get("date")


def article_from_file(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS, **overrides: Any) -> Article:
    """A .txt/.md or .html file → Article (``overrides`` as for ``article_from_text``)."""
    raw = read_text_file(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        text, title, published = html_to_text(raw)
        overrides.setdefault("title", title)
        if overrides.get("published") is None and published:
            overrides["published"] = published
        raw = text
    return article_from_text(raw, max_chars=max_chars, **overrides)


def article_from_record(record: dict[str, Any], *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """One JSONL record → Article; ``text`` (or ``content``) is required."""
    if not isinstance(record, dict):
        raise InputError("the line is not a JSON object", hint='write one object per line, e.g. {"text": "..."}')
    text = record.get("text", record.get("content"))
    if not isinstance(text, str) or not text.strip():
        raise InputError("the record has no 'text'", hint='add a "text" field with the article')
    return article_from_text(
        text,
        title=record.get("title"),
        published=record.get("published", record.get("date")),
        language=record.get("language"),
        url=record.get("url"),
        source=record.get("source"),
        article_id=record.get("id"),
        max_chars=max_chars,
    )


def iter_jsonl(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | BadRecord]:
    """Yield an Article per good line and a BadRecord (with its line number) per bad one."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRecord(where, f"line {lineno} is not valid JSON ({exc.msg})")
                continue
            try:
                yield article_from_record(record, max_chars=max_chars)
            except InputError as exc:
                rid = record.get("id") if isinstance(record, dict) else None
                yield BadRecord(where, f"line {lineno}: {exc}", str(rid) if rid else None)


def iter_paths(paths: list[Path]) -> Iterator[Path]:
    """Expand folders (recursively, sorted) into the files warta can read."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _readable_suffix(child):
                    yield child
        else:
            yield path


def _readable_suffix(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES)


def iter_articles(paths: list[Path], *, max_chars: int = DEFAULT_MAX_CHARS,
                  published: Any = None) -> Iterator[Article | BadRecord]:
    """Every article in the given files and folders; unreadable inputs become BadRecords."""
    for path in iter_paths(paths):
        if not path.exists():
            yield BadRecord(str(path), f"{path} does not exist")
            continue
        if path.name.lower().endswith(JSONL_SUFFIXES):
            yield from iter_jsonl(path, max_chars=max_chars)
            continue
        try:
            yield article_from_file(path, max_chars=max_chars, published=published)
        except InputError as exc:
            yield BadRecord(str(path), str(exc))
