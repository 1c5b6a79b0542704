"""Indonesian time expressions: spans, values and intervals against a publication date."""
from datetime import date

import pytest

from warta.timex import find_times

PUB = date(2024, 10, 8)  # a Tuesday


def one(text: str, published: date | None = PUB, language: str = "id"):
    times = find_times(text, language=language, published=published)
    assert len(times) == 1, [(t.text, t.value) for t in times]
    return times[0]


def values(text: str, published: date | None = PUB, language: str = "id"):
    return [(t.text, t.value) for t in find_times(text, language=language, published=published)]


@pytest.mark.parametrize("text, span, value", [
    ("Ia berbicara pada hari Selasa.", "hari Selasa", "2024-10-08"),
    ("Serangan terjadi Senin.", "Senin", "2024-10-07"),
    ("Pertemuan berlangsung Rabu lalu.", "Rabu lalu", "2024-10-02"),
    ("Ia tiba kemarin.", "kemarin", "2024-10-07"),
    ("Ia tiba dua hari lalu.", "dua hari lalu", "2024-10-06"),
    ("Ia tiba 3 hari yang lalu.", "3 hari yang lalu", "2024-10-05"),
    ("Serangan pada tanggal 3 Oktober.", "tanggal 3 Oktober", "2024-10-03"),
    ("Disepakati pada bulan Juni.", "bulan Juni", "2024-06"),
    ("Namun, pada Maret, Moskow memveto.", "Maret", "2024-03"),
    ("Perjanjian tahun 1991 itu batal.", "tahun 1991", "1991"),
    ("Perjanjian itu ditandatangani pada 1991.", "1991", "1991"),
    ("Krimea dianeksasi pada 2014.", "2014", "2014"),
    ("Ia tiba bulan lalu.", "bulan lalu", "2024-09"),
    ("Pemilu digelar tahun depan.", "tahun depan", "2025"),
    ("Ia tiba 28/12/2014 pagi.", "28/12/2014", "2014-12-28"),
    ("Tanggal 2024-10-03 tercatat.", "2024-10-03", "2024-10-03"),
    ("Kasus ini terjadi November 2014.", "November 2014", "2014-11"),
    ("Lahir 26 Juni 1988 di Bandung.", "26 Juni 1988", "1988-06-26"),
    ("Ia datang sekitar tahun 40-an.", "tahun 40-an", "194"),
    ("Laba kuartal III 2014 naik.", "kuartal III 2014", "2014-Q3"),
    ("Semua berubah pada abad ke-20.", "abad ke-20", "19"),
])
def test_indonesian_expressions(text, span, value):
    t = one(text)
    assert (t.text, t.value) == (span, value)
    assert text[t.start:t.end] == t.text


def test_weekday_with_date_stamp_is_one_expression():
    t = one("kata Kim, Selasa (8/10).")
    assert (t.text, t.value) == ("Selasa (8/10)", "2024-10-08")


def test_bare_date_stamp_takes_the_nearest_year():
    t = one("Kepada wartawan (7/10), ia berkata.")
    assert (t.text, t.value) == ("7/10", "2024-10-07")
    t = one("Kepada wartawan (28/12), ia berkata.", published=date(2015, 1, 2))
    assert t.value == "2014-12-28"


def test_full_stamp_with_year_wins_over_weekday():
    t = one("Dihubungi Kompas.com, Minggu (28/12/2014), Thomas berkata.", published=date(2014, 12, 29))
    assert (t.text, t.value) == ("Minggu (28/12/2014)", "2014-12-28")


@pytest.mark.parametrize("text, value, earliest, latest", [
    ("dilaporkan media Ukraina pekan lalu.", "2024-W40", "2024-09-30", "2024-10-06"),
    ("dilaporkan media Ukraina minggu lalu.", "2024-W40", "2024-09-30", "2024-10-06"),
    ("dalam pertemuan parlemen pekan ini.", "2024-W41", "2024-10-07", "2024-10-13"),
    ("akan bertemu pekan depan.", "2024-W42", "2024-10-14", "2024-10-20"),
    ("pada awal Oktober ini.", "2024-10", "2024-10-01", "2024-10-10"),
    ("hingga akhir tahun.", "2024", "2024-09-01", "2024-12-31"),
])
def test_periods_resolve_to_intervals(text, value, earliest, latest):
    t = one(text)
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


def test_weekday_in_a_future_clause_points_forward():
    assert one("Menteri akan berkunjung pada hari Kamis.").value == "2024-10-10"
    assert one("Menteri berkunjung pada hari Kamis.").value == "2024-10-03"


