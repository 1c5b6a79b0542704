"""Who did it and to whom: actor and recipient mentions around a trigger, by voice.

* active ("Rusia menyerang Ukraina", "X attacked Y"): the subject to the left is the actor, the first
  mention to the right (possibly after a preposition) the recipient;
* passive ("Ukraina diserang oleh Rusia", "was attacked by"): subject = recipient, the mention after
  "oleh"/"by" = actor;
* nominal ("serangan misil Ukraina di dekat Donetsk", "Russian attack on Kyiv"): a mention right after
  the Indonesian noun (or just before the English one) is the actor, one after "terhadap/ke/on/against"
  the recipient, one after "oleh/by" the actor;
* undergoer ("enam perwira Korea Utara tewas"): the subject is the recipient (the victims);
* symmetric ("Moskow dan Pyongyang bersepakat"): the coordinated subjects act on each other.

Coordinated mentions ("Putin dan pemimpin Korea Utara Kim Jong Un") are gathered together.

Example:
    >>> words = "rusia menyerang ukraina .".split()
    >>> at = ["RUS", None, "UKR", None]
    >>> assign(words, at, 1, 2, "active", 0, 4, resources=__import__("warta.coding.resources", fromlist=["x"]).load_resources("id"))
    (['RUS'], ['UKR'], 0)
"""
from __future__ import annotations

from collections.abc import Sequence

from .resources import CodingResources

#: how far left of a trigger its subject may sit (tokens)
SUBJECT_WINDOW = 9
#: at most this many words inside a bracketed aside between a subject and its verb ("(26/7)", "(KPK)")
BRACKET_ASIDE = 6
#: how far right of a trigger its object may sit
OBJECT_WINDOW = 8
#: how far right of a nominal trigger a possessor actor may sit ("serangan misil Ukraina")
POSSESSOR_WINDOW = 3
#: what a noun's possessor is (``Trigger.possessor``)
ACTOR, RECIPIENT = "actor", "recipient"
PUNCT_BREAKS = frozenset({".", ";", ":", "!", "?", "(", ")", "“", "”", '"'})
#: words before a nominal trigger that make it a circumstance, not the subject's act
LOCATIVE = frozenset({"dalam", "di", "dari", "akibat", "karena", "saat", "ketika", "atas", "pada", "in", "of", "during",
                      "after", "since", "from", "amid", "by", "for", "following", "a", "an", "the", "its", "their"})

#: words a light verb may stand before its event noun ("launched a new wide-ranging investigation")
LIGHT_VERB_GAP = 3
#: the LOCATIVE words that are determiners, which a light verb's object may begin with
NP_DETERMINERS = frozenset({"a", "an", "the", "its", "their"})

Mentions = Sequence[str | None]


def _mention_start(at: Mentions, k: int) -> int:
    ident = at[k]
    while k > 0 and at[k - 1] == ident:
        k -= 1
    return k


def _mention_end(at: Mentions, k: int) -> int:
    ident = at[k]
    while k + 1 < len(at) and at[k + 1] == ident:
        k += 1
    return k


def _coordinated_left(words, at: Mentions, k: int, lo: int, res: CodingResources) -> list[str]:
    """The mention ending at ``k`` and those coordinated to its left ("A, B dan C")."""
    found = [at[k]]
    s = _mention_start(at, k)
    j = s - 1
    gap = 0
    while j >= lo and gap <= 3:
        w = words[j]
        if at[j] is not None:  # an adjacent modifier mention ("Korea Utara" in "pemimpin Korea Utara Kim")
            j = _mention_start(at, j) - 1
            continue
        if w in res.coordinators:
            reach = 2 if w == "," else 4
            m = next((x for x in range(j - 1, max(lo, j - reach) - 1, -1) if at[x] is not None), None)
            if m is None or any(words[y] in PUNCT_BREAKS or words[y] in res.clause_breaks for y in range(m + 1, j)):
                break
            found.append(at[m])
            j = _mention_start(at, m) - 1
            gap = 0
            continue
        if w in PUNCT_BREAKS or w in res.clause_breaks or w == ",":
            break
        gap += 1
        j -= 1
    return list(dict.fromkeys(x for x in found if x))


def _coordinated_right(words, at: Mentions, k: int, hi: int, res: CodingResources) -> list[str]:
    found = [at[k]]
    j = _mention_end(at, k) + 1
    while j < hi:
        if words[j] in res.coordinators:
            reach = 2 if words[j] == "," else 4  # after a comma only a list item right there
            m = next((x for x in range(j + 1, min(hi, j + reach)) if at[x] is not None), None)
            if m is None or any(words[y] in PUNCT_BREAKS or words[y] in res.clause_breaks for y in range(j + 1, m)):
                break
            found.append(at[m])
            j = _mention_end(at, m) + 1
            continue
        break
    return list(dict.fromkeys(x for x in found if x))


