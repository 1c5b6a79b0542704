"""Where an event happened (``warta.coding.where``), on hand-built token views."""
from __future__ import annotations

from warta.coding.resources import load_resources
from warta.coding.where import event_place, locative_start

EN = load_resources("en")


def _view(tagged: str):
    """'killed/VERB in/ADP Amed/PROPN' → words, tags."""
    pairs = [t.rsplit("/", 1) for t in tagged.split()]
    return [w.lower() for w, _ in pairs], [p for _, p in pairs]


def _place(tagged: str, trigger: int, places: dict[int, str], **kw):
    words, pos = _view(tagged)
    mentions = [(i, i + 1, ident) for i, ident in sorted(places.items())]
    return event_place(mentions, (trigger, trigger + 1), 0, len(words), words, pos, EN.place_preps,
                       nouns=EN.place_nouns, **kw)


def test_a_locative_opens_the_phrase_that_holds_the_place():
    tagged = "killed/VERB in/ADP the/DET Serb-controlled/ADJ town/NOUN of/ADP Foca/PROPN"
    words, pos = _view(tagged)
    assert locative_start(words, pos, 6, 0, EN.place_preps, EN.place_nouns) == 1
    assert _place(tagged, 0, {6: "foca"}) == "foca"


def test_a_phrase_with_another_common_noun_names_no_place():
    # "in support of Kibaki": support is no place noun
    tagged = "marched/VERB in/ADP support/NOUN of/ADP Kibaki/PROPN"
    assert _place(tagged, 0, {4: "kibaki"}) is None


def test_the_last_place_of_a_phrase_and_the_nearest_phrase_win():
    tagged = ("demonstrated/VERB in/ADP the/DET West/PROPN city/NOUN of/ADP Ramallah/PROPN "
              "after/ADP talks/NOUN in/ADP Cairo/PROPN")
    assert _place(tagged, 0, {3: "west-bank", 6: "ramallah", 10: "cairo"}) == "ramallah"


def test_an_attack_takes_place_where_it_strikes():
    tagged = "rebels/NOUN captured/VERB the/DET towns/NOUN of/ADP Uvira/PROPN"
    assert _place(tagged, 1, {5: "uvira"}, event_type="ASSAULT", voice="active") == "uvira"
    assert _place(tagged, 1, {5: "uvira"}, event_type="CONSULT", voice="active") is None


def test_without_tags_only_a_locative_right_before_counts():
    words = "killed in the city of amed".split()
    assert event_place([(5, 6, "amed")], (0, 1), 0, 6, words, None, EN.place_preps) is None
    assert event_place([(2, 3, "amed")], (0, 1), 0, 3, "killed in amed".split(), None, EN.place_preps) == "amed"
