"""Per-format readers. Each yields :class:`RawDocument` or :class:`InputError` values, never raises for
bad content, so that one bad record never stops a batch."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..errors import InputError, RejectedInput
from .decode import decode_bytes
from .document import RawDocument, ReadOptions, normalize_pubdate
from .streams import Rewound

logger = logging.getLogger(__name__)

Item = RawDocument | InputError

MIN_PARAGRAPH_WORDS = 8  # an article has at least one line of running text this long

_TERMINAL = (".", "!", "?", '"', "\u201d", ":", ";", ",")


def split_title(text: str) -> str | None:
    """The first line of a plain-text article when it looks like a headline, else ``None``."""
    first, sep, rest = text.strip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    if len(first) > 150 or len(first.split()) > 20 or first.endswith(_TERMINAL):
        return None
    return first


def _check_length(doc: RawDocument, options: ReadOptions) -> Item:
    if len(doc.raw_text) > options.max_chars:
        return RejectedInput(doc.origin, "too_large",
                             f"{len(doc.raw_text):,} characters (limit {options.max_chars:,})")
    return doc


def read_text(data: bytes, origin: str, name: str, options: ReadOptions) -> Iterator[Item]:
    try:
        text, encoding = decode_bytes(data, origin)
    except InputError as err:
        yield err
        return
    doc = RawDocument(origin=origin, input_id=name, raw_text=text, input_format="text", raw=text,
                      title=split_title(text))
    if encoding not in ("utf-8", "utf-8-sig"):
        doc.warnings.append(f"decoded_as: {encoding}")
    yield _check_length(doc, options)


def read_html(data: bytes | str, origin: str, name: str, options: ReadOptions, *,
              url: str | None = None) -> Iterator[Item]:
    import trafilatura  # slow import; only HTML input needs it

    if isinstance(data, bytes):
        try:
            html, _ = decode_bytes(data, origin)
        except InputError as err:
            yield err
            return
    else:
        html = data
    if not html.strip():
        yield RejectedInput(origin, "empty", "no content")
        return
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as err:  # trafilatura/lxml raise many types on malformed markup
        yield InputError(origin, "html_unparsable", f"{type(err).__name__}: {err}"[:200])
        return
    meta: dict[str, Any] = extracted.as_dict() if extracted is not None else {}
    text = meta.get("text") or ""
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines()):
        # trafilatura falls back to link text on pages with no article (a menu): no paragraph, no article.
        yield RejectedInput(origin, "no_article", "no main article text found in the HTML")
        return
    pubdate, warning = normalize_pubdate(meta.get("date"))
    doc = RawDocument(origin=origin, input_id=name, raw_text=text, input_format="html", raw=html,
                      url=meta.get("url") or url, source=meta.get("sitename"), title=meta.get("title"),
                      pubdate=pubdate, author=meta.get("author"))
    if warning:
        doc.warnings.append(warning)
    yield _check_length(doc, options)


def _record_document(record: dict[str, Any], origin: str, default_id: str, fmt: str,
                     options: ReadOptions) -> Item:
    text = record.get(options.text_field)
    if text is None:
        return RejectedInput(origin, "missing_field", f"no {options.text_field!r} field")
    if not isinstance(text, str):
        return RejectedInput(origin, "bad_field", f"{options.text_field!r} is {type(text).__name__}, not text")
    if not text.strip():
        return RejectedInput(origin, "empty", f"{options.text_field!r} is empty")

    def field(key: str) -> str | None:
        value = record.get(key)
        return None if value is None or value == "" else str(value)

    pubdate, warning = normalize_pubdate(record.get(options.date_field))
    doc = RawDocument(origin=origin, input_id=field(options.id_field) or default_id, raw_text=text,
                      input_format=fmt, raw=text, url=field(options.url_field),
                      source=field(options.source_field), title=field(options.title_field), pubdate=pubdate)
    if warning:
        doc.warnings.append(warning)
    return _check_length(doc, options)


def _bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """Lines of ``stream``, but never more than ``limit + 1`` bytes of one in memory: a longer line (a
    gzip bomb with no line breaks) is skipped to its end and given as its length in bytes instead."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            size += len(line)
        yield size


