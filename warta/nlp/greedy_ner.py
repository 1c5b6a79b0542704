"""Greedy decoding of a spaCy NER model in numpy, all sentences of a batch at once.

Why: spaCy 3.8's compiled parser loop takes and releases the GIL several times per token
(the state accessors are compiled with exception checks), so the NER's decoding cost about
17 µs per token here while its network costs about 2. The model, its weights and its
transition system (BILUO) are unchanged; only the loop that applies them moves to numpy.

The decoding follows spaCy's ``BiluoPushDown`` for documents without preset entities, and it
uses one fact of that system: B and I are invalid on the token before a sentence start
(``sent_start == 1``), so no entity is open at a sentence start and every sentence decodes
independently. The decoder therefore runs one *lane* per sentence and steps all lanes together:
the number of numpy steps is the longest sentence's length, not the number of tokens.

Features per state, as spaCy's ``StateC.set_context_tokens`` with three features: the current
token; the first token of the open entity; the token before the current one when an entity is
open (else the model's padding vectors).

Example:
    >>> from warta.nlp.models import load_pipeline
    >>> nlp = load_pipeline("id")
    >>> decoder = GreedyEntityDecoder.for_component(nlp.get_pipe("ner"))
    >>> doc = nlp("Putin tiba di Moskow.", disable=["ner"])
    >>> decoder([doc])
    True
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Putin', 'PERSON'), ('Moskow', 'GPE')]
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy

#: move types, spaCy's BILUO order
BEGIN, IN, LAST, UNIT, OUT = range(5)
_MOVE_LETTERS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}
#: the context features this decoder reproduces (spaCy's NER state has three)
N_FEATURES = 3


class _Net:
    """The weights of one NER model: its token vectors, the precomputed hidden layer and the output layer."""

    def __init__(self, ner, tok2vec=None) -> None:
        model = ner.model
        self.project = model.get_ref("tok2vec")
        # a member's own encoder (``tok2vec``) replaces the listener that starts the projection chain
        self.encoder = tok2vec
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self.n_pieces = self.lower.get_dim("nP")
        self.bias = self.lower.get_param("b").reshape(-1)
        self.upper_w = numpy.ascontiguousarray(upper.get_param("W").T)
        self.upper_b = upper.get_param("b")

    def precompute(self, docs: Sequence) -> numpy.ndarray:
        """(tokens + 1, features, hidden * pieces); row 0 holds the model's padding vectors."""
        if self.encoder is None:
            tokvecs = self.project.predict(list(docs))
        else:
            tokvecs = self.encoder.predict(list(docs))
            for layer in self.project.layers[1:]:
                tokvecs = layer.predict(tokvecs)
        cached = self.lower.predict(tokvecs)
        return cached.reshape(cached.shape[0], N_FEATURES, -1)

    def scores(self, hidden: numpy.ndarray) -> numpy.ndarray:
        """Maxout over the pieces (laid out hidden-major), then the output layer."""
        best = hidden[:, 0::self.n_pieces]
        for piece in range(1, self.n_pieces):
            best = numpy.maximum(best, hidden[:, piece::self.n_pieces])
        scores = best @ self.upper_w
        scores += self.upper_b
        return scores