def subject(words, at: Mentions, ti: int, lo: int, res: CodingResources) -> tuple[list[str], int | None]:
    """(coordinated subject actors, token index of the nearest one) left of the trigger at ``ti``."""
    k = ti - 1
    if k >= lo and words[k] == ",":  # "Korea Selatan, didukung oleh AS, mengklaim": skip the aside
        j = k - 1
        while j > lo and words[j] != ",":
            j -= 1
        k = j - 1 if (j > lo and words[j] == ",") else ti - 2  # the trigger itself opens the aside
    i, stop = k, max(lo, ti - SUBJECT_WINDOW)
    while i >= stop:
        w = words[i]
        if at[i] is not None:
            return _coordinated_left(words, at, i, lo, res), i
        if w in res.pronouns:
            return [], i
        if w == ")" and (opening := _bracket_opening(words, i, lo)) is not None:
            # "KPK pada Jumat (26/7) menangkap", "Komisi Pemberantasan Korupsi (KPK) menangkap": a bracket is an aside
            inside = [j for j in range(i - 1, opening, -1) if at[j] is not None]
            if inside:
                return _coordinated_left(words, at, inside[0], opening + 1, res), inside[0]
            i = opening - 1  # the aside's words count against SUBJECT_WINDOW like any others
            continue
        if w in PUNCT_BREAKS or w in res.clause_breaks or w == ",":
            break
        if res.subjectless_words and res.cues.match(words, i) and _own_subject(words, i, ti, res):
            break  # "Korsel menyatakan negara tetangganya itu menembakkan": the speaker did not fire
        i -= 1
    return [], None


def _bracket_opening(words, close: int, lo: int) -> int | None:
    """Index of the "(" that the ")" at ``close`` ends, when at most ``BRACKET_ASIDE`` words lie between."""
    for j in range(close - 1, max(lo, close - BRACKET_ASIDE - 1) - 1, -1):
        if words[j] == "(":
            return j
        if words[j] in PUNCT_BREAKS:
            return None
    return None


def _through_light_verb(words, ti: int, lo: int, res: CodingResources) -> bool:
    """True when an event noun at ``ti`` is the object of a light verb ("telah melancarkan serangan"), so the
    verb's subject is the noun's actor; always True for a language without ``light_verbs``.

    "Polisi sudah mulai melakukan pemberkasan di kasus pembunuhan …": "kasus" stands before the noun, so the
    police are not the killers; "Iran mengecam serangan itu": the one who condemns did not attack.
    """
    if not res.light_verbs:
        return True
    k = ti - 1
    while k >= lo and words[k] in res.subjectless_words:
        k -= 1
    return k >= lo and words[k] in res.light_verbs


def _noun_light_verb(words, ti: int, lo: int, res: CodingResources) -> int | None:
    """Index of an English light verb whose object is the event noun at ``ti`` ("have begun an investigation",
    "expressed its strong support", "imposed a media blackout"), at most ``LIGHT_VERB_GAP`` words before it
    with no break between; None when there is none. Its subject did the noun's act; a verb not listed
    ("Iran condemned the attack") says nothing of who attacked."""
    if not res.noun_light_verbs:
        return None
    for k in range(ti - 1, max(lo, ti - 1 - LIGHT_VERB_GAP) - 1, -1):
        if words[k] in res.noun_light_verbs:
            # "invited employees to offer their support": a purpose, whose subject is someone else's
            return None if k > lo and words[k - 1] in res.purpose_markers else k
        if words[k] in PUNCT_BREAKS or words[k] == "," or words[k] in res.clause_breaks \
                or words[k] in res.recipient_preps or words[k] in LOCATIVE - NP_DETERMINERS:
            return None
    return None


def _own_subject(words, cue: int, ti: int, res: CodingResources) -> bool:
    """True when the words between a reporting cue and the trigger name the reported act's own subject.

    "Korsel mengatakan akan mengirim pasukan": only ``subjectless_words`` (akan) between, so the speaker is
    the one who will send; "Korsel mengatakan pasukan itu menyerang": "pasukan itu" did it, not Korsel.
    """
    cue_end = cue + len(res.cues.match(words, cue) or ())
    return any(words[j] not in res.subjectless_words for j in range(cue_end, ti))


