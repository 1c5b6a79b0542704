"""Readers for the Indonesian NER and POS corpora in ``../shared/data`` and the merge rules.

Every NER set is read into ``(tokens, bio_tags)`` with its labels mapped onto warta's
(PERSON, ORG, PLACE, EVENT; PLACE is split into GPE/LOC later by :mod:`warta.nlp.places`).
Sentences are deduplicated across sets on the lowercased, space-joined tokens, and
every sentence of the NERGrit and NERP **test** splits is removed from training.

Example:
    >>> text, spans = bio_to_spans(["Kim", "Yong-hyun", "ke", "Seoul"], ["B-PER", "I-PER", "O", "B-LOC"])
    >>> [(text[s:e], lab) for s, e, lab in spans]
    [('Kim Yong-hyun', 'PER'), ('Seoul', 'LOC')]
"""
from __future__ import annotations

import gzip
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..eval.readers.conll import ConllSentence, read_conll
from ..paths import REPO_ROOT
from ..paths import default_data_dir as data_dir_default  # one rule for where the gold data lives

#: dataset → corpus label → warta training label (None: dropped, becomes O)
LABEL_MAPS: dict[str, dict[str, str | None]] = {
    "nergrit": {"PERSON": "PERSON", "PLACE": "PLACE", "ORGANISATION": "ORG"},
    "nerp": {"PPL": "PERSON", "PLC": "PLACE", "IND": "ORG", "EVT": "EVENT", "FNB": None},
    "idner": {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"},
    "nerui": {"PERSON": "PERSON", "LOCATION": "PLACE", "ORGANIZATION": "ORG"},
    "nerugm": {"PERSON": "PERSON", "LOCATION": "PLACE", "ORGANIZATION": "ORG", "QUANTITY": None, "TIME": None},
    "mdee": {"Person": "PERSON", "Place": "PLACE", "Organisation": "ORG"},
}
#: Tokens that end a sentence in the MDEE gold standard, which has (almost) no blank lines between sentences.
MDEE_SENTENCE_END = frozenset({".", "?", "!"})

#: nlp-id-postag tag → Universal POS (SYM becomes PUNCT for punctuation tokens, see attribute ruler)
POSTAG_TO_UPOS = {
    "NN": "NOUN", "NNP": "PROPN", "VB": "VERB", "JJ": "ADJ", "IN": "ADP", "CC": "CCONJ", "SC": "SCONJ",
    "PR": "PRON", "DT": "DET", "NUM": "NUM", "ADV": "ADV", "SYM": "SYM", "FW": "X", "NEG": "PART",
    "RP": "PART", "UH": "INTJ",
}
#: Clitics the POS corpus writes apart ("ada nya") but the NER corpora and warta keep attached.
ATTACHED_CLITICS = frozenset({"nya", "lah", "kah", "pun"})


def sentence_key(tokens: Sequence[str]) -> str:
    """The form in which sentences are compared across corpora (deduplication, test overlap).

    Example:
        >>> sentence_key(["Joko", "Widodo", "datang"])
        'joko widodo datang'
    """
    return " ".join(tokens).lower()


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]  # BIO entity tags, or POS tags for the POS corpus
    source: str

    @property
    def key(self) -> str:
        return sentence_key(self.tokens)


