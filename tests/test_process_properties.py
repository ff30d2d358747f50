"""Property tests of ``newsledger.process`` on generated text (quote marks of every kind, line breaks, Unicode,
news sentences): it ends in time proportional to the length, every span is ``text[start:end]``, ids do not
change between runs, and ``offsets="input"`` spans point at the same characters in the input."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsledger
from newsledger.errors import InputError
from tests.conftest import assert_spans_valid

# Time bound: a fixed start plus a cost per character, generous for two shared cores. A normal article costs
# about 0.04 ms per character; before the fixes of issue 8, 10,000 quote marks cost 4 ms per character.
FIXED_S = 3.0
PER_CHAR_S = 0.001

FRAGMENTS = [
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "''", "``", '""',
    "\n", "\n\n", "\r\n", " ", "  ", "\t", "\u00a0", "\u200b", "\u202e", "\ufeff", "e\u0301", "\U0001f600",
    "said", " said ", "told reporters", "according to", "Mayor Anna Berg", "the minister", "he", "she",
    "police", "on Monday", "in Paris", "Syrian forces shelled the town,", "killing 12 people.",
    '"We will not retreat," said Omar Haddad.', "\u201cIt is over\u201d, she said.", "The council said",
    "that the bridge would open in June.", "(AP) \u2014", "No comments:", "\u00e2\u20ac\u2122", "onMonday",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map("".join)


def _ascii_alnum(s: str) -> str:
    return "".join(c for c in s if c.isascii() and c.isalnum())


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


def _spans(node, out):
    if isinstance(node, dict):
        if node.keys() == {"start", "end", "text"}:
            out.append(node)
            return out
        for value in node.values():
            _spans(value, out)
    elif isinstance(node, list):
        for value in node:
            _spans(value, out)
    return out


def _process(text: str):
    try:
        return newsledger.process(text)
    except InputError as err:
        assert err.reason and err.detail and err.origin == "<text>", err
        return err


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline():
    newsledger.process("The mayor said on Monday that the new bridge would open in June.")


@settings(max_examples=120, deadline=20_000, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example('"' * 3000)
@example(('"the" ' * 600) + "he said.")
@example('"We will not retreat," said Omar Haddad.\n\u201cNever\n\n' * 20)
@example("\u202e\u201cx\u201d said \u00ab y \u00bb \n" * 30)
def test_process_ends_in_time_and_spans_hold(text):
    started = time.perf_counter()
    result = _process(text)
    elapsed = time.perf_counter() - started
    assert elapsed <= FIXED_S + PER_CHAR_S * len(text), (len(text), elapsed)
    if isinstance(result, InputError):
        assert isinstance(_process(text), type(result))
        return
    record = result.to_dict()
    assert record["text"] == result.text
    assert_spans_valid(record)

    # Stable ids: a second run gives the same article, records and ids.
    again = _process(text)
    assert again.to_dict() == record

    # Input offsets: in bounds, and each span covers the visible ASCII of its clean span in the raw text.
    as_input = result.to_dict(offsets="input")
    assert as_input["text"] == text
    assert_spans_valid(as_input, text)
    clean_spans, input_spans = _spans(record, []), _spans(as_input, [])
    assert len(clean_spans) == len(input_spans)
    for clean, raw in zip(clean_spans, input_spans):
        assert _is_subsequence(_ascii_alnum(clean["text"]), raw["text"]), (clean, raw)


def _quote_heavy(units: int) -> str:
    return ("The council of Millbrook voted on Monday to build a new bridge, the mayor said.\n"
            + '"the" ' * units + "\nhe said.\n")


def test_time_grows_linearly_with_quote_marks():
    """Eight times the quote marks cost at most about eight times as long (it was ~40x: quadratic)."""
    def cost(units: int) -> float:
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            newsledger.process(_quote_heavy(units))
            best = min(best, time.perf_counter() - started)
        return best

    small, large = cost(300), cost(2400)
    assert large <= 16 * small + 0.5, (small, large)
