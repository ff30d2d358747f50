"""The attribution scorer: PolNeAR's definitions, and agreement with the reference scorer when present."""

from __future__ import annotations

import importlib.util
import random

import pytest

from newsledger.eval.attribution_scorer import pieces, score, similarity
from tests.conftest import SHARED

TEXT = 'Officials said "the road will reopen on Monday,"   and the mayor added that crews were ready.\n\n"We are done."'


def sp(start, end, *fragments):
    out = {"start": start, "end": end}
    if fragments:
        out["fragments"] = [{"start": s, "end": e} for s, e in fragments]
    return out


def test_pieces_join_whitespace_gaps_and_trim():
    quote = TEXT.index('"the road')
    close = TEXT.index('Monday,"') + len('Monday,"')
    a = pieces(sp(quote, close + 2, (quote, quote + 10), (quote + 10, close + 2)), TEXT)
    assert a.parts == ((quote, close),)                       # touching pieces joined, trailing spaces trimmed
    last = TEXT.index('"We are')
    b = pieces(sp(0, len(TEXT), (TEXT.index("crews"), TEXT.index("ready.") + 6), (last, len(TEXT))), TEXT)
    assert b.parts == ((TEXT.index("crews"), len(TEXT)),)    # only a paragraph break between: one piece
    c = pieces(sp(0, 0, (0, 9), (quote, close)), TEXT)
    assert len(c.parts) == 2                                  # words between: two pieces


@pytest.mark.parametrize(
    ("a", "b", "rule", "expected"),
    [
        (sp(0, 9), sp(0, 9), "exact", 1.0),
        (sp(0, 9), sp(0, 8), "exact", None),
        (sp(0, 9), sp(0, 8), "overlap50", pytest.approx(8 / 9)),
        (sp(0, 9), sp(5, 20), "overlap50", None),
        (None, None, "exact", 1.0),
        (None, sp(0, 9), "overlap50", None),
    ],
)
def test_similarity(a, b, rule, expected):
    assert similarity(pieces(a, TEXT), pieces(b, TEXT), rule) == expected


def test_attribution_needs_content_and_source():
    gold = [{"id": "d", "text": TEXT, "attributions": [
        {"content": sp(15, 49), "source": sp(0, 9), "cue": sp(10, 14)}]}]
    right = {"d": [{"content": sp(16, 48), "source": sp(0, 9), "cue": sp(10, 14)}]}
    wrong_source = {"d": [{"content": sp(16, 48), "source": None, "cue": sp(10, 14)}]}
    assert score(gold, right)["overlap50"]["attribution"]["f1"] == 1.0
    assert score(gold, right)["exact"]["attribution"]["f1"] == 0.0
    assert score(gold, wrong_source)["overlap50"]["attribution"]["tp"] == 0
    assert score(gold, {})["overlap50"]["content"]["n_gold"] == 1


def _reference():
    path = SHARED / "polnear" / "score.py"
    if not path.exists():
        pytest.skip("reference scorer not available")
    spec = importlib.util.spec_from_file_location("polnear_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _random_span(rng, n):
    if rng.random() < 0.15:
        return None
    s = rng.randrange(0, n - 1)
    e = min(n, s + rng.randrange(1, 30))
    if rng.random() < 0.2:
        mid = rng.randrange(s, e)
        return sp(s, e, (s, mid), (min(e, mid + rng.randrange(0, 4)), e))
    return sp(s, e)


@pytest.mark.parametrize("seed", range(5))
def test_agrees_with_reference_scorer(seed):
    ref = _reference()
    rng = random.Random(seed)
    text = "".join(rng.choice("abc  de\n\"") for _ in range(300))
    gold, pred = [], {}
    for d in range(8):
        doc_id = f"d{d}"
        gold.append({"id": doc_id, "text": text, "attributions": [
            {r: _random_span(rng, len(text)) for r in ("content", "source", "cue")} for _ in range(rng.randrange(0, 6))]})
        pred[doc_id] = [{r: _random_span(rng, len(text)) for r in ("content", "source", "cue")}
                        for _ in range(rng.randrange(0, 6))]
        # make some predictions near-copies of gold so that matches happen
        pred[doc_id] += [dict(a) for a in gold[-1]["attributions"][:2]]
    mine = score(gold, pred)
    theirs = ref.score_docs({g["id"]: g for g in gold}, {k: {"attributions": v} for k, v in pred.items()})
    for rule in ("exact", "overlap50"):
        for level in ("content", "source", "cue", "attribution", "attribution+cue"):
            a, b = mine[rule][level], theirs[rule][level]
            assert (a["tp"], a["n_gold"], a["n_pred"]) == (b["tp"], b["n_gold"], b["n_pred"]), (rule, level)