def _read_pairs(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """``(tokens, tags)`` per sentence of a training corpus (its rare one-column lines dropped)."""
    for sent in read_conll(path, skip_malformed=True):
        yield sent.tokens, sent.tags


def read_mdee(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of the MDEE gold standard (Luthfi et al. 2014): ``token<TAB>class`` lines, IO tags.

    Sentences end after a "." / "?" / "!" token or at a blank line; tags are stripped (a few carry a
    trailing space). Each class tag becomes an inside-tag (``Person`` → ``I-Person``), which
    :func:`map_bio` turns into BIO, so a run of one class is one entity.
    """
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            fields = [f.strip() for f in line.rstrip("\n").split("\t")]
            if len(fields) < 2 or not fields[0]:
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            tokens.append(fields[0])
            tags.append("O" if fields[1] in ("", "O") else f"I-{fields[1]}")
            if fields[0] in MDEE_SENTENCE_END:
                yield tokens, tags
                tokens, tags = [], []
    if tokens:
        yield tokens, tags


def map_bio(tags: Sequence[str], mapping: dict[str, str | None]) -> list[str]:
    """Map BIO labels; unknown or dropped labels become O; a stray I- starts an entity."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        new = mapping.get(label)
        if new is None:
            out.append("O")
            prev = "O"
            continue
        if prefix == "I" and prev != new:
            prefix = "B"
        out.append(f"{prefix}-{new}")
        prev = new
    return out


def bio_to_spans(tokens: Sequence[str], tags: Sequence[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """Tokens + BIO tags → (space-joined text, gold ``(start, end, label)`` character spans in it).

    This is the gold side of the NER benchmark: the scorer feeds ``text`` through
    warta's tokenizer and model and compares spans exactly.
    """
    sent = ConllSentence(list(tokens), list(tags))
    return sent.text, sent.char_spans()


def _ner_file(data_dir: Path, name: str, split: str) -> tuple[Path, str]:
    """(path, label-map name) of a split; ``name`` is one of LABEL_MAPS."""
    paths = {
        "nergrit": data_dir / "indonlu-nergrit" / f"{split}.txt",
        "nerp": data_dir / "indonlu-nerp" / f"{split}.txt",
        "idner": data_dir / "idner-news-2k" / f"{split}.txt",
        "nerui": data_dir / "indolem-ner" / "nerui" / "nergithub.txt",
        "nerugm": data_dir / "indolem-ner" / "nerugm" / "nerugm.txt",
        "mdee": data_dir / "indonesian-ner-dbpedia-mdee" / "goldstandard-0811.txt",
    }
    return paths[name], name


def read_ner(data_dir: Path, name: str, split: str = "train") -> list[Sentence]:
    """One NER split with labels mapped (e.g. ``read_ner(d, "nergrit", "test")``)."""
    path, mapname = _ner_file(data_dir, name, split)
    pairs = read_mdee(path) if name == "mdee" else _read_pairs(path)
    return [Sentence(toks, map_bio(tags, LABEL_MAPS[mapname]), f"{name}/{split}") for toks, tags in pairs]


#: Training sources in order of preference when a sentence occurs in several sets:
#: cased, re-annotated sets first; NERP (all lowercase) and NER-UGM (older annotation) last.
TRAIN_SOURCES = (("idner", "train"), ("idner", "dev"), ("nergrit", "train"), ("nerui", "all"),
                 ("nerp", "train"), ("nerp", "valid"), ("nerugm", "all"))
#: The same with the MDEE gold standard (manually annotated Wikipedia sentences with NERGrit's three
#: classes) right after NERGrit. Opt-in (``python -m warta.nlp.train id --mdee``): run 4a with it did not beat the
#: shipped model on dev, run 4b (with mention replacement too) did, but lost on both tests (docs/model-card-id.md).
TRAIN_SOURCES_WITH_MDEE = TRAIN_SOURCES[:3] + (("mdee", "all"),) + TRAIN_SOURCES[3:]
#: Benchmarks whose test sentences never enter training.
TEST_SETS = (("nergrit", "test"), ("nerp", "test"))
#: Dev sentences (model selection only): all of NERGrit valid and this many of NERP valid.
NERP_DEV_SENTENCES = 300


def dev_sentences(data_dir: Path, *, blocked: set[str] | None = None) -> list[Sentence]:
    """The NER dev set: NERGrit valid + the first NERP_DEV_SENTENCES of NERP valid not in a test split."""
    if blocked is None:
        blocked = {s.key for name, split in TEST_SETS for s in read_ner(data_dir, name, split)}
    dev = read_ner(data_dir, "nergrit", "valid")
    nerp_valid = read_ner(data_dir, "nerp", "valid")
    return dev + [s for s in nerp_valid[:NERP_DEV_SENTENCES] if s.key not in blocked]


def ner_splits(data_dir: Path, *, sources: Sequence[tuple[str, str]] = TRAIN_SOURCES,
               ) -> tuple[list[Sentence], list[Sentence], dict[str, int]]:
    """(train, dev, stats): merged, deduplicated, test-overlap-free NER sentences from ``sources``."""
    blocked = {s.key for name, split in TEST_SETS for s in read_ner(data_dir, name, split)}
    dev = dev_sentences(data_dir, blocked=blocked)
    blocked |= {s.key for s in dev}
    seen: set[str] = set()
    train: list[Sentence] = []
    stats: dict[str, int] = {}
    for name, split in sources:
        sents = read_ner(data_dir, name, split)
        if (name, split) == ("nerp", "valid"):
            sents = sents[NERP_DEV_SENTENCES:]
        kept = dropped_test = dropped_dup = 0
        for s in sents:
            if s.key in blocked:
                dropped_test += 1
            elif s.key in seen:
                dropped_dup += 1
            else:
                seen.add(s.key)
                train.append(s)
                kept += 1
        stats[f"{name}/{split}"] = kept
        stats[f"{name}/{split} dropped as test/dev overlap"] = dropped_test
        stats[f"{name}/{split} dropped as duplicate"] = dropped_dup
    return train, dev, stats


#: DBpedia name lists beside the MDEE gold standard (Alfina et al.): training label → file.
DBPEDIA_NAME_FILES = {"PERSON": "gazetteer_mdee_person.txt.gz", "ORG": "gazetteer_mdee_organization.txt.gz"}
#: A name from those lists is used for replacement only if it has this many words at most ...
MAX_NAME_WORDS = 4
#: ... and does not start with one of these words: schools and universities are PLACE as often as ORG
#: in NERGrit, and they are 40% of the organisation list.
SKIP_NAME_FIRST_WORDS = frozenset({"SD", "SDN", "SDI", "SDIT", "SDS", "SMP", "SMPN", "SMA", "SMAN", "SMK", "SMKN", "MI",
                                   "MIS", "MIN", "MTs", "MTsN", "MA", "MAN", "Sekolah", "Universitas"})
_NAME_WORD = re.compile(r"[A-Z][A-Za-z.'-]*|[0-9]+|[IVX]+")


def read_dbpedia_names(data_dir: Path) -> dict[str, list[str]]:
    """Training label → sorted names from the DBpedia lists whose words are all capitalised ASCII words.

    Example: ``read_dbpedia_names(d)["PERSON"]`` holds names such as ``"Tholchah Hasan"``; names with other
    letters, with more than MAX_NAME_WORDS words or of schools (SKIP_NAME_FIRST_WORDS) are left out.
    """
    out: dict[str, list[str]] = {}
    for label, fname in DBPEDIA_NAME_FILES.items():
        names: set[str] = set()
        path = data_dir / "indonesian-ner-dbpedia-mdee" / fname
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                words = line.split()
                if (0 < len(words) <= MAX_NAME_WORDS and words[0] not in SKIP_NAME_FIRST_WORDS
                        and all(_NAME_WORD.fullmatch(w) for w in words)):
                    names.add(" ".join(words))
        out[label] = sorted(names)
    return out


def replace_mentions(sent: Sentence, names: dict[str, list[str]], rng: random.Random) -> Sentence:
    """A copy of ``sent`` with every entity of a label in ``names`` replaced by a random name of that label.

    Mention replacement: the context stays, the name changes, so the model learns more names
    and leans on context (labels outside ``names``, e.g. PLACE, are kept as they are).

    Example:
        >>> s = Sentence(["Ali", "ke", "Bali"], ["B-PERSON", "O", "B-PLACE"], "x")
        >>> replace_mentions(s, {"PERSON": ["Budi Santoso"]}, random.Random(0)).tokens
        ['Budi', 'Santoso', 'ke', 'Bali']
    """
    tokens: list[str] = []
    tags: list[str] = []
    i = 0
    while i < len(sent.tokens):
        tag = sent.tags[i]
        label = tag[2:] if tag.startswith("B-") else None
        j = i + 1
        if label is not None:
            while j < len(sent.tokens) and sent.tags[j] == f"I-{label}":
                j += 1
        if label in names and names[label]:
            words = rng.choice(names[label]).split()
            tokens += words
            tags += [f"B-{label}"] + [f"I-{label}"] * (len(words) - 1)
        else:
            tokens += sent.tokens[i:j]
            tags += sent.tags[i:j]
        i = j
    return Sentence(tokens, tags, f"{sent.source}+replaced")


def read_postag(data_dir: Path) -> list[Sentence]:
    """nlp-id-postag sentences, deduplicated, with split-off clitics re-attached ("ada nya" → "adanya")."""
    seen: set[str] = set()
    out: list[Sentence] = []
    for toks, tags in _read_pairs(data_dir / "nlp-id-postag" / "dataset_postag.txt.gz"):
        words: list[str] = []
        wtags: list[str] = []
        for tok, tag in zip(toks, tags):
            tag = tag.upper()
            if tok.lower() in ATTACHED_CLITICS and words and words[-1][-1:].isalpha():
                words[-1] += tok  # keep the head word's tag
                continue
            words.append(tok)
            wtags.append(tag if tag in POSTAG_TO_UPOS else "X")
        s = Sentence(words, wtags, "postag")
        if s.key not in seen:
            seen.add(s.key)
            out.append(s)
    return out


def _shuffled_postag(data_dir: Path, seed: int) -> list[Sentence]:
    sents = read_postag(data_dir)
    random.Random(seed).shuffle(sents)
    return sents


def postag_splits(data_dir: Path, *, seed: int, n_train: int, n_dev: int = 500,
                  n_test: int = 1000) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """(train, dev, test) from a seeded shuffle of the deduplicated POS corpus."""
    sents = _shuffled_postag(data_dir, seed)
    test = sents[:n_test]
    dev = sents[n_test:n_test + n_dev]
    train = sents[n_test + n_dev:n_test + n_dev + n_train]
    return train, dev, test


def postag_unused(data_dir: Path, *, seed: int, n_train: int, n_dev: int = 500,
                  n_test: int = 1000) -> list[Sentence]:
    """The POS-corpus sentences :func:`postag_splits` with the same arguments leaves out (cased news text)."""
    return _shuffled_postag(data_dir, seed)[n_test + n_dev + n_train:]
