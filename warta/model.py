"""Typed records that flow through the pipeline: article → document → mentions → events.

Every record that says something about the text carries character offsets into
``Article.text`` (Python string indices, headline included), so that any field
can be traced back to the words that produced it.

Example:
    >>> art = Article(id="a1", text="Rusia menyerang Ukraina.")
    >>> doc = Document(article=art)
    >>> doc.article.text[0:5]
    'Rusia'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

CONTRACT_VERSION = "1"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")
ACTOR_KINDS = ("person", "organization", "state", "group", "igo")
CERTAINTIES = ("certain", "probable", "possible")
STATUSES = ("occurred", "ongoing", "expected", "hypothetical")
POLARITIES = ("positive", "negative")
CLAIM_POLARITIES = ("affirm", "deny")


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def as_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


class Token(NamedTuple):
    """One token as the language analysis saw it (pos: UD tag, tag: corpus tag)."""

    start: int
    end: int
    text: str
    pos: str = ""
    tag: str = ""
    lemma: str = ""
    sentence: int = 0


@dataclass(slots=True)
class Article:
    """One news article as given by the user; ``text`` is never modified after ingest."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None  # a hint from the user; the language stage decides
    title_span: Span | None = None  # where the headline sits inside ``text``, if it does

    def as_dict(self, *, language: str | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "language": language or self.language,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "source": self.source,
        }


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    language: str | None = None
    is_headline: bool = False


@dataclass(slots=True)
class Entity:
    id: str
    start: int
    end: int
    text: str
    label: str
    source: str = "model"  # model | gazetteer | rule


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    country: str | None = None  # ISO 3166-1 alpha-3, or an IGO code
    sector: str | None = None  # PLOVER sector code (GOV, MIL, COP, REB, JRN, ...)
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    code: str | None = None  # a stable code across articles (e.g. "PRK", "PRK.MIL", "P:kim-jong-un")


@dataclass(slots=True)
class Place:
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str  # point | city | admin | country | region
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Time:
    id: str
    text: str
    start: int
    end: int
    value: str | None  # ISO 8601: 2024-10-03, 2024-06, 2024-W41, 1991
    earliest: str | None  # inclusive YYYY-MM-DD
    latest: str | None
    granularity: str | None  # day | week | month | quarter | year | decade | century


@dataclass(slots=True)
class Claim:
    id: str
    speaker: str | None  # actor id
    cue: str | None  # the reporting words as written
    start: int  # content span
    end: int
    polarity: str = "affirm"
    certainty: str = "certain"
    source_chain: list[str] = field(default_factory=list)  # actor ids or names, outermost first
    cue_span: Span | None = None
    speaker_span: Span | None = None
    kind: str = "indirect"  # direct | indirect | statement


@dataclass(slots=True)
class Evidence:
    sentence: Span
    trigger: Span

    def as_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence.as_dict(), "trigger": self.trigger.as_dict()}


@dataclass(slots=True)
class Event:
    id: str
    type: str  # one of PLOVER_TYPES
    mode: str | None
    evidence: Evidence
    coder: str
    context: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    time: str | None = None
    fatalities: dict[str, int] | None = None
    injured: dict[str, int] | None = None
    polarity: str = "positive"
    certainty: str = "certain"
    status: str = "occurred"
    historical: bool = False
    claim: str | None = None
    confidence: float = 0.5
    trigger_text: str = ""


@dataclass(slots=True)
class Document:
    """The article and everything the stages found in it."""

    article: Article
    language: str | None = None
    language_score: float | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stages_run: list[str] = field(default_factory=list)
    # Stage-private analysis objects (e.g. the spaCy Doc); never serialised.
    scratch: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search), or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None
