"""Property test: any mix of date-like words never crashes the engine and always yields exact offsets."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.timex import find_times

WORDS = ["pada", "hari", "Selasa", "Minggu", "minggu", "lalu", "ini", "depan", "3", "31", "Oktober", "Februari",
         "tahun", "1991", "2014", "(8/10)", "(31/2)", "kemarin", "awal", "akhir", "pekan", "bulan", "kuartal", "III",
         "beberapa", "terakhir", "dua", "May", "last", "week", "Oct.", "the", "quarter", "a", "year", "earlier",
         "el", "de", "marzo", "hace", "años", ",", ".", "\n", "29", "2/29/23", "2024-02-30", "40-an", "1970s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from(["id", "en", "es", None]),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_never_crashes_and_offsets_are_exact(words, language, published):
    text = " ".join(words)
    times = find_times(text, language=language, published=published)
    previous_end = 0
    for t in times:
        assert text[t.start:t.end] == t.text and t.text.strip() == t.text
        assert t.start >= previous_end  # sorted, never overlapping
        previous_end = t.end
        if t.earliest and t.latest:
            assert t.earliest <= t.latest
        if published is None:
            assert t.value is None or t.value[:1].isdigit()
