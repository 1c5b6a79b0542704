from __future__ import annotations

from datetime import date

import pytest

from warta.errors import InputError
from warta.ingest import (BadRecord, article_from_record, article_from_text, article_id_for, find_headline,
                          iter_articles, parse_date)


def test_headline_with_section_tail():
    text = "Pasukan Korea Utara di Ukraina: Seoul | Berita Perang\n\nIsi berita."
    a = article_from_text(text)
    assert a.title == "Pasukan Korea Utara di Ukraina: Seoul"
    assert text[a.title_span.start:a.title_span.end] == a.title


def test_first_line_followed_by_blank_line_is_headline():
    assert find_headline("Judul\n\nIsi.")[0] == "Judul"
    assert find_headline("Kalimat pertama.\nKalimat kedua.") is None


def test_given_title_is_kept_and_text_untouched():
    text = "Isi berita saja."
    a = article_from_text(text, title="Judul lain")
    assert a.title == "Judul lain" and a.text == text and a.title_span is None


def test_id_is_hash_of_normalised_text():
    assert article_id_for("Rusia  menyerang\r\nUkraina.") == article_id_for("Rusia menyerang\nUkraina. ")
    assert article_from_text("x y", article_id="given").id == "given"


@pytest.mark.parametrize("value", ["2024-13-01", "08/10/2024", "kemarin"])
def test_bad_published_is_one_sentence(value):
    with pytest.raises(InputError, match="is not a date: write it as YYYY-MM-DD"):
        parse_date(value)


def test_published_accepts_timestamps():
    assert parse_date("2024-10-08T10:00:00+07:00") == date(2024, 10, 8)


def test_empty_text_refused():
    with pytest.raises(InputError, match="empty"):
        article_from_text("   \n ")


def test_too_long_text_names_the_limit():
    with pytest.raises(InputError, match=r"more than the limit of 100.*--max-chars"):
        article_from_text("x" * 101, max_chars=100)


def test_record_requires_text():
    with pytest.raises(InputError, match="no 'text'"):
        article_from_record({"id": "x"})


def test_jsonl_bad_lines_reported_with_line_number_and_rest_kept(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "Satu."}\n{not json\n{"id": "3"}\n{"id": "4", "text": "Empat."}\n')
    items = list(iter_articles([p]))
    good = [i.id for i in items if not isinstance(i, BadRecord)]
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert good == ["1", "4"]
    assert [b.where for b in bad] == [f"{p}:2", f"{p}:3"]
    assert "line 2 is not valid JSON" in bad[0].message


def test_folders_are_walked_and_unreadable_files_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Judul\n\nIsi berita.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    items = list(iter_articles([tmp_path]))
    assert len(items) == 3
    assert not isinstance(items[0], BadRecord) and items[0].title == "Judul"
    assert "binary" in items[1].message and "not UTF-8" in items[2].message


def test_html_goes_through_trafilatura(tmp_path):
    body = "<p>" + "Pasukan Rusia menyerang kota Kharkiv pada hari Selasa, kata pejabat setempat. " * 5 + "</p>"
    p = tmp_path / "a.html"
    p.write_text(f"<html><head><title>Serangan di Kharkiv</title></head><body><article>{body}</article></body></html>")
    [a] = list(iter_articles([p]))
    assert not isinstance(a, BadRecord), a
    assert "Kharkiv" in a.text and "<p>" not in a.text
