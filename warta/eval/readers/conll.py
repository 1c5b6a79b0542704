"""CoNLL/BIO named-entity files: one ``token<TAB>tag`` (or space-separated, tag last) per line,
a blank line between sentences.

The gold tokens are joined with single spaces into a sentence text, so every gold
entity becomes a character span that can be compared with what warta finds in that text.

Example:
    >>> sent = ConllSentence(tokens=["Joko", "Widodo", "ke", "Bali"], tags=["B-PPL", "I-PPL", "O", "B-PLC"])
    >>> sent.text
    'Joko Widodo ke Bali'
    >>> sent.char_spans({"PPL": "PERSON", "PLC": "PLACE"})
    [(0, 11, 'PERSON'), (15, 19, 'PLACE')]
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

#: Document separators of CoNLL-2003-style files; they carry no tokens.
DOCSTART = "-DOCSTART-"
OUTSIDE = "O"


@dataclass
class ConllSentence:
    tokens: list[str]
    tags: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def token_offsets(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each token inside ``text``."""
        out, pos = [], 0
        for tok in self.tokens:
            out.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        return out

    def char_spans(self, label_map: Mapping[str, str] | None = None) -> list[tuple[int, int, str]]:
        """Gold entities as ``(start, end, label)`` over ``text``.

        ``label_map`` renames corpus labels; a label absent from it is dropped (e.g. NERP's EVT).
        Without a map every label is kept as written.
        """
        offsets = self.token_offsets()
        spans = []
        for first, last, label in bio_spans(self.tags):
            if label_map is not None:
                if label not in label_map:
                    continue
                label = label_map[label]
            spans.append((offsets[first][0], offsets[last][1], label))
        return spans


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PER"`` → ``("B", "PER")``; ``"O"`` → ``("O", None)``; also accepts ``B_PER`` and bare labels."""
    if tag == OUTSIDE or not tag:
        return OUTSIDE, None
    for sep in ("-", "_"):
        if len(tag) > 2 and tag[1] == sep and tag[0] in "BIESLU":
            return tag[0], tag[2:]
    return "I", tag  # a bare label: treat as inside, so runs of it form one entity


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans as inclusive token ranges ``(first, last, label)`` from BIO (also IOB1/BIOES) tags.

    An ``I-X`` that does not continue an ``X`` entity starts a new one (the usual lenient reading).

    Example:
        >>> bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"])
        [(0, 1, 'PER'), (3, 3, 'LOC'), (4, 4, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label: str | None = None
    for i, tag in enumerate(tags):
        prefix, lab = split_tag(tag)
        continues = prefix in ("I", "E", "L") and lab == label and start is not None
        if not continues:
            if start is not None:
                spans.append((start, i - 1, label))  # type: ignore[arg-type]
            start, label = (i, lab) if lab is not None else (None, None)
        if prefix in ("E", "L", "S", "U") and start is not None:
            spans.append((start, i, label))  # type: ignore[arg-type]
            start, label = None, None
    if start is not None:
        spans.append((start, len(tags) - 1, label))  # type: ignore[arg-type]
    return spans


def read_conll(path: Path, *, skip_malformed: bool = False) -> Iterator[ConllSentence]:
    """Yield the sentences of a CoNLL file (plain or ``.gz``); the token is the first column,
    the tag the last.

    Raises ``ValueError`` naming the line when a line has a single column, unless
    ``skip_malformed`` (training corpora with the odd broken line) drops such lines.
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    tokens: list[str] = []
    tags: list[str] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield ConllSentence(tokens, tags)
                    tokens, tags = [], []
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if cols[0] == DOCSTART:
                continue
            if len(cols) < 2 or not cols[0].strip():
                if skip_malformed:
                    continue
                raise ValueError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
            tokens.append(cols[0].strip())
            tags.append(cols[-1].strip())
    if tokens:
        yield ConllSentence(tokens, tags)
