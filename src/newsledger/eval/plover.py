"""PLOVER category and actor scores on the PLOVER gold sentences (``../shared/data/events/plover_gsr.jsonl``).

Each gold record is one sentence with one event. We take the sentence's main event
(:func:`newsledger.nlp.plover.main_event`) and compare:

* **category**: ``accuracy`` over all sentences (no prediction counts as wrong), ``accuracy_when_found`` over the
  sentences where a trigger was found, ``coverage`` = share of sentences with a prediction, and ``macro_f1``
  over the 16 categories (a missing prediction is a false negative of the gold category). ``mode_accuracy``:
  on sentences with the right category and a gold mode, the share whose mode is the gold mode.
* **actor / target spans**: the heads from :func:`newsledger.nlp.actors.participants` expanded with
  :func:`~newsledger.nlp.actors.phrase`, against the gold spans with role ``source`` / ``target``. Two
  definitions, both micro-averaged: ``token`` = overlap of word tokens (precision = predicted tokens inside a
  gold span / predicted tokens, recall = gold tokens covered / gold tokens), ``exact`` = identical spans.
* **codes**: :func:`~newsledger.nlp.actors.code_actor` on each *gold* actor span (so coding is measured apart
  from span finding). ``country_accuracy`` over gold actors whose code is a country (CAMEO codes mapped to
  ISO 3166 alpha-3; a missing country is wrong); ``sector_accuracy`` over gold actors whose sector maps to ours
  (GOV government, MIL military, REB/UAF rebel, CVL/CIV civilian, COP police, ...; IGO/NGO codes → igo/ngo).

No train split exists, so the records are cut in two by a hash of the record id: ``dev`` (looked at and tuned
on) and ``heldout`` (only scored). Both are always reported, separately.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

logger = logging.getLogger(__name__)

SPLITS = ("dev", "heldout")
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "BOS": "BIH", "KOS": "XKX"}
NOT_COUNTRIES = frozenset("IGO NGO IMG ISM MNC REB UAF AFR ASA EUR MEA WST".split())
GOLD_SECTORS = {"GOV": "government", "MIL": "military", "REB": "rebel", "UAF": "rebel", "CVL": "civilian",
                "CIV": "civilian", "COP": "police", "OPP": "opposition", "LEG": "legislature", "JUD": "judiciary",
                "MED": "media", "JRN": "media", "BUS": "business", "REF": "refugee", "LAB": "labor",
                "EDU": "education", "PTY": "party", "REL": "religion"}


def split_of(record_id: str) -> str:
    """``dev`` or ``heldout``, fixed by the record id."""
    return SPLITS[hashlib.sha1(record_id.encode("utf-8")).digest()[0] % 2]


def read_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        n = 0
        for line in handle:
            if not line.strip():
                continue
            if limit is not None and n >= limit:
                return
            n += 1
            yield json.loads(line)


def gold_country(code: str | None) -> str | None:
    if not code or len(code) != 3 or code in NOT_COUNTRIES:
        return None
    return CAMEO_TO_ISO.get(code, code)


def gold_sector(actor: dict[str, Any]) -> str | None:
    sector = actor.get("sector")
    if sector:
        return GOLD_SECTORS.get(sector[:3].upper())
    return {"IGO": "igo", "NGO": "ngo"}.get(actor.get("code") or "")


class _Spans:
    """Micro P/R/F1 of spans, by token overlap and exact match."""

    def __init__(self) -> None:
        self.pred_tokens = self.pred_in = self.gold_tokens = self.gold_in = 0
        self.pred = self.gold = self.exact = 0

    def add(self, predicted: list[tuple[int, int]], gold: list[tuple[int, int]], words: list[tuple[int, int]]) -> None:
        def tokens(spans: list[tuple[int, int]]) -> set[int]:
            return {i for i, (s, e) in enumerate(words) if any(s < b and a < e for a, b in spans)}

        p, g = tokens(predicted), tokens(gold)
        self.pred_tokens += len(p)
        self.gold_tokens += len(g)
        self.pred_in += len(p & g)
        self.gold_in += len(g & p)
        self.pred += len(predicted)
        self.gold += len(gold)
        self.exact += len(set(predicted) & set(gold))

    def result(self) -> dict[str, Any]:
        def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
            p = tp_p / n_p if n_p else 0.0
            r = tp_r / n_r if n_r else 0.0
            return {"precision": round(p, 4), "recall": round(r, 4),
                    "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

        return {"token": prf(self.pred_in, self.pred_tokens, self.gold_in, self.gold_tokens),
                "exact": prf(self.exact, self.pred, self.exact, self.gold), "predicted": self.pred, "gold": self.gold}


class _Tally:
    def __init__(self) -> None:
        self.n = self.found = self.right = 0
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.mode_n = self.mode_right = 0
        self.actor, self.target = _Spans(), _Spans()
        self.country_n = self.country_right = self.sector_n = self.sector_right = 0
        self.seconds = 0.0

    def result(self) -> dict[str, Any]:
        from ..nlp.plover import CATEGORIES

        f1s = []
        for cat in CATEGORIES:
            if not (self.tp[cat] or self.fp[cat] or self.fn[cat]):
                continue
            p = self.tp[cat] / (self.tp[cat] + self.fp[cat]) if self.tp[cat] + self.fp[cat] else 0.0
            r = self.tp[cat] / (self.tp[cat] + self.fn[cat]) if self.tp[cat] + self.fn[cat] else 0.0
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)

        def share(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "sentences": self.n,
            "category": {"accuracy": share(self.right, self.n), "accuracy_when_found": share(self.right, self.found),
                         "coverage": share(self.found, self.n),
                         "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
                         "mode_accuracy": share(self.mode_right, self.mode_n), "modes_scored": self.mode_n},
            "actor": self.actor.result(), "target": self.target.result(),
            "codes": {"country_accuracy": share(self.country_right, self.country_n), "countries_scored": self.country_n,
                      "sector_accuracy": share(self.sector_right, self.sector_n), "sectors_scored": self.sector_n},
            "ms_per_sentence": round(1000 * self.seconds / self.n, 2) if self.n else 0.0,
        }


def _gold_spans(record: dict[str, Any], role: str) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in record.get("spans", []) if role in s.get("roles", [])]


def _gold_actors(record: dict[str, Any]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """Each gold actor span with its actor record (matched by text)."""
    out = []
    for role, key in (("source", "source_actors"), ("target", "target_actors")):
        actors = record.get(key) or []
        for span in record.get("spans", []):
            if role not in span.get("roles", []):
                continue
            text = span["text"].strip()
            match = next((a for a in actors if a.get("actorText", "").strip() == text), None) or \
                next((a for a in actors if text and text in a.get("actorText", "")), None) or \
                (actors[0] if len(actors) == 1 else None)
            if match is not None:
                out.append(((span["start"], span["end"]), match))
    return out


def score_record(record: dict[str, Any], doc: Any, tally: _Tally, seconds: float) -> dict[str, Any]:
    from ..nlp.actors import code_actor, participants, phrase
    from ..nlp.plover import main_event

    start = time.perf_counter()
    found = main_event(doc)
    heads = participants(found[0]) if found else ([], [])
    tally.seconds += seconds + time.perf_counter() - start
    gold = record["event_plover_current"]
    tally.n += 1
    predicted = found[1].category if found else None
    if found:
        tally.found += 1
    if predicted == gold:
        tally.right += 1
        tally.tp[gold] += 1
        if record.get("mode"):
            tally.mode_n += 1
            tally.mode_right += found[1].mode == record["mode"]  # type: ignore[index]
    else:
        tally.fn[gold] += 1
        if predicted:
            tally.fp[predicted] += 1
    words = [(t.idx, t.idx + len(t)) for t in doc if not t.is_punct and not t.is_space]
    spans = []
    for role, tokens_heads, spans_tally in (("source", heads[0], tally.actor), ("target", heads[1], tally.target)):
        pred = []
        for head in tokens_heads:
            toks = phrase(head)
            pred.append((toks[0].idx, toks[-1].idx + len(toks[-1])))
        spans_tally.add(pred, _gold_spans(record, role), words)
        spans.append(pred)
    codes = []
    for (s, e), actor in _gold_actors(record):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        code = code_actor(list(span), doc)
        want_country, want_sector = gold_country(actor.get("code")), gold_sector(actor)
        if want_country is not None:
            tally.country_n += 1
            tally.country_right += code.country == want_country
        if want_sector is not None:
            tally.sector_n += 1
            tally.sector_right += code.sector == want_sector
        codes.append({"text": span.text, "gold": [want_country, want_sector], "predicted": [code.country, code.sector],
                      "reason": code.reason})
    return {"id": record["id"], "gold": [gold, record.get("mode")],
            "predicted": [predicted, found[1].mode if found else None],
            "trigger": found[0].text if found else None, "reason": found[1].reason if found else None,
            "actor_spans": spans[0], "target_spans": spans[1], "codes": codes}


def evaluate(path: Path, *, limit: int | None = None, details: bool = False) -> dict[str, Any]:
    """Scores of the dev and held-out halves of ``path`` (PLOVER gold JSONL)."""
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    records = list(read_gold(path, limit=limit))
    tallies = {split: _Tally() for split in SPLITS}
    rows = []
    start = time.perf_counter()
    docs = list(nlp.pipe(r["text"] for r in records))
    parse_each = (time.perf_counter() - start) / max(len(records), 1)
    for record, doc in zip(records, docs):
        rows.append(dict(score_record(record, doc, tallies[split_of(record["id"])], parse_each),
                         split=split_of(record["id"])))
    logger.info("scored %d PLOVER sentences from %s", len(records), path)
    result: dict[str, Any] = {"gold": str(path), "span_match": "token overlap and exact",
                              **{split: tallies[split].result() for split in SPLITS}}
    if details:
        result["records"] = rows
    return result


def format_report(result: dict[str, Any]) -> str:
    lines = [f"PLOVER gold: {result['gold']}",
             f"{'':9} {'n':>4} {'acc':>6} {'acc|fnd':>7} {'cover':>6} {'macroF1':>7} {'mode':>6} "
             f"{'actorF1 tok/ex':>15} {'targetF1 tok/ex':>16} {'country':>8} {'sector':>7} {'ms/sent':>8}"]
    for split in SPLITS:
        r = result[split]
        c = r["category"]
        lines.append(
            f"{split:9} {r['sentences']:>4} {c['accuracy']:>6.3f} {c['accuracy_when_found']:>7.3f} {c['coverage']:>6.3f} "
            f"{c['macro_f1']:>7.3f} {c['mode_accuracy']:>6.3f} "
            f"{r['actor']['token']['f1']:>7.3f}/{r['actor']['exact']['f1']:<7.3f} "
            f"{r['target']['token']['f1']:>8.3f}/{r['target']['exact']['f1']:<7.3f} "
            f"{r['codes']['country_accuracy']:>8.3f} {r['codes']['sector_accuracy']:>7.3f} {r['ms_per_sentence']:>8.2f}")
    return "\n".join(lines)
