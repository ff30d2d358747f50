"""Split inputs into partitions: the units a batch run processes, writes and records as done.

A partition is a small frozen descriptor (it pickles in a few hundred bytes), never the data itself:

- ``files``: up to K whole files (text, HTML, small inputs; a file of at most K records), read exactly as
  ``newsledger ingest`` reads them;
- ``jsonl``: a range of lines of an uncompressed JSONL file, by byte offsets found in one planning scan, so
  each worker seeks straight to its range;
- ``warc``: a range of K response records of a WARC file (plain or gzip per record), from the offset of its
  first record;
- ``records``: records K*i .. K*(i+1) of a compressed JSONL or a CSV file (neither can seek to a record:
  the worker reads from the start and skips, which costs little next to the parse).

The last partition of a file always runs to the end of the file, so anything the planning scan could not
read (a truncated gzip, a damaged WARC) is read, and rejected with its reason, by that partition.

Partition ids are content-derived (path, size, modification time, kind and range): the same inputs with
the same ``--partition-size`` give the same ids, which is what lets a re-run resume from the manifest.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import InputError, UsageError
from ..ingest import ReadOptions
from ..ingest.formats import Item, read_jsonl, read_warc
from ..ingest.reader import _read_file, format_from_name, sniff_format
from ..records import content_id

logger = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 500
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Partition:
    """What one task reads. ``origin`` is the path as given (it names records, as in ``ingest``);
    ``path`` is where a worker opens it."""

    id: str
    seq: int
    kind: str  # files | jsonl | warc | records
    origin: str = ""
    path: str = ""
    start: int = 0  # byte offset (jsonl, warc) or record index (records)
    stop: int | None = None  # byte offset (jsonl) or record index (records); None: to the end of the file
    first: int = 1  # first line number (jsonl) or response records before ``start`` (warc)
    count: int | None = None  # response records (warc); None: to the end
    files: tuple[tuple[str, str], ...] = field(default=())  # (origin, path) of each file (files)

    def describe(self) -> str:
        if self.kind == "files":
            return self.files[0][0] if len(self.files) == 1 else f"{self.files[0][0]} (+{len(self.files) - 1} files)"
        if self.kind == "jsonl":
            return f"{self.origin}:{self.first}-"
        return f"{self.origin}#{self.first if self.kind == 'warc' else self.start}-"


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, Path]]:
    """Files in the order ``iter_documents`` reads them (directories walked, sorted, hidden skipped)."""
    for path in paths:
        if path == "-":
            raise UsageError("batch reads files, not stdin: give PATHs")
        p = Path(path)
        if p.is_dir():
            for f in sorted(f for f in p.rglob("*") if f.is_file() and not
                            any(part.startswith(".") for part in f.relative_to(p).parts)):
                yield str(f), f
        else:
            yield str(p), p  # a missing file becomes a 'not_found' reject when its partition runs


def _format(path: Path, options: ReadOptions) -> tuple[str | None, bool]:
    """(format, gzip-compressed) of a file, as the reader would detect it."""
    with open(path, "rb") as fh:
        head = fh.read(2)
    compressed = head == _GZIP_MAGIC
    fmt = options.format if options.format != "auto" else format_from_name(path.name)
    if fmt is None:
        opener = gzip.open if compressed else open
        try:
            with opener(path, "rb") as fh:  # type: ignore[operator]
                fmt = sniff_format(fh.read(4096))
        except (OSError, EOFError, zlib.error):
            fmt = None
    return fmt, compressed


def _lines_of(fh) -> Iterator[tuple[int, bool]]:  # type: ignore[no-untyped-def]
    """(length in bytes, blank) of every line, reading at most 1 MB at a time (a huge line is not loaded)."""
    length, blank = 0, True
    while piece := fh.readline(1 << 20):
        length += len(piece)
        blank = blank and not piece.strip()
        if piece.endswith(b"\n"):
            yield length, blank
            length, blank = 0, True
    if length:
        yield length, blank


def _jsonl_ranges(path: Path, size: int) -> Iterator[tuple[int, int | None, int]]:
    """(start byte, stop byte, first line) of every ``size`` non-blank lines of an uncompressed JSONL."""
    start, first, pos, records = 0, 1, 0, 0
    with open(path, "rb") as fh:
        for lineno, (length, blank) in enumerate(_lines_of(fh), start=1):
            if not blank:
                if records == size:
                    yield start, pos, first
                    start, first, records = pos, lineno, 0
                records += 1
            pos += length
    yield start, None, first


def _warc_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int | None]]:
    """(offset, response records before it, count) of every ``size`` response records of a WARC."""
    from warcio.archiveiterator import ArchiveIterator

    starts: list[int] = []
    n = 0
    try:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh, arc2warc=True)
            for record in records:
                if record.rec_type == "response":
                    if n % size == 0:
                        starts.append(records.get_record_offset())
                    n += 1
    except Exception as err:  # damaged: the last partition reads (and rejects) the rest
        logger.info("%s: planning stopped after %d records: %s", path, n, err)
    if not starts:
        starts = [0]
    for i, offset in enumerate(starts):
        yield offset, i * size, size if i < len(starts) - 1 else None


def _count_records(path: Path, options: ReadOptions) -> int:
    """Records (articles or rejects) the reader yields for a file that cannot seek to a record."""
    return sum(1 for _ in _read_file(path, options))


def plan_partitions(paths: Iterable[str], *, options: ReadOptions | None = None,
                    partition_size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """The partitions of ``paths``, in input order, each of at most ``partition_size`` records."""
    if partition_size < 1:
        raise UsageError("--partition-size must be at least 1")
    options = options or ReadOptions()
    parts: list[Partition] = []
    small: list[tuple[str, str]] = []

    def add(kind: str, origin: str, path: Path, **kw: object) -> None:
        flush()
        stat = path.stat()
        pid = content_id("p_", kind, path.resolve(), stat.st_size, stat.st_mtime_ns, sorted(kw.items()))
        parts.append(Partition(id=pid, seq=len(parts), kind=kind, origin=origin, path=str(path.resolve()),
                               **kw))  # type: ignore[arg-type]

    def flush() -> None:
        if small:
            keys = []
            for origin, path in small:
                p = Path(path)
                stat = p.stat() if p.is_file() else None
                keys.append((path, stat.st_size if stat else None, stat.st_mtime_ns if stat else None))
            parts.append(Partition(id=content_id("p_", "files", keys), seq=len(parts), kind="files",
                                   files=tuple(small)))
            small.clear()

    for origin, path in _expand(paths):
        if not path.is_file():
            small.append((origin, str(path)))
        else:
            fmt, compressed = _format(path, options)
            ranges: list[dict[str, object]] = []
            kind = "files"
            if fmt == "jsonl" and not compressed:
                kind = "jsonl"
                ranges = [{"start": a, "stop": b, "first": f} for a, b, f in _jsonl_ranges(path, partition_size)]
            elif fmt == "warc":
                kind = "warc"
                ranges = [{"start": a, "first": f, "count": c} for a, f, c in _warc_ranges(path, partition_size)]
            elif fmt in ("jsonl", "csv"):
                kind = "records"
                n = _count_records(path, options)
                ranges = [{"start": i, "stop": i + partition_size if i + partition_size < n else None}
                          for i in range(0, max(n, 1), partition_size)]
            if len(ranges) > 1:
                for r in ranges:
                    add(kind, origin, path, **r)
            else:
                small.append((origin, str(path.resolve())))
        if len(small) >= partition_size:
            flush()
    flush()
    logger.info("planned %d partitions of up to %d records", len(parts), partition_size)
    return parts


def read_partition(part: Partition, options: ReadOptions) -> Iterator[Item]:
    """Every record (article or input error) of one partition, in order, as ``iter_documents`` would
    read it from the whole input."""
    if part.kind == "files":
        for origin, path in part.files:
            if not Path(path).exists():
                yield InputError(origin, "not_found", "no such file or directory")
                continue
            for item in _read_file(Path(path), options):
                _rename_origin(item, path, origin)
                yield item
        return
    path = Path(part.path)
    if part.kind == "records":
        for item in islice(_read_file(path, options), part.start, part.stop):
            _rename_origin(item, str(path), part.origin)
            yield item
        return
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield InputError(part.origin, "unreadable", err.strerror or str(err))
        return
    with handle:
        handle.seek(part.start)
        if part.kind == "jsonl":
            yield from read_jsonl(_Window(handle, part.stop), part.origin, options,
                                  name=Path(part.origin).name, first_line=part.first)
        elif part.kind == "warc":
            yield from islice(read_warc(handle, part.origin, options, first_index=part.first), part.count)
        else:
            raise ValueError(f"unknown partition kind {part.kind!r}")


class _Window:
    """A file read up to byte ``stop`` (a line start), by ``readline`` only: what ``read_jsonl`` reads
    with its bounded line reader."""

    def __init__(self, handle, stop: int | None) -> None:  # type: ignore[no-untyped-def]
        self._handle = handle
        self._stop = stop

    def readline(self, size: int = -1) -> bytes:
        if self._stop is not None and self._handle.tell() >= self._stop:
            return b""
        return self._handle.readline(size)


def _rename_origin(item: Item, path: str, origin: str) -> None:
    """Records read from the resolved path keep the origin the user gave (``ingest`` names them so)."""
    if path != origin and item.origin.startswith(path):
        item.origin = origin + item.origin[len(path):]
