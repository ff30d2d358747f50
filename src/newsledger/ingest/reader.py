"""Walk inputs (files, directories, ``-`` for stdin), detect formats, open gzip, dispatch to readers."""

from __future__ import annotations

import gzip
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError, RejectedInput, UsageError
from .document import FORMATS, RawDocument, ReadOptions
from .formats import Item, read_csv, read_html, read_jsonl, read_text, read_warc
from .streams import CompressionBomb, Counting, RatioGuard, Rewound

logger = logging.getLogger(__name__)

_BY_SUFFIX = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
    ".txt": "text", ".text": "text", ".md": "text",
}
_GZIP_MAGIC = b"\x1f\x8b"
# A gzip file is refused once it has inflated past 2 MB at more than 200 times its compressed size: news
# text and JSONL compress 3-20:1, while 60 KB of gzipped blank lines (60 MB) took 21 s to read as JSONL
# (now refused after about 1 s).
MAX_COMPRESSION_RATIO = 200
BOMB_CHECK_AFTER_BYTES = 2_000_000


def format_from_name(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return _BY_SUFFIX.get(os.path.splitext(lower)[1])


def sniff_format(head: bytes) -> str:
    """Guess a format from the first bytes (already decompressed)."""
    start = head.lstrip()[:4096]
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    lowered = start.lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or any(
        tag in lowered for tag in (b"<html", b"<body", b"<article", b"<p>", b"<div")
    ):
        return "html"
    return "text"


def iter_documents(paths: Iterable[str], options: ReadOptions, *,
                   stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every article (or input error) from ``paths``, in order; directories are walked recursively."""
    if options.format not in FORMATS:
        raise UsageError(f"unknown format {options.format!r}; choose from {', '.join(FORMATS)}")
    for path in paths:
        if path == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, "<stdin>", "<stdin>", options, size=None)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not
                           any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield RejectedInput(str(p), "empty", "directory has no files")
            for f in files:
                yield from _read_file(f, options)
        elif p.is_file():
            yield from _read_file(p, options)
        else:
            yield InputError(str(p), "not_found", "no such file or directory")


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield InputError(str(path), "unreadable", err.strerror or str(err))
        return
    with handle:
        yield from _read_stream(handle, str(path), path.name, options, size=path.stat().st_size)


def _read_stream(stream: IO[bytes], origin: str, name: str, options: ReadOptions, *,
                 size: int | None) -> Iterator[Item]:
    """Everything one file (or stdin) holds; a file that holds no record at all is itself a reject."""
    count = 0
    for item in _read_items(stream, origin, name, options, size=size):
        count += 1
        yield item
    if count == 0:
        yield RejectedInput(origin, "empty", "no records in the input")


def _read_items(stream: IO[bytes], origin: str, name: str, options: ReadOptions, *,
                size: int | None) -> Iterator[Item]:
    head = stream.read(2)
    stream = Rewound(head, stream)
    compressed = head == _GZIP_MAGIC
    fmt = options.format if options.format != "auto" else format_from_name(name)
    if fmt == "warc":  # warcio reads gzip members itself
        yield from read_warc(stream, origin, options)
        return
    if compressed:
        counted = Counting(stream)
        stream = RatioGuard(gzip.GzipFile(fileobj=counted, mode="rb"), counted,  # type: ignore[assignment]
                            max_ratio=MAX_COMPRESSION_RATIO, after_bytes=BOMB_CHECK_AFTER_BYTES)
    try:
        if fmt is None:
            peek = stream.read(4096)
            fmt = sniff_format(peek)
            stream = Rewound(peek, stream)
            if fmt == "warc":
                yield from read_warc(stream, origin, options)
                return
        if fmt == "jsonl":
            yield from read_jsonl(stream, origin, options, name=name)
        elif fmt == "csv":
            delimiter = "\t" if name.lower().removesuffix(".gz").endswith(".tsv") else ","
            yield from read_csv(stream, origin, options, delimiter=delimiter, name=name)
        else:
            if size is not None and not compressed and size > options.max_file_bytes:
                yield RejectedInput(origin, "too_large", f"{size:,} bytes (limit {options.max_file_bytes:,})")
                return
            data = stream.read(options.max_file_bytes + 1)
            if len(data) > options.max_file_bytes:
                what = "decompressed size" if compressed else "size"
                yield RejectedInput(origin, "too_large", f"{what} over the limit of {options.max_file_bytes:,} bytes")
                return
            reader = read_html if fmt == "html" else read_text
            yield from reader(data, origin, name, options)
    except CompressionBomb as err:
        yield RejectedInput(origin, "too_large", f"compressed stream inflates too far: {err}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield InputError(origin, "truncated", f"compressed stream is damaged: {err}")
    except OSError as err:
        yield InputError(origin, "unreadable", str(err))
