"""Score the cross-article ledger on tests/data/ledger (the project's own dev corpus; see its README).

The articles are processed and ingested into a temporary ledger in file order; then

* duplicates: pairwise P/R/F1 over article pairs, positive when both are in one story (``story_id``);
* event clustering: pairwise P/R/F1 over gold reports, each mapped to the event of its article whose evidence
  overlaps it most (no overlap: a singleton), positive when both carry one ``ledger_event_id``;
* disputes: a predicted dispute matches a gold one (one-to-one, greedy) when the kinds agree and its sides'
  evidence overlaps gold sides of both claims; precision over predicted, recall over gold;
* entities: every "different" name pair resolves to two ledger entities (or not both resolve): no false
  merge; "same" pairs resolving to one entity are reported as a rate.
"""

from __future__ import annotations

import itertools
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "pred": n_pred, "gold": n_gold}


def _pairs(groups: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, list[str]] = {}
    for item, group in groups.items():
        by.setdefault(group, []).append(item)
    return {frozenset(p) for members in by.values() for p in itertools.combinations(sorted(members), 2)}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def ingest_corpus(folder: Path, db: Path) -> dict[str, str]:
    """Process and ingest the corpus; returns corpus id -> ledger article id."""
    from ..facade import Ledger, read_articles

    ids: dict[str, str] = {}
    with Ledger(db) as ledger:
        articles = []
        for item in read_articles([str(folder / "articles.jsonl")]):
            if hasattr(item, "text"):
                ids[item.input_id] = item.id
                articles.append(item)
        ledger.ingest_articles(articles, inputs=[str(folder)])
    return ids


def evaluate(folder: Path) -> dict[str, Any]:
    from ..facade import Ledger

    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="newsledger-eval-ledger-") as tmp:
        db = Path(tmp) / "ledger.duckdb"
        ids = ingest_corpus(folder, db)
        with Ledger(db, read_only=True) as ledger:
            exported = {a["id"]: a for a in ledger.export()}
            disputes = list(ledger.disputes())
            entities = _entity_scores(ledger, gold["entities"])
    by_corpus = {cid: exported[aid] for cid, aid in ids.items()}
    return {"articles": len(ids), "duplicates": _dup_scores(gold, by_corpus),
            "events": _event_scores(gold, by_corpus), "disputes": _dispute_scores(gold, disputes, ids, by_corpus),
            "entities": entities}


def _dup_scores(gold: dict[str, Any], arts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    gold_pairs = _pairs({a: s["id"] for s in gold["stories"] for a in s["articles"]})
    pred_pairs = _pairs({cid: a["story_id"] for cid, a in arts.items()})
    return prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))


def _event_scores(gold: dict[str, Any], arts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    gold_of, pred_of = {}, {}
    for ev in gold["events"]:
        for n, rep in enumerate(ev["reports"]):
            key = f"{ev['id']}:{rep['article']}:{n}"
            gold_of[key] = ev["id"]
            art = arts[rep["article"]]
            start = art["text"].find(rep["evidence"])
            span = (start, start + len(rep["evidence"]))
            best = max(art["events"], default=None,
                       key=lambda e: _overlap(span, (e["evidence"]["start"], e["evidence"]["end"])))
            if best is not None and _overlap(span, (best["evidence"]["start"], best["evidence"]["end"])) > 0:
                pred_of[key] = best["ledger_event_id"]
            else:
                pred_of[key] = f"singleton:{key}"
    gold_pairs, pred_pairs = _pairs(gold_of), _pairs(pred_of)
    out = prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    out["reports"] = len(gold_of)
    return out


def _dispute_scores(gold: dict[str, Any], disputes: list[dict[str, Any]], ids: dict[str, str],
                    arts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    corpus_of = {aid: cid for cid, aid in ids.items()}

    def span_of(article: str, evidence: str) -> tuple[int, int]:
        start = arts[article]["text"].find(evidence)
        return (start, start + len(evidence)) if start >= 0 else (-1, -1)

    # Gold sides per claim, as (corpus article, span).
    gold_claims = []
    for d in gold["disputes"]:
        claims: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        for side in d["sides"]:
            claims.setdefault(side["claim"], []).append((side["article"], span_of(side["article"], side["evidence"])))
        gold_claims.append((d, claims))
    used: set[str] = set()
    details = []
    for pred in disputes:
        pred_spans = [(corpus_of.get(s["article_id"]), (s["evidence"]["start"], s["evidence"]["end"]))
                      for s in pred["sides"]]
        hit = None
        for d, claims in gold_claims:
            if d["id"] in used or d["kind"] != pred["kind"]:
                continue
            if all(any(art == cid and _overlap(span, gspan) > 0 for cid, span in pred_spans for art, gspan in sides)
                   for sides in claims.values()):
                hit = d["id"]
                break
        if hit:
            used.add(hit)
        details.append({"id": pred["id"], "kind": pred["kind"], "ledger_event_id": pred["ledger_event_id"],
                        "matched": hit})
    out = prf(len(used), len(disputes), len(gold["disputes"]))
    out["missed"] = sorted((d["id"] for d, _ in gold_claims if d["id"] not in used), key=lambda x: int(x[1:]))
    out["details"] = details
    return out


def _entity_scores(ledger: Any, pairs: dict[str, list[list[str]]]) -> dict[str, Any]:
    same = [(a, b, ledger.resolve_entity(a), ledger.resolve_entity(b)) for a, b in pairs["same"]]
    different = [(a, b, ledger.resolve_entity(a), ledger.resolve_entity(b)) for a, b in pairs["different"]]
    false_merges = [[a, b] for a, b, x, y in different if x is not None and x == y]
    return {"same_resolved": round(sum(1 for *_, x, y in same if x is not None and x == y) / len(same), 4)
            if same else 1.0,
            "same_missed": [[a, b] for a, b, x, y in same if x is None or x != y],
            "different_pairs": len(different), "false_merges": false_merges,
            "no_false_merge": 1.0 if not false_merges else 0.0}


def format_report(result: dict[str, Any]) -> str:
    d, e, s, n = result["duplicates"], result["events"], result["disputes"], result["entities"]
    lines = [f"{result['articles']} articles",
             f"duplicates      P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}  ({d['tp']}/{d['gold']} gold pairs)",
             f"event clusters  P {e['p']:.3f}  R {e['r']:.3f}  F1 {e['f1']:.3f}  ({e['reports']} gold reports)",
             f"disputes        P {s['p']:.3f}  R {s['r']:.3f}  ({s['tp']} of {s['pred']} predicted match; "
             f"missed {', '.join(s['missed']) or '-'})",
             f"entities        no false merge {'yes' if n['no_false_merge'] else 'NO: ' + str(n['false_merges'])}; "
             f"same pairs resolved {n['same_resolved']:.2f}"]
    return "\n".join(lines)
