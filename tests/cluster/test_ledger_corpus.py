"""Checks on the ledger evaluation corpus (tests/data/ledger): the gold is consistent with the articles.

The corpus is the project's own invented text; these tests read only its files and need no model.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

LEDGER = Path(__file__).resolve().parent.parent / "data" / "ledger"
CATEGORIES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}
DISPUTE_KINDS = {"target", "perpetrator", "number", "place", "date", "denial"}
COPY_MIN_JACCARD = 0.5
INDEPENDENT_MAX_JACCARD = 0.3
_WORD = re.compile(r"\w+")


def shingles(text: str, *, n: int = 5) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    rows = [json.loads(line) for line in (LEDGER / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    out = {row["id"]: row for row in rows}
    assert len(out) == len(rows), "duplicate article ids"
    return out


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((LEDGER / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def story_of(gold: dict) -> dict[str, str]:
    return {aid: story["id"] for story in gold["stories"] for aid in story["articles"]}


def test_gold_keys(gold: dict) -> None:
    assert set(gold) == {"stories", "events", "disputes", "entities"}
    assert set(gold["entities"]) == {"same", "different"}


def test_article_fields(articles: dict[str, dict]) -> None:
    for aid, a in articles.items():
        assert re.fullmatch(r"L\d{2}", aid), aid
        assert set(a) == {"id", "outlet", "source", "url", "pubdate", "title", "text"}, aid
        assert re.fullmatch(r"[a-z0-9.-]+\.example", a["source"]), aid
        assert a["url"].startswith(f"https://{a['source']}/"), aid
        dt.date.fromisoformat(a["pubdate"])
        assert a["title"].strip() and a["outlet"].strip(), aid
        assert 150 <= len(a["text"].split()) <= 450, (aid, len(a["text"].split()))
    assert len({a["url"] for a in articles.values()}) == len(articles), "urls are unique"


def test_ids_unique(gold: dict) -> None:
    for key in ("stories", "events", "disputes"):
        ids = [item["id"] for item in gold[key]]
        assert len(ids) == len(set(ids)), key


def test_every_article_in_exactly_one_story(articles: dict[str, dict], gold: dict) -> None:
    members = Counter(aid for story in gold["stories"] for aid in story["articles"])
    assert set(members) == set(articles)
    assert all(count == 1 for count in members.values()), [a for a, c in members.items() if c > 1]
    for story in gold["stories"]:
        assert story["canonical"] in story["articles"], story["id"]


def test_copies_share_their_canonicals_text(articles: dict[str, dict], gold: dict) -> None:
    for story in gold["stories"]:
        canonical = shingles(articles[story["canonical"]]["text"])
        for aid in story["articles"]:
            score = jaccard(canonical, shingles(articles[aid]["text"]))
            assert score >= COPY_MIN_JACCARD, (story["id"], aid, round(score, 3))


def test_independent_stories_do_not(articles: dict[str, dict], story_of: dict[str, str]) -> None:
    sets = {aid: shingles(a["text"]) for aid, a in articles.items()}
    for x, y in itertools.combinations(sorted(articles), 2):
        if story_of[x] != story_of[y]:
            score = jaccard(sets[x], sets[y])
            assert score < INDEPENDENT_MAX_JACCARD, (x, y, round(score, 3))


def test_copies_of_each_kind(articles: dict[str, dict], gold: dict) -> None:
    exact = junk = edited = 0
    for story in gold["stories"]:
        base = articles[story["canonical"]]
        for aid in story["articles"]:
            if aid == story["canonical"]:
                continue
            copy = articles[aid]
            if copy["text"] == base["text"]:
                exact += 1
            elif copy["text"].startswith(base["text"] + "\n"):
                junk += 1
            else:
                edited += 1
    assert exact >= 2 and junk >= 1 and edited >= 2, (exact, junk, edited)


def test_evidence_is_exact_substring(articles: dict[str, dict], gold: dict) -> None:
    for event in gold["events"]:
        for report in event["reports"]:
            assert report["evidence"] in articles[report["article"]]["text"], (event["id"], report)
    for dispute in gold["disputes"]:
        for side in dispute["sides"]:
            assert side["evidence"] in articles[side["article"]]["text"], (dispute["id"], side)


def test_events(articles: dict[str, dict], gold: dict) -> None:
    for event in gold["events"]:
        assert event["category"] in CATEGORIES, event["id"]
        assert event["place"] and isinstance(event["place"], str), event["id"]
        dt.date.fromisoformat(event["date"])
        reporting = [r["article"] for r in event["reports"]]
        assert len(reporting) == len(set(reporting)), f"{event['id']}: one report per article"
        assert len({articles[a]["outlet"] for a in reporting}) >= 3, f"{event['id']}: several outlets"
        for aid in reporting:
            assert 0 <= (dt.date.fromisoformat(articles[aid]["pubdate"]) - dt.date.fromisoformat(event["date"])).days


def test_copies_carry_their_canonicals_reports(gold: dict, story_of: dict[str, str]) -> None:
    """A copy reports what its canonical reports (every story's members report the same gold events)."""
    for event in gold["events"]:
        reporting = {r["article"] for r in event["reports"]}
        for story in gold["stories"]:
            if story["canonical"] in reporting:
                assert set(story["articles"]) <= reporting, (event["id"], story["id"])


def test_disputes(gold: dict) -> None:
    reports = {e["id"]: {r["article"] for r in e["reports"]} for e in gold["events"]}
    for dispute in gold["disputes"]:
        assert dispute["kind"] in DISPUTE_KINDS, dispute["id"]
        assert dispute["event"] in reports, dispute["id"]
        assert len(dispute["sides"]) >= 2, dispute["id"]
        assert len({s["speaker"] for s in dispute["sides"]}) >= 2, f"{dispute['id']}: two speakers at least"
        claims = Counter(s["claim"] for s in dispute["sides"])
        assert len(claims) >= 2, f"{dispute['id']}: two conflicting claims at least"
        for side in dispute["sides"]:
            assert set(side) == {"article", "speaker", "claim", "evidence"}, (dispute["id"], side)
            assert side["article"] in reports[dispute["event"]], (dispute["id"], side["article"])
        speakers_by_claim = {c: {s["speaker"] for s in dispute["sides"] if s["claim"] == c} for c in claims}
        for x, y in itertools.combinations(speakers_by_claim, 2):
            assert not speakers_by_claim[x] & speakers_by_claim[y], f"{dispute['id']}: a speaker on both sides"
    assert {d["kind"] for d in gold["disputes"]} == DISPUTE_KINDS


def test_entities(articles: dict[str, dict], gold: dict) -> None:
    corpus = "\n".join(a["text"] for a in articles.values())
    same = {tuple(sorted(p)) for p in gold["entities"]["same"]}
    different = {tuple(sorted(p)) for p in gold["entities"]["different"]}
    assert not same & different
    for pair in same | different:
        assert len(pair) == 2 and pair[0] != pair[1], pair
        for name in pair:
            assert name in corpus, name
    assert ("Anna Korhonen", "Pekka Korhonen") in different
    assert ("Sergei Volkov", "Sergey Volkov") in same


def test_hard_negative_events(gold: dict) -> None:
    """At least one pair of gold events alike in category and country yet a week or more apart."""
    events = gold["events"]
    pairs = [(x["id"], y["id"]) for x, y in itertools.combinations(events, 2)
             if x["category"] == y["category"] and x["place"] != y["place"]
             and abs((dt.date.fromisoformat(x["date"]) - dt.date.fromisoformat(y["date"])).days) >= 7
             and {x["place"], y["place"]} == {"Tampere", "Oulu"}]
    assert pairs


def test_sizes(articles: dict[str, dict], gold: dict) -> None:
    copies = len(articles) - len(gold["stories"])
    assert len(articles) >= 36
    assert copies >= 8
    assert len(gold["disputes"]) >= 8
    assert len({e["place"] for e in gold["events"]}) >= 6


def test_files_match_their_builder(articles: dict[str, dict], gold: dict) -> None:
    """articles.jsonl and gold.json are what build.py writes (edit build.py, then re-run it)."""
    spec = importlib.util.spec_from_file_location("ledger_build", LEDGER / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows, built = module.build()
    assert {row["id"]: row for row in rows} == articles
    assert built == gold
