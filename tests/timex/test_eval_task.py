"""The timex benchmark: TimeML and XTN readers, the scoring rule, and a run on a tiny corpus."""
from pathlib import Path

from warta.eval.readers.timeml import GoldTimex, parse_timeml, read_timeml_dir
from warta.eval.readers.xtn import parse_xtn
from warta.eval.tasks import timex
from warta.model import Time

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="2014-12-29" functionInDocument="CREATION_TIME">Senin, 29 Desember 2014</TIMEX3></DCT>
<TITLE>Pesawat &amp; cuaca</TITLE>
<TEXT>
Dihubungi <TIMEX3 tid="t1" type="DATE" value="2014-12-28">Minggu (28/12/2014)</TIMEX3>, ia berkata. Seperti <TIMEX3 tid="t2" type="DATE" value="PAST_REF">saat itu</TIMEX3> dan selama <TIMEX3 tid="t3" type="DURATION" value="P7D">7 hari</TIMEX3> pada <TIMEX3 tid="t4" type="DATE" value="2007">tahun 2007</TIMEX3>.
</TEXT>
</TimeML>
"""

XTN = """*!-DCTVALUE="1989-10-30"-!*\tO\t-
Profit\tO\t-
rose\tO\t-
Friday\tB-DATE\t1989-10-27
.\tO\t-

It\tO\t-
fell\tO\t-
last\tB-DATE\t1988
year\tI-DATE\t1988
.\tO\t-
*!-DCTVALUE="1998-02-13T08:00:00"-!*\tO\t-
today\tB-DATE\t1998-02-13
"""


def test_timeml_reader_offsets_index_the_plain_text():
    doc = parse_timeml(TML, doc_id="d1")
    assert doc.dct == "2014-12-29"
    assert doc.text.startswith("Pesawat & cuaca\n\n")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Minggu (28/12/2014)", "DATE", "2014-12-28"), ("saat itu", "DATE", "PAST_REF"),
        ("7 hari", "DURATION", "P7D"), ("tahun 2007", "DATE", "2007")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_xtn_reader_splits_documents_and_joins_tokens():
    docs = list(parse_xtn(XTN.splitlines(), prefix="tb"))
    assert [d.dct for d in docs] == ["1989-10-30", "1998-02-13"]
    assert docs[0].text == "Profit rose Friday .\nIt fell last year ."
    assert [(t.text, t.value) for t in docs[0].timexes] == [("Friday", "1989-10-27"), ("last year", "1988")]


def test_scored_population_is_dates_with_calendar_values():
    assert timex.is_scored(GoldTimex("t", "DATE", "2014-W52", 0, 1, ""))
    assert timex.is_scored(GoldTimex("t", "DATE", "194", 0, 1, ""))
    assert not timex.is_scored(GoldTimex("t", "DATE", "PAST_REF", 0, 1, ""))
    assert not timex.is_scored(GoldTimex("t", "DATE", "1989-WXX", 0, 1, ""))
    assert not timex.is_scored(GoldTimex("t", "TIME", "2014-12-28T06:18", 0, 1, ""))


def test_missing_or_wrong_values_count_as_errors():
    gold = [GoldTimex("t1", "DATE", "2014-12-28", 0, 7, "kemarin"), GoldTimex("t2", "DATE", "2007", 20, 30, "")]
    pred = [Time("t1", "kemarin", 0, 7, "2014-12-27", None, None, "day")]
    s = timex.score_document(gold, pred)
    assert (s.value_total, s.value_correct) == (2, 0)
    assert (s.spans.tp, s.spans.fn, s.spans.fp) == (1, 1, 0)


def test_run_on_a_tiny_corpus(tmp_path: Path):
    folder = tmp_path / "indotimex-kompas" / "gold_train70"
    folder.mkdir(parents=True)
    (folder / "d1.tml").write_text(TML, encoding="utf-8")
    assert len(list(read_timeml_dir(folder))) == 1
    errors: list[dict] = []
    scores = {(s.dataset, s.metric): s for s in timex.run(tmp_path, errors=errors)}
    acc = scores[("indotimex", "value_accuracy")]
    assert (acc.score, acc.n) == (1.0, 2)
    assert errors == []
