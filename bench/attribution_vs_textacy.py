"""Attribution on PolNeAR dev: textacy's direct_quotations against newsledger, same spaCy model, same run.

For each system: the PolNeAR scores (our scorer, which agrees with shared/data/polnear/score.py), articles
lost to errors, and milliseconds per article of attribution after the parse (the parse is shared and timed
once; for newsledger: entities, linking, quotes and speakers, plus the tagger in model mode; events are
not attribution and are timed by `newsledger eval events --speed`). Writes bench/out/attribution.json.
Needs textacy (installed in .venv-bench by `make bench`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
MARKS = '"\u201c\u201d'


def span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def textacy_attributions(doc):  # type: ignore[no-untyped-def]
    from textacy.extract.triples import direct_quotations

    out = []
    for speaker, cue, content in direct_quotations(doc):
        start, end = content[0].idx, content[-1].idx + len(content[-1])
        if start > 0 and doc.text[start - 1] in MARKS:  # PolNeAR content includes the quotation marks
            start -= 1
        if end < len(doc.text) and doc.text[end] in MARKS:
            end += 1
        out.append({"content": span(start, end),
                    "cue": span(cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None,
                    "source": span(speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None})
    return out


def main() -> int:
    if not DEV.exists():
        print(f"skipped: {DEV} not found", file=sys.stderr)
        return 0
    from newsledger.eval.attribution_scorer import score
    from newsledger.eval.polnear import attributions
    from newsledger.ingest import RawDocument
    from newsledger.nlp.pipeline import load_pipeline
    from newsledger.nlp.attribution.link import link
    from newsledger.nlp.entities import EntityIndex
    from newsledger.nlp.quotes import find_quotes, quotes_from_attributions
    from newsledger.processing import annotate, prepare

    gold = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    n = len(gold)
    rows = {}

    base = load_pipeline(attribution=False)
    t0 = time.perf_counter()
    docs = list(base.pipe((g["text"] for g in gold), batch_size=16))
    parse = time.perf_counter() - t0

    predictions, lost = {}, 0
    t0 = time.perf_counter()
    for g, doc in zip(gold, docs):
        try:
            predictions[g["id"]] = textacy_attributions(doc)
        except ValueError:
            lost += 1
            predictions[g["id"]] = []
    rows["textacy direct_quotations"] = (score(gold, predictions), lost, time.perf_counter() - t0)

    for mode in ("rules", "model"):
        os.environ["NEWSLEDGER_ATTRIBUTION"] = mode
        nlp = load_pipeline(attribution=mode != "rules")
        prepared = [prepare(RawDocument(origin=g["id"], input_id=g["id"], raw_text=g["text"], input_format="jsonl"))
                    for g in gold]
        texts = [p.clean.text for p in prepared]
        parsed = list(base.pipe(texts, batch_size=16))  # the clean texts, as the pipeline parses them
        tagger_time = 0.0
        if mode != "rules":
            component = nlp.get_pipe("newsledger_attribution")
            component(base("Warm-up: the model loads on first use, said the note."))
            t0 = time.perf_counter()
            parsed = list(component.pipe(parsed, batch_size=32))  # batched, as nlp.pipe runs it in ingest
            tagger_time = time.perf_counter() - t0
        # Attribution alone (entities, linking, quotes, speakers), as annotate() runs it, without events.
        t0 = time.perf_counter()
        for p, d in zip(prepared, parsed):
            index = EntityIndex(d, p.article_id)
            if mode == "rules":
                find_quotes(d, index, p.article_id, [])
            else:
                quotes_from_attributions(d, link(d), index, p.article_id, [], mode=mode)
        quote_time = time.perf_counter() - t0
        predictions = {p.raw.input_id: attributions(annotate(p, d)) for p, d in zip(prepared, parsed)}
        rows[f"newsledger ({mode})"] = (score(gold, predictions), 0, quote_time + tagger_time)

    print(f"PolNeAR dev, {n} articles; spaCy parse alone {parse / n * 1000:.0f} ms/article")
    print(f"{'system':<28}{'attr o50 F1':>12}{'content exact F1':>18}{'content o50 F1':>16}{'lost':>6}"
          f"{'attrib. ms':>12}{'vs parse':>10}")
    result = {"articles": n, "parse_ms_per_article": round(parse / n * 1000, 1), "systems": {}}
    for name, (s, lost_docs, seconds) in rows.items():
        ms = seconds / n * 1000
        print(f"{name:<28}{100 * s['overlap50']['attribution']['f1']:>12.1f}{100 * s['exact']['content']['f1']:>18.1f}"
              f"{100 * s['overlap50']['content']['f1']:>16.1f}{lost_docs:>6}{ms:>12.1f}{ms / (parse / n * 1000):>10.0%}")
        result["systems"][name] = {"attribution_overlap50_f1": round(s["overlap50"]["attribution"]["f1"], 4),
                                   "content_exact_f1": round(s["exact"]["content"]["f1"], 4),
                                   "content_overlap50_f1": round(s["overlap50"]["content"]["f1"], 4),
                                   "articles_lost": lost_docs, "ms_per_article": round(ms, 1)}
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "attribution.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
