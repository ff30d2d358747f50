"""Disputes: evidence spans are exact; the seed's Russian claim against Hassan Haj Ali's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.facade import Ledger
from newsledger.eval.ledger import ingest_corpus

CORPUS = Path(__file__).resolve().parent.parent / "data" / "ledger"


def test_dispute_records_have_the_export_shape_and_exact_spans(tmp_path):
    db = tmp_path / "l.duckdb"
    ingest_corpus(CORPUS, db)
    with Ledger(db, read_only=True) as ledger:
        texts = {a["id"]: a["text"] for a in ledger.export()}
        disputes = list(ledger.disputes())
        events = ledger.events()
    assert disputes and events
    kinds = {"target", "perpetrator", "number", "place", "date", "denial"}
    for d in disputes:
        assert set(d) == {"id", "ledger_event_id", "kind", "sides"} and d["kind"] in kinds
        assert len({s["speaker"] for s in d["sides"]}) >= 2
        for side in d["sides"]:
            assert set(side) == {"claim", "speaker", "source", "article_id", "evidence"}
            ev = side["evidence"]
            assert texts[side["article_id"]][ev["start"]:ev["end"]] == ev["text"]
    json.dumps(disputes)
    assert events[0]["articles"] >= 3  # one event from several outlets


def test_seed_disputes_the_russian_claim_against_the_rebel_commander(seed_article, tmp_path):
    with Ledger(tmp_path / "seed.duckdb") as ledger:
        ledger.ingest_articles([seed_article])
        disputes = list(ledger.disputes())
        text = next(iter(ledger.export()))["text"]
    found = [d for d in disputes
             if any("Hassan" in (s["speaker"] or "") for s in d["sides"])
             and any(w in (s["speaker"] or "").lower() for s in d["sides"]
                     for w in ("russia", "ministry", "konashenkov"))]
    assert len(found) == 1 and found[0]["kind"] == "target"
    evidence = {s["speaker"]: s["evidence"]["text"] for s in found[0]["sides"]}
    assert "ISIL training camp in Maaret al-Numan" in evidence["defence ministry"]
    assert any("training camp" in s["evidence"]["text"] for s in found[0]["sides"] if s["speaker"] == "Hassan Haj Ali")
    assert {s["claim"] for s in found[0]["sides"]} == {"target of ISIL", "target of rebel group"}
    for side in found[0]["sides"]:
        assert text[side["evidence"]["start"]:side["evidence"]["end"]] == side["evidence"]["text"]
    # The Russian strikes in Idlib on 2015-10-01: one ledger event holds both sides.
    assert len({d["ledger_event_id"] for d in found}) == 1 and len(disputes) == 1


def _claim(text: str, target: str, *, by: str | None, entity: str | None = None, category: str = "ASSAULT",
           status: str = "claimed") -> "Claim":
    from newsledger.cluster.disputes import Claim

    start = text.index(target)
    data = {"category": category, "status": status,
            "target": {"name": target, "kind": "group" if target[-1].isupper() or "ISIL" in target else "unknown",
                       "entity_id": None, "mention": {"start": start, "end": start + len(target), "text": target}},
            "claimed_by": {"name": by, "entity_id": entity} if by else None,
            "evidence": {"start": 0, "end": len(text), "text": text}}
    return Claim(f"v_{by}_{start}", "a1", "x.example", by or "x.example", data, True)


_RUSSIA = "The ministry said it hit an ISIL training camp near the town."
_REBEL = "Two air strikes hit a training camp operated by rebel group that received training, the commander said."


@pytest.mark.parametrize(("first", "second", "found"), [
    (("an ISIL training camp", "defence ministry", "e1"), ("a training camp", "Hassan Haj Ali", "e2"), True),
    (("an ISIL training camp", "defence ministry", "e1"), ("a training camp", "defence ministry", "e1"), False),
    (("an ISIL training camp", "defence ministry", "e1"), ("a training camp", None, None), False),
    (("an ISIL training camp", None, None), ("a training camp", "Hassan Haj Ali", "e2"), False),
])
def test_owner_dispute_needs_two_claimants_naming_different_owners(first, second, found):
    from newsledger.cluster.disputes import owner_disputes

    text = _RUSSIA + " " + _REBEL
    a = _claim(text, first[0], by=first[1], entity=first[2])
    b = _claim(text, second[0], by=second[1], entity=second[2])
    b = type(b)(b.event_id, b.article_id, b.source, b.speaker,
                {**b.data, "target": {**b.data["target"], "mention": {
                    "start": text.index("a training camp operated"), "end": text.index(" operated by rebel"),
                    "text": "a training camp"}}}, True)
    out = owner_disputes([a, b], {"a1": text})
    assert bool(out) is found
    if found:
        assert [s["claim"] for s in out[0][1]] == ["target of ISIL", "target of rebel group"]


@pytest.mark.parametrize(("rival", "found"), [
    ("a fuel depot operated by rebel group", False),         # another kind of target: not the same target
    ("an ISIL training camp", False),                          # the same owner
    ("a training camp run by the Free Syrian Army", True),     # an owner named after the target
])
def test_owner_dispute_compares_owners_of_one_kind_of_target(rival, found):
    from newsledger.cluster.disputes import owner_disputes

    text = _RUSSIA + f" The commander said strikes hit {rival}, he said."
    a = _claim(text, "an ISIL training camp", by="defence ministry", entity="e1")
    second = text.index(rival, len(_RUSSIA))
    head = rival.split(" operated")[0].split(" run by")[0]
    b = _claim(text, rival, by="the commander", entity="e2")
    b = type(b)(b.event_id, b.article_id, b.source, b.speaker,
                {**b.data, "target": {**b.data["target"], "mention": {"start": second, "end": second + len(head),
                                                                      "text": head}}}, True)
    assert bool(owner_disputes([a, b], {"a1": text})) is found


def test_narration_and_future_acts_are_no_claims():
    from newsledger.cluster.disputes import owner_disputes

    text = _RUSSIA + " " + _REBEL
    a = _claim(text, "an ISIL training camp", by="defence ministry", entity="e1", status="future")
    b = _claim(text, "a training camp", by="Hassan Haj Ali", entity="e2")
    assert owner_disputes([a, b], {"a1": text}) == []


def test_main_place_is_in_the_country_most_events_are_in():
    from newsledger.cluster.events import main_place
    from newsledger.records import Place
    from tests.cluster.helpers import article, event

    text = "A news conference was held in New York. Jets struck Idlib. Jets hit a camp in Maaret al-Numan in Syria."
    ny = Place("New York City", 1, 40.7, -74.0, "USA", "New York", "city")
    idlib = Place("Idlib", 2, 35.8, 36.6, "SYR", "Idlib", "admin1")
    maaret = Place("Maaret al-Numan", 3, 35.6, 36.7, "SYR", "Idlib", "city")
    art = article(text, events=[event(text, "A news conference was held", "conference", "CONSULT", place=ny),
                                event(text, "Jets struck Idlib", "struck", "ASSAULT", place=idlib),
                                event(text, "Jets hit a camp", "hit", "ASSAULT", place=maaret)])
    assert main_place(art) == maaret


def _report(text: str, *, by: str | None, status: str = "claimed", member: bool = True, quote: str | None = None):
    from newsledger.cluster.disputes import Claim

    data = {"category": "ASSAULT", "status": status, "target": None,
            "claimed_by": {"name": by, "entity_id": None, "quote_id": quote} if by else None,
            "trigger": {"start": 0, "end": 1, "text": text.split()[0]},
            "evidence": {"start": 0, "end": len(text), "text": text}}
    return Claim(f"v_{abs(hash((text, by)))}", "a1", "x.example", by or "x.example", data, member)


@pytest.mark.parametrize(("denial", "claim", "narration", "found"), [
    # The claimant's quote is cued by "denied": a denial of the act the other side reports.
    (("that officers fired on traders", "Bala Ndagi", "claimed", "denied"), ("officers shot at protesters", "Haruna Kafinta", "claimed"), True, True),
    # A claimant says it did not happen.
    (("no officer had fired a gun", "Bala Ndagi", "negated", "said"), ("officers shot at protesters", "Haruna Kafinta", "claimed"), True, True),
    # Not the same act (no shared action words).
    (("no officer had fired a gun", "Bala Ndagi", "negated", "said"), ("officers arrested traders", "Haruna Kafinta", "claimed"), True, False),
    # The same speaker, or an outlet's own negation: no dispute.
    (("no officer had fired a gun", "Bala Ndagi", "negated", "said"), ("officers shot at protesters", "Superintendent Bala Ndagi", "claimed"), True, False),
    (("no officer had fired a gun", None, "negated", None), ("officers shot at protesters", "Haruna Kafinta", "claimed"), True, False),
    # A plain "said" is no denial.
    (("officers fired in the air", "Bala Ndagi", "claimed", "said"), ("officers shot at protesters", "Haruna Kafinta", "claimed"), True, False),
    # Within one story the outlet's narration is no side.
    (("that officers fired on traders", "Bala Ndagi", "claimed", "denied"), ("officers shot at protesters", None, "reported"), False, False),
    (("that officers fired on traders", "Bala Ndagi", "claimed", "denied"), ("officers shot at protesters", None, "reported"), True, True),
    # A future act is answered only by a denial of a future act.
    (("that the group had agreed to withdraw", "Elias Bahati", "future", "denied"), ("both sides agreed to pull back", "Sergei Volkov", "future"), True, True),
    (("that officers fired on traders", "Bala Ndagi", "claimed", "denied"), ("officers will fire on traders", "Haruna Kafinta", "future"), True, False),
])
def test_denial_of_a_report_of_the_same_ledger_event(denial, claim, narration, found):
    from newsledger.cluster.disputes import denial_disputes

    text, by, status, cue = denial
    d = _report(text, by=by, status=status, quote="q1" if cue else None)
    c = _report(claim[0], by=claim[1], status=claim[2], quote="q2")
    out = denial_disputes([c, d], {"q1": cue or "", "q2": "said"}, narration=narration)
    assert bool(out) is found
    if found:
        assert [s["claim"] for s in out[0][1]] == ["claim", "denial"]


def test_a_report_level_denial_answers_only_reports_of_its_ledger_event():
    from newsledger.cluster.disputes import denial_disputes

    d = _report("no officer had fired a gun", by="Bala Ndagi", status="negated", quote="q1")
    c = _report("officers shot at protesters", by="Haruna Kafinta", member=False)
    assert denial_disputes([c, d], {"q1": "said"}) == []
