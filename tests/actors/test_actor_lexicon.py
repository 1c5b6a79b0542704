"""The actor tables: sectors, titles, IGOs and the dated leaders table (and users' own tables)."""
from __future__ import annotations

from datetime import date

from warta.actors import lexicon as lexmod
from warta.actors.lexicon import get_lexicon


def test_sector_nouns():
    lex = get_lexicon()
    assert [lex.sector("id", n) for n in ("pasukan", "tentara", "militer", "prajurit", "perwira")] == ["MIL"] * 5
    assert lex.sector("id", "polisi") == "COP" and lex.sector("id", "pemberontak") == "REB"
    assert lex.sector("id", "media") == "JRN" and lex.sector("id", "analis") == "EDU"
    assert lex.sector("en", "troops") == "MIL"


def test_titles_longest_first():
    lex = get_lexicon()
    assert lex.title("id", "menteri pertahanan") == ("minister of defence", "GOV")
    assert lex.title("id", "pemimpin") == ("leader", "GOV")
    assert lex.title("en", "defense minister") == ("minister of defence", "GOV")


def test_office_holders_by_date():
    lex = get_lexicon()
    assert lex.office_holder("KOR", "minister of defence", date(2024, 10, 8)).name == "Kim Yong-hyun"
    assert lex.office_holder("KOR", "minister of defence", date(2024, 1, 1)).name == "Shin Won-sik"
    assert lex.holder("Vladimir Putin", date(2024, 10, 8)).country == "RUS"
    assert lex.holder("Joe Biden", date(2026, 1, 1)) is None  # out of office then
    assert lex.holder("Kim Jong Un", None).role == "leader"


def test_table_covers_g20_koreas_ukraine_and_asean():
    lex = get_lexicon()
    countries = {h.country for hs in lex.holders.values() for h in hs}
    wanted = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
              "SAU", "ZAF", "TUR", "GBR", "USA", "PRK", "UKR", "BRN", "KHM", "LAO", "MYS", "MMR", "PHL", "SGP",
              "THA", "VNM"}
    assert wanted <= countries


def test_users_add_their_own_table(tmp_path, monkeypatch):
    extra = tmp_path / "mine.yaml"
    extra.write_text("people:\n  - {name: Budi Santoso, short: [Budi], country: IDN, role: governor, "
                     "sector: GOV, from: 2023-01-01}\n", encoding="utf-8")
    monkeypatch.setenv(lexmod.USER_TABLES_ENV, str(extra))
    get_lexicon.cache_clear()
    try:
        assert get_lexicon().holder("Budi Santoso", date(2024, 5, 1)).role == "governor"
    finally:
        monkeypatch.delenv(lexmod.USER_TABLES_ENV)
        get_lexicon.cache_clear()
