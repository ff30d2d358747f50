"""OffsetMap and apply_edits: every derived character maps back to the source range that produced it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.clean.offsets import OffsetMap, apply_edits


def pairs(m: OffsetMap) -> list[tuple[int, int]]:
    return list(zip(m.starts, m.ends))


# -- identity --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [0, 1, 7])
def test_identity_maps_every_span_to_itself(n):
    m = OffsetMap.identity(n)
    assert len(m) == n
    assert m.source_len == n
    for i in range(n + 1):
        for j in range(i, n + 1):
            assert m.to_input(i, j) == (i, j)


@pytest.mark.parametrize("span", [(-1, 2), (3, 2), (0, 6), (6, 6)])
def test_to_input_rejects_spans_outside_the_text(span):
    with pytest.raises(ValueError, match="outside"):
        OffsetMap.identity(5).to_input(*span)


# -- apply_edits -------------------------------------------------------------------------------------------
# (source, edits, new text, per-character (start, end) into the source)
CASES = [
    pytest.param("a\u00a0b", [(1, 2, " ")], "a b", [(0, 1), (1, 2), (2, 3)], id="equal-length"),
    pytest.param("xy\r\nz", [(2, 4, "\n")], "xy\nz", [(0, 1), (1, 2), (2, 4), (4, 5)], id="shorter"),
    pytest.param("It\u00e2\u20ac\u2122s", [(2, 5, "\u2019")], "It\u2019s", [(0, 1), (1, 2), (2, 5), (5, 6)],
                 id="mojibake-shorter"),
    pytest.param("a-b", [(1, 2, "--")], "a--b", [(0, 1), (1, 2), (1, 2), (2, 3)], id="longer"),
    pytest.param("onThursday", [(2, 2, " ")], "on Thursday",
                 [(0, 1), (1, 2), (2, 2)] + [(i, i + 1) for i in range(2, 10)], id="insertion"),
    pytest.param("ab\u200bcd", [(2, 3, "")], "abcd", [(0, 1), (1, 2), (3, 4), (4, 5)], id="deletion"),
    pytest.param("abc", [(0, 1, ""), (3, 3, "!")], "bc!", [(1, 2), (2, 3), (3, 3)], id="edges"),
]


@pytest.mark.parametrize("source, edits, expected_text, expected_map", CASES)
def test_apply_edits(source, edits, expected_text, expected_map):
    text, m = apply_edits(source, edits)
    assert text == expected_text
    assert m is not None and m.source_len == len(source)
    assert pairs(m) == expected_map


def test_apply_edits_without_a_change_returns_no_map():
    assert apply_edits("same text", []) == ("same text", None)
    assert apply_edits("same text", [(0, 4, "same")]) == ("same text", None)


@pytest.mark.parametrize("edits", [[(3, 5, ""), (1, 2, "")], [(2, 4, "x"), (3, 5, "y")], [(4, 2, "")]])
def test_apply_edits_refuses_unsorted_or_overlapping_edits(edits):
    with pytest.raises(ValueError, match="overlap or are unsorted"):
        apply_edits("abcdefgh", edits)


def test_to_input_of_spans_around_replacements_and_insertions():
    text, m = apply_edits("We met onThursday\u00a0in Paris.  ", [(9, 9, " "), (17, 18, " "), (27, 29, "")])
    assert text == "We met on Thursday in Paris."
    assert m.to_input(7, 9) == (7, 9)              # "on": unchanged
    assert m.to_input(9, 10) == (9, 9)             # inserted space: empty range at the glue point
    assert m.to_input(7, 18) == (7, 17)            # "on Thursday" -> "onThursday"
    assert m.to_input(18, 19) == (17, 18)          # NBSP -> space, char for char
    assert m.to_input(10, 10) == (9, 9)            # empty span before "Thursday"
    end = len(text)
    assert m.to_input(end, end) == (29, 29)        # empty span at the end: the end of the source
    assert m.to_input(end - 6, end) == (21, 27)    # "Paris." at the end stays "Paris."


def test_empty_map_of_empty_text():
    text, m = apply_edits("  ", [(0, 2, "")])
    assert text == "" and len(m) == 0
    assert m.to_input(0, 0) == (2, 2)


# -- composition ---------------------------------------------------------------------------------------------
def test_then_composes_two_steps_back_to_the_first_source():
    first_text, first = apply_edits("a\u00e2\u20ac\u2122b  onMay", [(1, 4, "\u2019"), (6, 7, "")])
    assert first_text == "a\u2019b onMay"
    second_text, second = apply_edits(first_text, [(6, 6, " ")])
    assert second_text == "a\u2019b on May"
    both = first.then(second)
    assert both.source_len == 12 and len(both) == len(second_text)
    assert pairs(both) == [(0, 1), (1, 4), (4, 5), (5, 6), (7, 8), (8, 9), (9, 9), (9, 10), (10, 11), (11, 12)]
    assert both.to_input(1, 2) == (1, 4)           # the repaired apostrophe -> the whole mojibake run
    assert both.to_input(4, 6) == (7, 9)           # "on" after the deleted second space
    assert both.to_input(6, 7) == (9, 9)           # the inserted space
    assert both.to_input(7, 10) == (9, 12)         # "May"
    assert both.to_input(0, len(second_text)) == (0, 12)


# -- properties ----------------------------------------------------------------------------------------------
@st.composite
def edits_for(draw, text, max_replacement=3):
    """Sorted, non-overlapping edits on ``text`` (replacements, insertions, deletions)."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    pos = 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a < pos:
            continue
        edits.append((a, b, draw(st.text(alphabet="XYZ", max_size=max_replacement))))
        pos = b
    return edits


