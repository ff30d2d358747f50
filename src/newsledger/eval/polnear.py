"""``newsledger eval polnear GOLD.jsonl``: run the pipeline on PolNeAR articles and score attributions.

Predictions are made on the clean text and mapped back to the gold text through the cleaner's offset map.
A quote contributes its content pieces as the attribution model marked them (quotation marks included, the
PolNeAR convention); a rule-found direct quote gets its marks back; the source is the speaker's mention.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest import RawDocument
from ..processing import process_documents
from ..nlp.quotes import QUOTE_MARKS
from ..records import Article, Quote, Span
from .attribution_scorer import score

_MARKS = QUOTE_MARKS


def read_gold(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    return docs


def _span(article: Article, span: Span | None) -> dict[str, int] | None:
    if span is None:
        return None
    start, end = article.offset_map.to_input(span.start, span.end)
    return {"start": start, "end": end}


def _content(article: Article, quote: Quote) -> dict[str, Any]:
    if quote.pieces:
        parts = [_span(article, p) for p in quote.pieces]
    else:
        start, end = quote.content.start, quote.content.end
        text = article.text
        if quote.type == "direct" and start > 0 and text[start - 1] in _MARKS:
            start -= 1
            if end < len(text) and text[end] in _MARKS:
                end += 1
        parts = [_span(article, Span.of(text, start, end))]
    parts = [p for p in parts if p]
    return {"start": parts[0]["start"], "end": parts[-1]["end"], "fragments": parts}


def attributions(article: Article) -> list[dict[str, Any]]:
    """PolNeAR-style attributions (input-text offsets) for one processed article."""
    return [{"content": _content(article, q), "cue": _span(article, q.cue),
             "source": _span(article, q.speaker.mention)} for q in article.quotes]


def predict(gold: list[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    raws = [RawDocument(origin=d["id"], input_id=d["id"], raw_text=d["text"], input_format="jsonl",
                        pubdate=d.get("publication_date")) for d in gold]
    for doc, result in zip(gold, process_documents(raws)):
        if isinstance(result, InputError):
            yield doc["id"], []
        else:
            yield doc["id"], attributions(result)


def evaluate(path: Path, *, limit: int | None = None, predictions_out: Path | None = None) -> dict[str, Any]:
    gold = read_gold(path, limit=limit)
    predictions = dict(predict(gold))
    if predictions_out is not None:
        with open(predictions_out, "w", encoding="utf-8") as fh:
            for doc_id, attrs in predictions.items():
                fh.write(json.dumps({"id": doc_id, "attributions": attrs}) + "\n")
    result = score(gold, predictions)
    result["documents"] = len(gold)
    return result
