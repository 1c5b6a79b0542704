"""Spanish time expressions (lower-case month and weekday names, tense from verb endings)."""
from datetime import date

import pytest

from warta.timex import find_times

PUB = date(2009, 4, 1)  # a Wednesday


def values(text: str):
    return [(t.text, t.value) for t in find_times(text, language="es", published=PUB)]


@pytest.mark.parametrize("text, expected", [
    ("Apple lo presentó el 28 de abril de 2003.", [("el 28 de abril de 2003", "2003-04-28")]),
    ("Las ventas cayeron en marzo.", [("marzo", "2009-03")]),
    ("GM anunció el lunes sus resultados.", [("el lunes", "2009-03-30")]),
    ("Las bolsas subieron la semana pasada.", [("la semana pasada", "2009-W13")]),
    ("El índice cayó hoy y ayer.", [("hoy", "2009-04-01"), ("ayer", "2009-03-31")]),
    ("Lo lanzó hace dos años.", [("hace dos años", "2007")]),
    ("Las pérdidas del cuarto trimestre de 2008.", [("cuarto trimestre de 2008", "2008-Q4")]),
    ("Se espera a principios de junio.", [("a principios de junio", "2009-06")]),
])
def test_spanish_expressions(text, expected):
    assert values(text) == expected


def test_future_verb_ending_moves_a_weekday_forward():
    assert values("La empresa presentará sus cuentas el viernes.") == [("el viernes", "2009-04-03")]


def test_morning_is_not_tomorrow():
    assert values("Las bolsas abrieron esta mañana.") == []