def read_jsonl(stream: Iterable[bytes], origin_name: str, options: ReadOptions, *, name: str | None = None,
               first_line: int = 1) -> Iterator[Item]:
    """One document per JSON object line; ``origin_name`` (the path) names errors, ``name`` (the file
    name) makes the fallback input id ``name:line``. ``first_line`` numbers a stream that starts inside a
    file (a batch partition)."""
    name = name or origin_name
    lines = _bounded_lines(stream, options.max_file_bytes) if hasattr(stream, "readline") else stream
    for lineno, line in enumerate(lines, start=first_line):
        origin = f"{origin_name}:{lineno}"
        if isinstance(line, int) or len(line) > options.max_file_bytes:
            size = line if isinstance(line, int) else len(line)
            yield RejectedInput(origin, "too_large",
                                f"record of {size:,} bytes (limit {options.max_file_bytes:,})")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except UnicodeDecodeError:
            yield InputError(origin, "undecodable", "JSON line is not valid UTF-8")
            continue
        except json.JSONDecodeError as err:
            yield InputError(origin, "bad_json", f"{err.msg} at column {err.colno}")
            continue
        if not isinstance(record, dict):
            yield InputError(origin, "bad_json", f"a JSON {type(record).__name__}, not an object")
            continue
        yield _record_document(record, origin, f"{name}:{lineno}", "jsonl", options)


def read_csv(stream: IO[bytes], origin_name: str, options: ReadOptions, *, delimiter: str = ",",
             name: str | None = None) -> Iterator[Item]:
    """One document per row; the header names the fields. Errors name ``path:line`` of the record's first
    line; the fallback input id is ``name:line``."""
    name = name or origin_name
    head = stream.read(65536)
    # Sniff on whole lines only: a window that ends inside a UTF-8 character would look like cp1252.
    sniff = head[: head.rfind(b"\n") + 1] or head
    try:
        _, encoding = decode_bytes(sniff or b" ", origin_name)
    except InputError:
        encoding = "utf-8"
    if encoding == "utf-8":
        encoding = "utf-8-sig"
    text_stream = io.TextIOWrapper(Rewound(head, stream), encoding=encoding, errors="strict", newline="")
    csv.field_size_limit(max(options.max_chars * 4, 1_000_000))
    reader = csv.reader(text_stream, delimiter=delimiter)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as err:
        yield InputError(f"{origin_name}:1", "bad_csv", str(err))
        return
    if not header:
        yield RejectedInput(origin_name, "empty", "no header row")
        return
    if options.text_field not in header:
        yield RejectedInput(origin_name, "missing_field", f"no {options.text_field!r} column in {header[:8]}")
        return
    while True:
        first_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as err:
            yield InputError(f"{origin_name}:{first_line}", "bad_csv", str(err)[:200])
            return
        origin = f"{origin_name}:{first_line}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputError(origin, "ragged_row", f"{len(row)} fields, header has {len(header)}")
            continue
        yield _record_document(dict(zip(header, row)), origin, f"{name}:{first_line}", "csv", options)


def read_warc(stream: IO[bytes], name: str, options: ReadOptions, *, first_index: int = 0) -> Iterator[Item]:
    """HTML response records of a WARC (plain or gzip); other record types are not articles.
    ``first_index`` is the number of response records before ``stream`` (a batch partition seeks past them)."""
    from warcio.archiveiterator import ArchiveIterator

    index = first_index
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            index += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{index}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            origin = f"{name}#{index} {url or ''}".strip()
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in content_type.lower():
                yield RejectedInput(origin, "not_html", f"response of type {content_type or 'unknown'!r}")
                continue
            body = record.content_stream().read(options.max_file_bytes + 1)
            if len(body) > options.max_file_bytes:
                yield RejectedInput(origin, "too_large", f"response body over the limit of {options.max_file_bytes:,} bytes")
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                # warcio returns a short body without complaint when the file ends inside a record.
                yield InputError(origin, "truncated", f"WARC record ends {missing:,} bytes early; "
                                 f"{index - 1} complete records before it")
                return
            for item in read_html(body, origin, record_id, options, url=url):
                if isinstance(item, RawDocument):
                    item.input_format = "warc"
                yield item
    except Exception as err:  # warcio signals truncation and corruption with several exception types
        yield InputError(f"{name}#{index + 1}", "truncated", f"WARC unreadable after {index} records: "
                         f"{type(err).__name__}: {err}"[:240])
