"""``newsledger eval quotes GOLD --articles ARTICLES``: quotes, speakers, types and conduits on the devcorpus.

Matching (the devcorpus README's convention): a predicted quote matches a gold quote when their content
spans overlap by at least 50% of the gold span; one-to-one, greedy by that overlap. A prediction made of
several pieces (a quote split by its cue) offers each piece. On matched quotes:
- speaker accuracy: the canonical name, compared case- and punctuation-insensitively, a parenthesised
  acronym optional ("Korean Central News Agency (KCNA)"); a gold "unnamed ..." speaker is matched by an
  anonymous speaker;
- type accuracy: our "mixed" counts as "indirect" (the annotation guide types mixed quotes indirect);
- conduit accuracy: both absent, or one name contains the other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..ingest import RawDocument
from ..processing import process_documents
from ..records import Article

_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_NON_WORD = re.compile(r"[^\w]+")


_ARTICLES = re.compile(r"\b(the|a|an)\b")


def norm(name: str | None) -> str:
    """Case, punctuation and articles do not make a different name ("the United States")."""
    return " ".join(_ARTICLES.sub(" ", _NON_WORD.sub(" ", (name or "").casefold())).split())


def same_speaker(gold: str | None, predicted_name: str | None, predicted_kind: str) -> bool:
    if gold is None:
        return predicted_name is None
    if gold.casefold().startswith("unnamed"):
        return predicted_kind == "anonymous"
    if predicted_name is None:
        return False
    options = {norm(gold), norm(_PAREN.sub(" ", gold))}
    options |= {norm(m) for m in _PAREN.findall(gold)}
    return norm(predicted_name) in options


def same_conduit(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = norm(gold), norm(predicted)
    return bool(g) and bool(p) and (g in p or p in g)


def _units(article: Article) -> list[dict[str, Any]]:
    units = []
    for n, q in enumerate(article.quotes):
        if q.scope != "speech":  # the devcorpus annotates speech and writing only (ANNOTATION_GUIDE.md)
            continue
        spans = [(p.start, p.end) for p in q.pieces] if len(q.pieces) > 1 else [(q.content.start, q.content.end)]
        for start, end in spans:
            units.append({"quote": n, "start": start, "end": end, "speaker": q.speaker.name,
                          "kind": q.speaker.kind, "type": "indirect" if q.type == "mixed" else q.type,
                          "conduit": q.conduit.name if q.conduit else None})
    return units


def read_devcorpus(gold_path: Path, articles_path: Path) -> tuple[dict[str, Any], list[dict[str, Any]],
                                                                     list[RawDocument]]:
    """The gold by article id, the annotated article records, and those articles as raw documents."""
    with open(gold_path, encoding="utf-8") as fh:
        gold = {record["id"]: record for record in map(json.loads, filter(str.strip, fh))}
    with open(articles_path, encoding="utf-8") as fh:
        records = [r for r in map(json.loads, filter(str.strip, fh)) if r["id"] in gold]
    raws = [RawDocument(origin=r["id"], input_id=r["id"], raw_text=r["text"], input_format="jsonl",
                        pubdate=r.get("pubdate"), source=r.get("outlet")) for r in records]
    return gold, records, raws


def greedy_pairs(scored: list[tuple]) -> list[tuple[int, int]]:
    """One-to-one matching: ``scored`` holds ``(*sort keys, gold index, prediction index)``, best first
    after sorting; each gold and each prediction is used once."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for *_, gi, pi in sorted(scored):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate(gold_path: Path, articles_path: Path) -> dict[str, Any]:
    gold, records, raws = read_devcorpus(gold_path, articles_path)
    totals = {"gold": 0, "pred": 0, "matched": 0, "speaker_ok": 0, "type_ok": 0, "conduit_ok": 0}
    errors: list[dict[str, Any]] = []
    for record, article in zip(records, process_documents(raws)):
        if not isinstance(article, Article):
            raise RuntimeError(f"{record['id']}: {article}")
        text = record["text"]
        gold_quotes = []
        for q in gold[record["id"]]["quotes"]:
            start = text.find(q["text"])
            gold_quotes.append((start, start + len(q["text"]), q))
        units = []
        for u in _units(article):
            start, end = article.offset_map.to_input(u["start"], u["end"])
            units.append(dict(u, start=start, end=end))
        pairs = []
        for gi, (gs, ge, _) in enumerate(gold_quotes):
            for ui, u in enumerate(units):
                overlap = min(ge, u["end"]) - max(gs, u["start"])
                if overlap > 0 and overlap >= 0.5 * (ge - gs):
                    pairs.append((-overlap / (ge - gs), gi, ui))
        matches = greedy_pairs(pairs)
        used_g = {gi for gi, _ in matches}
        for gi, ui in matches:
            g, u = gold_quotes[gi][2], units[ui]
            ok_speaker = same_speaker(g["speaker"], u["speaker"], u["kind"])
            totals["speaker_ok"] += ok_speaker
            totals["type_ok"] += g["type"] == u["type"]
            totals["conduit_ok"] += same_conduit(g.get("conduit"), u["conduit"])
            if not ok_speaker:
                errors.append({"article": record["id"], "quote": g["text"][:80], "gold": g["speaker"],
                               "predicted": u["speaker"], "kind": u["kind"]})
        totals["gold"] += len(gold_quotes)
        totals["pred"] += len(units)
        totals["matched"] += len(used_g)
        for gi, (_, _, g) in enumerate(gold_quotes):
            if gi not in used_g:
                errors.append({"article": record["id"], "missed": g["text"][:80], "gold": g["speaker"]})
    m = totals["matched"] or 1
    return {
        "articles": len(records), **totals,
        "quote": prf(totals["matched"], totals["pred"], totals["gold"]),
        "speaker_accuracy": totals["speaker_ok"] / m, "type_accuracy": totals["type_ok"] / m,
        "conduit_accuracy": totals["conduit_ok"] / m, "errors": errors,
    }


def format_report(result: dict[str, Any]) -> str:
    q = result["quote"]
    return "\n".join([
        f"{result['articles']} annotated articles: {result['gold']} gold quotes, {result['pred']} predicted, "
        f"{result['matched']} matched",
        f"quote      P {100 * q['p']:.1f}  R {100 * q['r']:.1f}  F1 {100 * q['f1']:.1f}",
        f"speaker accuracy {100 * result['speaker_accuracy']:.1f}  type accuracy {100 * result['type_accuracy']:.1f}"
        f"  conduit accuracy {100 * result['conduit_accuracy']:.1f}  (on matched quotes)",
    ])
