"""Attribution scoring with PolNeAR's definitions (the same as ``shared/data/polnear/score.py``).

A span is a set of pieces: fragments (or the span itself), pieces that touch or are separated only by
whitespace joined, whitespace trimmed from each. Comparisons count non-whitespace characters.

- exact: identical pieces; overlap50: Jaccard of non-whitespace characters >= 0.5.
- Matching is one-to-one, greedy by decreasing similarity.
- Roles (content, source, cue) are scored as de-duplicated span sets per document.
- An attribution matches when content and source both match (two absent sources match; one absent does
  not); "attribution+cue" also needs the cues to match. Only attributions with a content count.
- Micro-averaged over documents; a document without predictions counts as empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..records import strip_offsets

ROLES = ("content", "source", "cue")
LEVELS = ROLES + ("attribution", "attribution+cue")
RULES = ("exact", "overlap50")


@dataclass(frozen=True)
class Pieces:
    parts: tuple[tuple[int, int], ...]
    chars: frozenset[int]


def pieces(span: dict[str, Any] | None, text: str) -> Pieces | None:
    if not span:
        return None
    raw = [(max(0, min(int(f["start"]), len(text))), max(0, min(int(f["end"]), len(text))))
           for f in (span.get("fragments") or [span])]
    raw = sorted((s, e) for s, e in raw if e > s)
    joined: list[list[int]] = []
    for s, e in raw:
        if joined and (s <= joined[-1][1] or not text[joined[-1][1]:s].strip()):
            joined[-1][1] = max(joined[-1][1], e)
        else:
            joined.append([s, e])
    parts = []
    for s, e in (strip_offsets(text, s, e) for s, e in joined):
        if e > s:
            parts.append((s, e))
    if not parts:
        return None
    chars = frozenset(i for s, e in parts for i in range(s, e) if not text[i].isspace())
    return Pieces(tuple(parts), chars)


def similarity(a: Pieces | None, b: Pieces | None, rule: str) -> float | None:
    """Similarity if ``a`` and ``b`` match under ``rule``, else ``None``."""
    if a is None or b is None:
        return 1.0 if a is None and b is None else None
    if rule == "exact":
        return 1.0 if a.parts == b.parts else None
    union = len(a.chars | b.chars)
    score = len(a.chars & b.chars) / union if union else 0.0
    return score if score >= 0.5 and a.chars & b.chars else None


def matches(gold: list[Any], pred: list[Any], score: Callable[[Any, Any], float | None]) -> int:
    candidates = sorted(((-s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                         if (s := score(g, p)) is not None))
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in taken_g and pi not in taken_p:
            taken_g.add(gi)
            taken_p.add(pi)
    return len(taken_g)


class Counts:
    def __init__(self) -> None:
        self.tp = self.gold = self.pred = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred

    def prf(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": self.tp, "n_gold": self.gold,
                "n_pred": self.pred}


def score(gold_docs: Iterable[dict[str, Any]], predictions: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Scores per rule and level. ``predictions``: document id -> attributions with role spans."""
    counts = {rule: {level: Counts() for level in LEVELS} for rule in RULES}
    for doc in gold_docs:
        text = doc["text"]
        gold = [{r: pieces(a.get(r), text) for r in ROLES} for a in doc.get("attributions") or []]
        pred = [{r: pieces(a.get(r), text) for r in ROLES} for a in predictions.get(doc["id"], [])]
        for role in ROLES:
            g = list({a[role].parts: a[role] for a in gold if a[role] is not None}.values())
            p = list({a[role].parts: a[role] for a in pred if a[role] is not None}.values())
            for rule in RULES:
                counts[rule][role].add(matches(g, p, lambda x, y, r=rule: similarity(x, y, r)), len(g), len(p))
        g_attr = [a for a in gold if a["content"] is not None]
        p_attr = [a for a in pred if a["content"] is not None]
        for rule in RULES:
            for level, with_cue in (("attribution", False), ("attribution+cue", True)):
                def pair(x, y, rule=rule, with_cue=with_cue):  # type: ignore[no-untyped-def]
                    s = similarity(x["content"], y["content"], rule)
                    if s is None or similarity(x["source"], y["source"], rule) is None:
                        return None
                    if with_cue and similarity(x["cue"], y["cue"], rule) is None:
                        return None
                    return s
                counts[rule][level].add(matches(g_attr, p_attr, pair), len(g_attr), len(p_attr))
    return {rule: {level: c.prf() for level, c in levels.items()} for rule, levels in counts.items()}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{'level':<17}{'rule':<11}{'P':>7}{'R':>7}{'F1':>7}{'gold':>8}{'pred':>8}{'tp':>8}"]
    lines.append("-" * len(lines[0]))
    for level in LEVELS:
        for rule in RULES:
            d = result[rule][level]
            lines.append(f"{level:<17}{rule:<11}{100 * d['p']:>7.1f}{100 * d['r']:>7.1f}{100 * d['f1']:>7.1f}"
                         f"{d['n_gold']:>8}{d['n_pred']:>8}{d['tp']:>8}")
    return "\n".join(lines)