def obj(words, at: Mentions, tj: int, hi: int, res: CodingResources, *, preps: frozenset[str] | None = None) -> list[str]:
    """Mentions right of the trigger ending at ``tj`` (optionally only after one of ``preps``)."""
    seen_prep = preps is None
    for i in range(tj, min(hi, tj + OBJECT_WINDOW)):
        w = words[i]
        if w in PUNCT_BREAKS or w in res.clause_breaks or (w == "," and i > tj):
            break
        if preps is not None and w in preps:
            seen_prep = True
            continue
        if w in res.actor_preps and preps is None:
            break
        if res.purpose_needs_verb and w in res.purpose_markers and i > tj and (i + 1 >= hi or at[i + 1] is None):
            break  # "meminta anaknya untuk belajar ke Jerman": what follows is the purpose, not the object
        if at[i] is not None and seen_prep:
            return _coordinated_right(words, at, i, hi, res)
    return []


def after_prep(words, at: Mentions, tj: int, hi: int, preps: frozenset[str], res: CodingResources, *, window: int = 5) -> list[str]:
    """Mentions introduced by one of ``preps`` within ``window`` tokens right of ``tj``."""
    for i in range(tj, min(hi, tj + window)):
        if words[i] in PUNCT_BREAKS:
            break
        if words[i] in preps:
            for k in range(i + 1, min(hi, i + 5)):
                if words[k] in PUNCT_BREAKS:
                    break
                if at[k] is not None:
                    return _coordinated_right(words, at, k, hi, res)
    return []


def assign(words, at: Mentions, ti: int, tj: int, voice: str, lo: int, hi: int, *,
           resources: CodingResources, possessor: str = ACTOR) -> tuple[list[str], list[str], int | None]:
    """(actors, recipients, subject token or None) for the trigger tokens ``[ti, tj)``.

    ``subject token`` points at a pronoun subject when there is one, so the caller can resolve it.
    ``possessor``: what the mention right after an Indonesian event noun is — its ``actor`` ("serangan
    Rusia") or its ``recipient`` ("penangkapan Wali Kota Medan", "pembebasan sandera").
    """
    res = resources
    by = after_prep(words, at, tj, hi, res.actor_preps, res)
    if voice == "passive":
        subj, where = subject(words, at, ti, lo, res)
        return by, subj, where
    if voice == "undergoer":
        subj, where = subject(words, at, ti, lo, res)
        return by, subj, where
    if voice == "nominal":
        actors = by
        possessed: list[str] = []
        if not actors or possessor == RECIPIENT:
            for i in range(tj, min(hi, tj + POSSESSOR_WINDOW)):
                if (words[i] in PUNCT_BREAKS or words[i] in res.recipient_preps or words[i] in res.actor_preps
                        or words[i] in LOCATIVE or words[i] == "," or words[i] in res.np_closers):
                    break  # "aksi pembunuhan tersebut dilakukan AA": the noun phrase ended at "tersebut"
                if at[i] is not None and res.language == "id":
                    possessed = _coordinated_right(words, at, i, hi, res)
                    break
        if possessor == RECIPIENT and possessed:
            # "penangkapan Wali Kota Medan oleh KPK": the one arrested follows the noun, the one arresting "oleh"
            where = None
            if not actors and ti > lo and words[ti - 1] not in LOCATIVE and _through_light_verb(words, ti, lo, res):
                actors, where = subject(words, at, ti, lo, res)
            return [a for a in actors if a not in possessed], possessed, where
        if not actors:
            actors = possessed
        if not actors and res.language == "en":
            for i in range(ti - 1, max(lo, ti - 3) - 1, -1):
                if at[i] is not None:
                    actors = [at[i]]
                    break
                if words[i] in PUNCT_BREAKS or words[i] in res.clause_breaks:
                    break
        where = None
        if not actors and ti > lo and words[ti - 1] not in LOCATIVE and _through_light_verb(words, ti, lo, res):
            actors, where = subject(words, at, ti, lo, res)
        if not actors and (verb := _noun_light_verb(words, ti, lo, res)) is not None:
            actors, where = subject(words, at, verb, lo, res)  # "police have begun an investigation"
        recipients = after_prep(words, at, tj, hi, res.recipient_preps, res)
        return actors, [r for r in recipients if r not in actors], where
    subj, where = subject(words, at, ti, lo, res)
    if voice == "symmetric":
        others = after_prep(words, at, tj, hi, res.recipient_preps, res)
        if others:
            return subj, others, where
        return subj, (subj if len(subj) > 1 else []), where
    recipients = obj(words, at, tj, hi, res)
    return subj + [a for a in by if a not in subj], [r for r in recipients if r not in subj], where
