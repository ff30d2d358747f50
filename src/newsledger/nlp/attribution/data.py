"""PolNeAR JSONL -> spaCy training examples with CONTENT / SOURCE / CUE entity spans.

The documents are parsed by the base pipeline first, so that the tagger can use tags and dependency
labels as features. Parsed corpora are cached as DocBin files keyed by the data file's SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from ...records import strip_offsets

logger = logging.getLogger(__name__)

LABELS = ("CONTENT", "SOURCE", "CUE")
_ROLE_LABEL = {"content": "CONTENT", "source": "SOURCE", "cue": "CUE"}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_polnear(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def role_pieces(span: dict[str, Any] | None, text: str) -> list[tuple[int, int]]:
    """The character pieces of a gold span (fragments when discontinuous), whitespace-trimmed."""
    if not span:
        return []
    out = []
    for frag in span.get("fragments") or [span]:
        start, end = strip_offsets(text, int(frag["start"]), int(frag["end"]))
        if end > start:
            out.append((start, end))
    return out


def gold_spans(doc: Doc, attributions: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """Entity spans for every role piece, aligned outward to tokens; overlaps resolved longest-first."""
    spans = []
    for attribution in attributions:
        for role, label in _ROLE_LABEL.items():
            for start, end in role_pieces(attribution.get(role), doc.text):
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None and len(span):
                    spans.extend(split_at_whitespace(span))
    return filter_spans(spans)


def split_at_whitespace(span: Span) -> list[Span]:
    """Pieces of ``span`` between whitespace tokens: spaCy's NER cannot tag a span across a paragraph break.
    (The scorer joins pieces separated only by whitespace again.)"""
    doc = span.doc
    pieces, start = [], None
    for token in span:
        if token.is_space:
            if start is not None:
                pieces.append(Span(doc, start, token.i, label=span.label_))
                start = None
        elif start is None:
            start = token.i
    if start is not None:
        pieces.append(Span(doc, start, span.end, label=span.label_))
    return pieces


def parsed_corpus(path: Path, cache_dir: Path, nlp) -> tuple[list[Doc], list[dict[str, Any]]]:  # type: ignore[no-untyped-def]
    """Parsed documents (cached) with gold role spans in ``doc.spans["gold_roles"]``, and the records."""
    records = read_polnear(path)
    cache = cache_dir / f"{path.stem}-{sha256_of(path)[:16]}.spacy"
    tensors = cache.with_suffix(".tensors.npy")  # DocBin does not keep doc.tensor; the tagger reads it
    if cache.exists() and tensors.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        stacked = numpy.load(tensors)
        offset = 0
        for doc in docs:
            doc.tensor = stacked[offset:offset + len(doc)]
            offset += len(doc)
        logger.info("loaded %d parsed docs from %s", len(docs), cache)
    else:
        docs = []
        for doc, record in zip(nlp.pipe((r["text"] for r in records), batch_size=16), records):
            doc.spans["gold_roles"] = gold_spans(doc, record.get("attributions") or [])
            docs.append(doc)
        cache_dir.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
        numpy.save(tensors, numpy.vstack([d.tensor for d in docs if len(d)]).astype("float32"))
        logger.info("parsed %d docs into %s", len(docs), cache)
    return docs, records
