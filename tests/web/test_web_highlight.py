"""Evidence highlighting: escaping inside and between spans, overlaps, bad spans, links."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from web_fixtures import strip_tags

from warta.web.highlight import KINDS, highlight, snippet


def test_text_between_and_inside_spans_is_escaped():
    text = "<b>x</b> & <script>alert(1)</script>"
    out = str(highlight(text, [{"start": 11, "end": 36, "kind": "trigger"}]))
    assert "<script>" not in out and "<b>" not in out
    assert '<span class="hl k-trigger">&lt;script&gt;alert(1)&lt;/script&gt;</span>' in out
    assert out.startswith("&lt;b&gt;x&lt;/b&gt; &amp; ")


def test_overlapping_spans_combine_classes_without_losing_text():
    text = "Rusia menyerang Ukraina kemarin."
    spans = [{"start": 0, "end": 31, "kind": "sentence"}, {"start": 6, "end": 15, "kind": "trigger"},
             {"start": 0, "end": 5, "kind": "actor"}, {"start": 16, "end": 23, "kind": "recipient"}]
    out = str(highlight(text, spans))
    assert '<span class="hl k-sentence k-trigger">menyerang</span>' in out
    assert '<span class="hl k-sentence k-actor">Rusia</span>' in out
    assert '<span class="hl k-sentence k-recipient">Ukraina</span>' in out
    assert strip_tags(out) == text


def test_unknown_kinds_empty_and_out_of_range_spans_are_ignored_or_clamped():
    text = "abc def"
    out = str(highlight(text, [{"start": 2, "end": 2, "kind": "trigger"}, {"start": 0, "end": 3, "kind": "evil\" onclick=x"},
                               {"start": 4, "end": 99, "kind": "place"}, {"start": "x", "end": 1, "kind": "time"}]))
    assert out == 'abc <span class="hl k-place">def</span>'


def test_trigger_links_are_quoted_and_escaped():
    out = str(highlight("ab", [{"start": 0, "end": 2, "kind": "trigger", "event_id": 'x"/><script>-v1'}], link_events=True))
    assert 'href="/events/x%22%2F%3E%3Cscript%3E-v1"' in out
    assert "<script>" not in out


def test_snippet_marks_the_range_and_escapes():
    out = str(snippet("<i>" * 50 + "hit" + "<i>" * 50, 150, 153, context=6))
    assert '<span class="hl k-trigger">hit</span>' in out and "<i>" not in out


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab <>&\"'\n", max_size=40),
       spans=st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45), st.sampled_from(KINDS)), max_size=8))
def test_highlight_never_changes_the_visible_text(text, spans):
    out = str(highlight(text, [{"start": a, "end": b, "kind": k} for a, b, k in spans]))
    assert strip_tags(out) == text
    # the only markup is our own span tags: every "<" in the output opens or closes one
    assert out.count("<") == out.count("<span ") + out.count("</span>")
