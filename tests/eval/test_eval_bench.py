"""warta.bench: corpus sampling, the summary arithmetic and both renderings (no pipeline run)."""
import gzip
import json

from warta.bench import CORPUS, load_articles, render, summarise

RESULT = {
    "date": "2026-11-26 22:00 UTC", "commit": "abc1234", "n": 100,
    "machine": {"cpus": 2, "python": "3.11.7", "platform": "Linux", "spacy": "3.8.18"},
    "cold": {"import_s": 0.1, "first_article_s": 9.9, "total_s": 10.0, "peak_rss_mb": 400, "process_wall_s": 11.0},
    "extract": {"articles": 100, "chars": 150_000, "tokens": 30_000, "failed": 1, "seconds": 2.0,
                "stages": {"language": 0.5, "analysis": 1.0}, "peak_rss_mb": 800.0, "blank_seconds": 0.5},
    "ingest": {"skipped": "the store is not available (ImportError)"},
}


def test_summary_rates_ratio_and_targets():
    s = summarise(RESULT)
    assert s["articles_per_s"] == 50.0 and s["tokens_per_s"] == 15_000.0
    assert s["ratio_to_blank"] == 4.0
    assert s["meets_speed"] and s["meets_memory"]
    assert "ingest_articles_per_s" not in s


def test_table_and_markdown_show_the_numbers_and_the_skipped_ingest():
    result = {**RESULT, "summary": summarise(RESULT)}
    table = render(result)
    assert "extract_many articles/s" in table and "50.0" in table and "target ≥ 50: met" in table
    assert "ingest into SQLite" in table and "not available" in table
    assert "(outside stages)" in table and "0.50" in table  # 2.0 s total − 1.5 s in stages
    md = render(result, "markdown")
    assert "- Commit: `abc1234`" in md and "- Date: 2026-11-26 22:00 UTC" in md
    assert "| ratio to blank tokenizer | 4.0 |" in md
    assert "| analysis | 1.00 | 50% |" in md


def test_articles_are_spread_over_the_file_with_the_headline_first(tmp_path):
    path = tmp_path / CORPUS
    path.parent.mkdir(parents=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(10):
            fh.write(json.dumps({"id": f"a{i}", "title": f"Judul {i}", "date": "2019-09-10", "url": f"u{i}",
                                 "content": "" if i == 4 else f"Isi berita {i}."}) + "\n")
    arts = load_articles(3, tmp_path)
    assert [a["id"] for a in arts] == ["a0", "a3", "a6"]
    assert arts[1]["text"] == "Judul 3\n\nIsi berita 3." and arts[1]["published"] == "2019-09-10"
    assert "a4" not in [a["id"] for a in load_articles(10, tmp_path)]  # empty content is skipped


def test_markdown_rewrites_only_its_own_section(tmp_path):
    from warta.bench import SECTION_END, SECTION_START, write_markdown

    page = tmp_path / "performance.md"
    page.write_text("# Performance\n\n## Web\n\np95 120 ms\n")
    write_markdown(page, f"{SECTION_START}\n## Pipeline\nfirst run\n{SECTION_END}\n")
    write_markdown(page, f"{SECTION_START}\n## Pipeline\nsecond run\n{SECTION_END}\n")
    text = page.read_text()
    assert text.startswith("# Performance\n\n" + SECTION_START)
    assert "second run" in text and "first run" not in text
    assert text.count(SECTION_START) == 1 and text.endswith("## Web\n\np95 120 ms\n")
