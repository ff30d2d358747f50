"""What a reader yields, and the options every reader shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..surrogates import escape_surrogates, replace_surrogates

FORMATS = ("auto", "text", "html", "jsonl", "csv", "warc")

# News articles are never this long; a longer "article" is a dump or an accident, refused with a reason.
DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class ReadOptions:
    format: str = "auto"
    pubdate: str | None = None
    source: str | None = None
    url: str | None = None
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "pubdate"
    title_field: str = "title"
    url_field: str = "url"
    source_field: str = "source"
    max_chars: int = DEFAULT_MAX_CHARS
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    def __post_init__(self) -> None:
        from ..errors import UsageError

        if self.format not in FORMATS:
            raise UsageError(f"unknown format {self.format!r}; choose from {', '.join(FORMATS)}")
        if self.pubdate is not None and normalize_pubdate(self.pubdate)[0] != self.pubdate:
            raise UsageError(f"pubdate {self.pubdate!r} is not a YYYY-MM-DD date")
        if self.max_chars < 1 or self.max_file_bytes < 1:
            raise UsageError("size limits must be positive")
        for name in ("source", "url"):  # they override what a document says, after it was made storable
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, replace_surrogates(value)[0])


@dataclass
class RawDocument:
    """One article as read, before cleaning.

    ``raw_text`` is the text that ``--offsets input`` spans refer to: the file's text, the JSONL/CSV text
    field exactly as given (a lone surrogate, which no UTF-8 store can hold, becomes U+FFFD, one for one), or
    for HTML the extractor's main text. ``raw`` is the original input (the HTML
    source for HTML and WARC) and is stored alongside.
    """

    origin: str
    input_id: str | None
    raw_text: str
    input_format: str
    raw: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    pubdate: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Storable whatever the input held (see ``surrogates.py``): text keeps its length, names get escapes.
        replaced = 0
        for name in ("raw_text", "raw", "title", "source", "url", "author"):
            value = getattr(self, name)
            if value is not None:
                value, count = replace_surrogates(value)
                setattr(self, name, value)
                replaced += count if name != "raw" else 0  # raw holds raw_text again (text, JSONL, CSV)
        self.origin = escape_surrogates(self.origin)
        if self.input_id is not None:
            self.input_id = escape_surrogates(self.input_id)
        if replaced:
            self.warnings.append(f"surrogates_replaced: {replaced}")


_DATE_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalize_pubdate(value: object) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, None)`` for an ISO date or datetime; ``(None, warning)`` for anything else."""
    if value is None or value == "":
        return None, None
    match = _DATE_PREFIX.match(str(value))
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat(), None
        except ValueError:
            pass
    return None, f"pubdate_unparsed: {str(value)[:40]!r} is not an ISO date; left unknown"
