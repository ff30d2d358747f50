"""The one pipeline: raw document -> clean text -> spaCy doc -> records (an :class:`Article`).

``process_documents`` streams: it cleans each document, parses texts in batches with ``nlp.pipe`` (so
throughput stays close to bare spaCy), and yields an :class:`Article` or an :class:`InputError` per input,
in input order.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .clean import CleanText, clean_text
from .clean.language import looks_english
from .errors import InputError, RejectedInput
from .ingest import RawDocument
from .nlp.entities import EntityIndex
from .nlp.events import find_events
from .nlp.pipeline import attribution_mode, load_pipeline
from .nlp.attribution.component import SPANS_KEY as ATTRIBUTION_SPANS
from .nlp.attribution.link import link
from .nlp.quotes import find_quotes, quotes_from_attributions
from .records import Article, content_id

logger = logging.getLogger(__name__)

_WS = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
# spaCy's tokenizer takes time quadratic in the length of a run without whitespace (its prefix/suffix rules
# rescan the rest of the run at each split): 1,000 quote marks take 0.2 s, 10,000 take 10-25 s. News text
# has no such runs (a long URL is a few hundred characters), so a longer one refuses the document.
MAX_RUN_CHARS = 1_000
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


def article_id_for(text: str) -> str:
    """Content-derived article id: the same clean text (ignoring case and spacing) gives the same id."""
    return content_id("a_", _WS.sub(" ", text).strip().casefold())


@dataclass
class Prepared:
    raw: RawDocument
    clean: CleanText
    article_id: str
    warnings: list[str]


def prepare(raw: RawDocument) -> Prepared | InputError:
    """Clean and check one document; an :class:`InputError` if it cannot become an article."""
    cleaned = clean_text(raw.raw_text)
    if not cleaned.text.strip():
        return RejectedInput(raw.origin, "empty", "no text left after cleaning")
    if not _LETTER.search(cleaned.text):
        return RejectedInput(raw.origin, "no_words", f"{len(cleaned.text):,} characters and not one letter")
    long_run = _LONG_RUN.search(cleaned.text)
    if long_run:
        return RejectedInput(raw.origin, "long_run", f"{len(long_run.group()):,} characters without a space at "
                             f"character {long_run.start():,} (limit {MAX_RUN_CHARS:,})")
    english, detail = looks_english(cleaned.text)
    if not english:
        return RejectedInput(raw.origin, "not_english", detail)
    warnings = list(raw.warnings) + [f"boilerplate_dropped: {line}" for line in cleaned.dropped_lines]
    if "glued_words" in cleaned.changes:
        warnings.append(f"glued_words_split: {cleaned.changes['glued_words']}")
    if "mojibake" in cleaned.changes:
        warnings.append(f"mojibake_repaired: {cleaned.changes['mojibake']}")
    return Prepared(raw, cleaned, article_id_for(cleaned.text), warnings)


def annotate(prepared: Prepared, doc) -> Article:  # type: ignore[no-untyped-def]
    """Records from a parsed document."""
    raw = prepared.raw
    warnings = list(prepared.warnings)
    index = EntityIndex(doc, prepared.article_id)
    if ATTRIBUTION_SPANS in doc.spans:
        quotes = quotes_from_attributions(doc, link(doc), index, prepared.article_id, warnings,
                                          mode="model" if attribution_mode() == "model" else "hybrid")
    else:
        quotes = find_quotes(doc, index, prepared.article_id, warnings)
    events = find_events(doc, index, quotes, prepared.article_id, raw.pubdate)
    return Article(
        id=prepared.article_id, input_id=raw.input_id, url=raw.url, source=raw.source, title=raw.title,
        pubdate=raw.pubdate, text=prepared.clean.text, quotes=tuple(quotes), events=tuple(events),
        entities=index.records(), warnings=tuple(warnings), raw_text=raw.raw_text, raw=raw.raw,
        offset_map=prepared.clean.offset_map, origin=raw.origin, input_format=raw.input_format,
        author=raw.author,
    )


def process_documents(items: Iterable[RawDocument | InputError], *, nlp=None,  # type: ignore[no-untyped-def]
                      batch_size: int = 32) -> Iterator[Article | InputError]:
    """Articles (or errors), one per input item, in input order."""
    nlp = nlp or load_pipeline()
    buffer: list[Prepared | InputError] = []

    def flush() -> Iterator[Article | InputError]:
        ready = [p for p in buffer if isinstance(p, Prepared)]
        docs = iter(nlp.pipe((p.clean.text for p in ready), batch_size=batch_size))
        for item in buffer:
            if isinstance(item, Prepared):
                doc = next(docs)
                try:
                    yield annotate(item, doc)
                except Exception as err:  # an extractor bug must not sink the batch: report, go on
                    logger.exception("extraction failed for %s", item.raw.origin)
                    yield InputError(item.raw.origin, "extraction_failed", f"{type(err).__name__}: {err}")
            else:
                yield item
        buffer.clear()

    for item in items:
        buffer.append(prepare(item) if isinstance(item, RawDocument) else item)
        if len(buffer) >= batch_size:
            yield from flush()
    yield from flush()


def process_text(text: str, *, pubdate: str | None = None, url: str | None = None, source: str | None = None,
                 title: str | None = None, input_id: str | None = None) -> Article:
    """Process one text without a database. Raises :class:`InputError` if it cannot be processed."""
    from .ingest.document import normalize_pubdate

    date, warning = normalize_pubdate(pubdate)
    if pubdate and date is None:
        from .errors import UsageError

        raise UsageError(f"pubdate {pubdate!r} is not a YYYY-MM-DD date")
    raw = RawDocument(origin=input_id or "<text>", input_id=input_id, raw_text=text, input_format="text",
                      raw=text, url=url, source=source, title=title, pubdate=date)
    result = next(process_documents([raw], batch_size=1))
    if isinstance(result, InputError):
        raise result
    return result