@st.composite
def text_and_edits(draw, max_replacement=3):
    text = draw(st.text(alphabet="ab \u00a0\n", max_size=30))
    return text, draw(edits_for(text, max_replacement))


def check_map(source: str, derived: str, m: OffsetMap) -> None:
    """Bounds, monotonicity, and spans that cover what their characters came from.

    Ends are compared only between characters that map to a non-empty range: an insertion made inside a
    multi-character replacement of an earlier step is a point at the start of that replacement.
    """
    assert len(m) == len(derived) and m.source_len == len(source)
    previous_start, previous_end = 0, 0
    for i in range(len(derived)):
        s, e = m.to_input(i, i + 1)
        assert 0 <= s <= e <= len(source)
        assert s >= previous_start
        previous_start = s
        if e > s:
            assert e >= previous_end
            previous_end = e
    for i in range(len(derived) + 1):
        for j in range(i, len(derived) + 1):
            s, e = m.to_input(i, j)
            assert 0 <= s <= e <= len(source)
            for k in range(i, j):  # a span covers what each of its characters came from
                ks, ke = m.to_input(k, k + 1)
                assert s <= ks and ke <= e


@settings(max_examples=300, deadline=None, database=None)
@given(text_and_edits())
def test_apply_edits_properties(case):
    source, edits = case
    derived, m = apply_edits(source, edits)
    expected = source
    for start, end, rep in reversed(edits):
        expected = expected[:start] + rep + expected[end:]
    assert derived == expected
    if m is None:
        assert derived == source
        return
    check_map(source, derived, m)
    for i, ch in enumerate(derived):  # untouched characters map to themselves
        if ch not in "XYZ":
            s, e = m.to_input(i, i + 1)
            assert source[s:e] == ch
    assert pairs(OffsetMap.from_runs(m.to_runs(), m.source_len)) == pairs(m)


@settings(max_examples=300, deadline=None, database=None)
@given(text_and_edits(max_replacement=1), st.data())
def test_then_agrees_with_mapping_twice(case, data):
    """The first step never turns one source range into several characters here; that case is
    ``test_insertion_inside_an_expansion_keeps_its_neighbours_source``."""
    source, edits = case
    middle, first = apply_edits(source, edits)
    first = OffsetMap.identity(len(source)) if first is None else first
    more = data.draw(edits_for(middle))
    final, second = apply_edits(middle, more)
    second = OffsetMap.identity(len(middle)) if second is None else second
    both = first.then(second)
    check_map(source, final, both)
    for i in range(len(final) + 1):
        for j in range(i, len(final) + 1):
            s, e = both.to_input(i, j)
            s2, e2 = first.to_input(*second.to_input(i, j))
            # Equal, except that a span ending in an insertion placed after a deletion may also cover
            # the deleted source text.
            assert s == s2 and e2 <= e
            if j == i or both.ends[j - 1] > both.starts[j - 1]:
                assert (s, e) == (s2, e2)


def test_insertion_inside_an_expansion_keeps_its_neighbours_source():
    middle, first = apply_edits("\ufb01x", [(0, 1, "fi")])         # ligature expanded: f, i <- [0, 1)
    final, second = apply_edits(middle, [(1, 1, " ")])            # a later step inserts between f and i
    assert final == "f ix"
    both = first.then(second)
    assert both.to_input(0, 1) == (0, 1)
    assert both.to_input(0, 2) == (0, 1)                          # "f " came from the ligature: got (0, 0)


@pytest.mark.parametrize("map_", [
    OffsetMap.identity(0),
    OffsetMap.identity(5),
    apply_edits("ab\u00e2\u20ac\u2122cd  e", [(2, 5, "\u2019"), (7, 8, ""), (9, 9, "  ")])[1],
    apply_edits("xyz", [(0, 3, "")])[1],
    apply_edits("x", [(0, 1, "pqr")])[1],
])
def test_runs_round_trip(map_):
    runs = map_.to_runs()
    assert all(len(run) == 4 for run in runs)
    back = OffsetMap.from_runs(runs, map_.source_len)
    assert pairs(back) == pairs(map_) and back.source_len == map_.source_len


def test_runs_are_compact_for_shifted_text():
    _, m = apply_edits("x" * 1000 + "\u200b" + "y" * 1000, [(1000, 1001, "")])
    assert m.to_runs() == [[0, 1000, 0, -1], [1000, 2000, 1001, -1]]