def test_month_in_a_future_clause_points_forward():
    assert one("Pemilu akan digelar pada bulan Februari.").value == "2025-02"
    assert one("Pemilu digelar pada bulan Februari.").value == "2024-02"


def test_capitalised_minggu_is_sunday_mid_sentence_and_a_week_at_a_sentence_start():
    assert one("Ia tiba pada Minggu lalu.").value == "2024-10-06"
    assert one("Minggu lalu, ia tiba.").value == "2024-W40"


def test_vague_period_has_no_value_but_ends_at_publication():
    t = one("Ketegangan meningkat dalam beberapa bulan terakhir.")
    assert (t.text, t.value, t.earliest, t.latest) == ("beberapa bulan terakhir", None, None, "2024-10-08")


def test_last_n_years_is_an_interval():
    t = one("Produksi naik dalam 10 tahun terakhir.")
    assert (t.value, t.earliest, t.latest) == (None, "2014-10-08", "2024-10-08")


def test_without_publication_date_relative_values_are_null_absolute_stay():
    got = values("Pada 3 Oktober 2024 dan pekan lalu serta tahun 1991 dan hari Selasa.", published=None)
    assert got == [("3 Oktober 2024", "2024-10-03"), ("pekan lalu", None), ("tahun 1991", "1991"),
                   ("hari Selasa", None)]


@pytest.mark.parametrize("text", [
    "Sebanyak 2014 orang mengungsi.",        # a quantity
    "Ia menelepon 1000 perokok.",            # outside the year range
    "mobil bernomor polisi F 1196 DH",       # a plate, not a year
    "harga naik menjadi Rp 2014 per liter",  # money
    "pesawat QZ8501 hilang",                 # part of a code
    "ketinggian 38.000 kaki",                # a larger number
    "menurut Juni Sinaga, warga setempat",   # a name
    "minggu ini sepi",                       # lower-case minggu is a week: found, but as a week
])
def test_false_positives_are_avoided(text):
    got = values(text)
    if text.startswith("minggu"):
        assert got == [("minggu ini", "2024-W41")]
    else:
        assert got == []


def test_expressions_never_span_a_line_break():
    got = values("Jakarta, Jumat\n3 Oktober 2024 adalah hari penting.")
    assert ("3 Oktober 2024", "2024-10-03") in got
    assert all("\n" not in t for t, _ in got)


def test_full_stop_after_a_month_name_is_not_part_of_the_span():
    assert one("KPK baru dilantik pada 21 Desember.").text == "21 Desember"


def test_ids_are_sequential_and_offsets_exact():
    text = "Senin lalu dan 3 Oktober serta tahun 1991."
    ts = find_times(text, language="id", published=PUB)
    assert [t.id for t in ts] == ["t1", "t2", "t3"]
    assert all(text[t.start:t.end] == t.text for t in ts)


@pytest.mark.parametrize("text, value, earliest, latest", [
    ("Pasar ramai akhir pekan lalu.", "2024-W40-WE", "2024-10-05", "2024-10-06"),
    ("Laga digelar akhir pekan ini.", "2024-W41-WE", "2024-10-12", "2024-10-13"),
    ("Rapat paripurna pada akhir Oktober mendatang.", "2024-10", "2024-10-21", "2024-10-31"),
    ("Kasus itu terjadi Oktober lalu.", "2023-10", "2023-10-01", "2023-10-31"),
    ("Proyek selesai lima tahun ke depan.", None, "2024-10-08", "2029-10-08"),
])
def test_weekends_deictic_months_and_future_periods(text, value, earliest, latest):
    t = one(text)
    assert (t.value, t.earliest, t.latest) == (value, earliest, latest)


@pytest.mark.parametrize("text, span, value, earliest, latest", [
    ("Tadi malam polisi menangkapnya.", "Tadi malam", "2024-10-07", "2024-10-07", "2024-10-07"),
    ("Ia ditemui siang ini.", "siang ini", "2024-10-08", "2024-10-08", "2024-10-08"),
    ("seperti diberitakan beberapa waktu lalu.", "beberapa waktu lalu", None, None, "2024-10-08"),
    ("Harga naik setahun terakhir.", "setahun terakhir", None, "2023-10-08", "2024-10-08"),
])
def test_parts_of_days_and_vague_spans(text, span, value, earliest, latest):
    t = one(text)
    assert (t.text, t.value, t.earliest, t.latest) == (span, value, earliest, latest)


def test_di_depan_is_a_place_not_next_week():
    # "di depan KPK" is in front of the KPK; only "Kamis depan" points forward
    assert one("Mahasiswa berdemo di depan KPK pada hari Kamis.").value == "2024-10-03"
    assert one("Mahasiswa akan berdemo pada Kamis depan.").value == "2024-10-10"
