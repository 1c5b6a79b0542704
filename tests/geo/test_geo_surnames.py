"""People's names that are also towns (``warta.geo.surnames``)."""
from __future__ import annotations

from warta.geo.gazetteer import get_gazetteer
from warta.geo.surnames import person_surnames, surname_only
from warta.model import Entity


def test_surnames_come_from_multi_word_person_spans_not_after_a_place_cue():
    text = "Jose Bautista and Beyond Madinaty. Boys train in the suburb of Madinaty."
    ents = [Entity("e1", 0, 13, "Jose Bautista", "PERSON"), Entity("e2", 18, 33, "Beyond Madinaty", "PERSON")]
    assert person_surnames(text, ents) == frozenset({"bautista"})


def test_only_small_towns_outside_the_home_country_give_way():
    gaz = get_gazetteer()
    surnames = frozenset({"bautista", "blitar", "washington"})
    assert surname_only("Bautista", gaz.lookup("Bautista"), surnames, gaz, home=None)
    assert not surname_only("Blitar", gaz.lookup("Blitar"), surnames, gaz, home="IDN")
    assert not surname_only("Washington", gaz.lookup("Washington"), surnames, gaz, home=None)  # a state, a capital
    assert not surname_only("Bautista", gaz.lookup("Bautista"), surnames, gaz, home=None, hinted=True)
