"""English time expressions (the TimeBank conventions where they are sensible)."""
from datetime import date

import pytest

from warta.timex import find_times

PUB = date(1989, 10, 30)  # a Monday


def values(text: str, published: date | None = PUB):
    return [(t.text, t.value) for t in find_times(text, language="en", published=published)]


@pytest.mark.parametrize("text, expected", [
    ("The board met Tuesday.", [("Tuesday", "1989-10-24")]),
    ("Shares fell last week.", [("last week", "1989-W43")]),
    ("Output rose in March.", [("March", "1989-03")]),
    ("It was signed on Oct. 3.", [("Oct. 3", "1989-10-03")]),
    ("It was signed on Oct. 3, 1987.", [("Oct. 3, 1987", "1987-10-03")]),
    ("It is payable Dec. 15.", [("Dec. 15", "1989-12-15")]),
    ("Prices rose yesterday.", [("yesterday", "1989-10-29")]),
    ("He left two years ago.", [("two years ago", "1987")]),
    ("Sales doubled in 1988.", [("1988", "1988")]),
    ("It was built in the late 1970s.", [("the late 1970s", "197")]),
    ("Third-quarter profit rose.", [("Third-quarter", "1989-Q3")]),
    ("The fourth quarter of 1988 was weak.", [("The fourth quarter of 1988", "1988-Q4")]),
    ("Profit fell this year.", [("this year", "1989")]),
    ("He arrived last June.", [("last June", "1989-06")]),
    ("They met 2024-10-03.", [("2024-10-03", "2024-10-03")]),
    ("He returned on 7/8/87.", [("7/8/87", "1987-07-08")]),
    ("It happened in the 20th century.", [("the 20th century", "19")]),
    ("It dates from nineteen seventy-nine.", [("nineteen seventy-nine", "1979")]),
    ("Stores were busy over the weekend.", [("the weekend", "1989-W43-WE")]),
])
def test_english_expressions(text, expected):
    assert values(text) == expected


def test_future_clause_moves_a_weekday_forward():
    assert values("The company will report results Thursday.") == [("Thursday", "1989-11-02")]


def test_year_ago_refers_to_the_previous_quarter():
    got = values("Third-quarter profit rose 10% from a year earlier.")
    assert got == [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_may_the_verb_and_may_the_name_are_not_months():
    assert values("Prices may rise. Theresa May spoke.") == []
    assert values("The law took effect in May.") == [("May", "1989-05")]


@pytest.mark.parametrize("text", ["He hired 1990 workers.", "Call room 2011 now.", "It cost $1999."])
def test_numbers_that_are_not_years(text):
    assert values(text) == []


def test_the_same_day_refers_to_the_day_just_named_or_publication():
    got = values("The plant closed on Oct. 12. The same day, workers left.")
    assert got == [("Oct. 12", "1989-10-12"), ("The same day", "1989-10-12")]
    assert values("Shares rose during the day.") == [("the day", "1989-10-30")]
    assert values("It was the day before the vote.") == []