class GreedyEntityDecoder:
    """Decode entities with the weights of a spaCy ``EntityRecognizer`` (greedy, no beam).

    ``members``: further ``(tok2vec model, EntityRecognizer)`` pairs trained with the same labels;
    each class's score is then the sum of every model's score (an ensemble; with none, spaCy's
    own decisions exactly).
    """

    def __init__(self, ner, *, members: Sequence = ()) -> None:
        self._nets = [_Net(ner)] + [_Net(m_ner, m_tok2vec) for m_tok2vec, m_ner in members]
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        for _, m_ner in members:
            if [m_ner.moves.get_class_name(i) for i in range(m_ner.moves.n_moves)] != names:
                raise ValueError("an ensemble member must have the same NER classes in the same order")
        self._move = numpy.array([_MOVE_LETTERS[n[0]] for n in names], dtype="int64")
        strings = ner.vocab.strings
        self._label = numpy.array([strings.add(n[2:]) if len(n) > 2 else 0 for n in names], dtype="uint64")
        self._begins = self._move == BEGIN
        self._keeps_open = numpy.isin(self._move, (BEGIN, IN)).astype("int64")
        self._valid, self._slot, self._n_slots = _validity_table(self._move, self._label)

    @classmethod
    def for_component(cls, ner, *, members: Sequence = ()) -> GreedyEntityDecoder | None:
        """The decoder for ``ner`` (and ``members``), or None when a model is not one this decoder reproduces."""
        if any(cls.for_component(m_ner) is None for _, m_ner in members):
            return None
        try:
            model = ner.model
            # Unseen classes take the batch's lowest score in spaCy, which depends on spaCy's batching.
            if (ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper")
                    or model.attrs.get("unseen_classes")
                    or model.get_ref("lower").get_dim("nF") != N_FEATURES):
                return None
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        except (AttributeError, KeyError, ValueError):
            return None
        if not names or any(n[0] not in _MOVE_LETTERS for n in names):
            return None
        return cls(ner, members=members)

    def __call__(self, docs: Sequence) -> bool:
        """Set ``doc.ents`` on every doc; False (nothing changed) when a doc has preset entities."""
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
        from spacy.tokens import Span

        docs = [d for d in docs if len(d)]
        if not docs:
            return True
        columns = [d.to_array([SENT_START, IS_SPACE, ENT_IOB]).astype("int64") for d in docs]
        if any(c[:, 2].any() for c in columns):
            return False
        entities = self._decode(docs, columns)
        for doc, found in zip(docs, entities):
            doc.set_ents([Span(doc, s, e, label=int(lab)) for s, e, lab in found], default="outside")
        return True

    def _decode(self, docs: Sequence, columns: list) -> list[list[tuple[int, int, int]]]:
        caches = [net.precompute(docs) for net in self._nets]
        # With no entity open, features 1 and 2 are padding: score that state for every token at
        # once, adding in spaCy's order (feature 0, 1, 2, then the bias).
        closed_scores = None
        for net, cached in zip(self._nets, caches):
            closed = cached[1:, 0] + cached[0, 1]
            closed += cached[0, 2]
            closed += net.bias
            scores = net.scores(closed)
            closed_scores = scores if closed_scores is None else closed_scores + scores
        lengths = [len(d) for d in docs]
        offsets = numpy.cumsum([0] + lengths[:-1])
        sent_start = numpy.concatenate([c[:, 0] for c in columns])
        is_space = numpy.concatenate([c[:, 1] for c in columns]).astype("int64")
        # lanes: maximal runs of tokens without an inner sentence start, never across documents
        opens = sent_start == 1
        opens[offsets] = True
        lane_start = numpy.flatnonzero(opens)
        lane_len = numpy.diff(numpy.append(lane_start, len(sent_start)))
        order = numpy.argsort(-lane_len, kind="stable")
        lane_start, lane_len = lane_start[order], lane_len[order]
        n_lanes = len(lane_start)
        is_open = numpy.zeros(n_lanes, dtype="int64")
        open_slot = numpy.zeros(n_lanes, dtype="int64")  # label slot of the open entity
        open_from = numpy.zeros(n_lanes, dtype="int64")  # its first token (global index)
        chosen = numpy.zeros(len(sent_start), dtype="int64")  # the class taken at each token
        n_active = n_lanes
        for step in range(int(lane_len[0]) if n_lanes else 0):
            while n_active and lane_len[n_active - 1] <= step:
                n_active -= 1
            k = n_active
            current = lane_start[:k] + step
            scores = closed_scores[current]
            inside = numpy.flatnonzero(is_open[:k])
            if len(inside):
                at = current[inside]
                total = None
                for net, cached in zip(self._nets, caches):
                    hidden = cached[at + 1, 0]
                    hidden += cached[open_from[inside] + 1, 1]
                    hidden += cached[at, 2]  # the previous token: (at - 1) + 1 for the padding row
                    hidden += net.bias
                    scores_in = net.scores(hidden)
                    total = scores_in if total is None else total + scores_in
                scores[inside] = total
            state = ((is_open[:k] * 2 + (lane_len[:k] == step + 1)) * 2 + is_space[current]) * self._n_slots
            scores[~self._valid[state + open_slot[:k]]] = -numpy.inf
            guess = scores.argmax(axis=1)
            chosen[current] = guess
            is_open[:k] = self._keeps_open[guess]
            begins = self._begins[guess]
            open_slot[:k] = numpy.where(begins, self._slot[guess], open_slot[:k])
            open_from[:k] = numpy.where(begins, current, open_from[:k])
        moves = self._move[chosen]
        starts = numpy.flatnonzero((moves == BEGIN) | (moves == UNIT))
        ends = numpy.flatnonzero((moves == LAST) | (moves == UNIT)) + 1
        return _split_by_doc(starts, ends, self._label[chosen[starts]], offsets, len(docs))


def _validity_table(move: numpy.ndarray, label: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, int]:
    """Which classes are valid in each state, as spaCy's BILUO ``is_valid`` with no preset entities.

    A state is (entity open, last token of its sentence, whitespace token, label slot of the
    open entity); its row is ``((open * 2 + last) * 2 + space) * n_slots + slot``.
    """
    labels = sorted({int(x) for x in label if x})
    slot = numpy.array([labels.index(int(x)) + 1 if x else 0 for x in label], dtype="int64")
    n_slots = len(labels) + 1
    valid = numpy.zeros((8 * n_slots, len(move)), dtype=bool)
    for is_open in (0, 1):
        for last in (0, 1):
            for space in (0, 1):
                for open_slot in range(n_slots):
                    row = ((is_open * 2 + last) * 2 + space) * n_slots + open_slot
                    for c, (m, s) in enumerate(zip(move.tolist(), slot.tolist())):
                        valid[row, c] = {
                            BEGIN: not is_open and not last and not space and s > 0,
                            IN: is_open and not last and s > 0 and s == open_slot,
                            LAST: is_open and s > 0 and s == open_slot,
                            UNIT: not is_open and not space and s > 0,
                            OUT: not is_open,
                        }[m]
    return valid, slot, n_slots


def _split_by_doc(starts, ends, labels, offsets, n_docs: int) -> list[list[tuple[int, int, int]]]:
    """Global token spans → (start, end, label) per document, in document token offsets."""
    out: list[list[tuple[int, int, int]]] = [[] for _ in range(n_docs)]
    doc_of = numpy.searchsorted(offsets, starts, side="right") - 1
    base = offsets[doc_of]
    for i, s, e, lab in zip(doc_of.tolist(), (starts - base).tolist(), (ends - base).tolist(), labels.tolist()):
        out[i].append((s, e, lab))
    return out
