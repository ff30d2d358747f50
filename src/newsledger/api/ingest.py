"""``POST /api/articles``: a size-limited JSON body → the library's pipeline → the ledger."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from typing import Any

from fastapi import Request
from pydantic import ValidationError

from ..errors import InputError
from ..ingest.document import ReadOptions, normalize_pubdate
from ..ingest.formats import read_html, split_title
from ..processing import process_documents, process_text
from ..records import Article
from .deps import LedgerAccess
from .errors import ApiError, _plain_details
from .schemas import MAX_BODY_BYTES, MAX_TEXT_CHARS, IngestRequest

logger = logging.getLogger(__name__)


class PostRateLimit:
    """At most ``per_minute`` ingests per client address in any 60 s (each runs the whole pipeline), so one
    client cannot keep the parser and the ledger's write lock busy; more get 429 ``rate_limited``."""

    WINDOW_S = 60.0

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:  # forget idle clients (bounded memory)
                self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] < self.WINDOW_S}
            times = self._seen.setdefault(client, deque())
            while times and now - times[0] >= self.WINDOW_S:
                times.popleft()
            if len(times) >= self.per_minute:
                wait = self.WINDOW_S - (now - times[0])
                raise ApiError(429, f"more than {self.per_minute} articles posted in a minute: try again in "
                                    f"{wait:.0f} s", code="rate_limited")
            times.append(now)


async def read_body(request: Request) -> IngestRequest:
    """The request body, refused before it is read when too large (413), not JSON (415/422) or invalid (422)."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        # Also a CSRF guard: a cross-site form cannot send application/json without a CORS preflight.
        raise ApiError(415, "send the article as JSON (Content-Type: application/json)")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        raise ApiError(413, f"request body over {MAX_BODY_BYTES:,} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise ApiError(413, f"request body over {MAX_BODY_BYTES:,} bytes")
        chunks.append(chunk)
    try:
        payload = json.loads(b"".join(chunks))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ApiError(422, f"body is not valid JSON: {err}"[:200]) from None
    if not isinstance(payload, dict):
        raise ApiError(422, "body must be a JSON object")
    try:
        body = IngestRequest.model_validate(payload)
    except ValidationError as err:
        details = _plain_details(err.errors())
        where = ".".join(details[0]["loc"]) or "body"
        raise ApiError(422, f"{where}: {details[0]['msg']}", details=details) from None
    if (body.text is None) == (body.html is None):
        raise ApiError(422, "give exactly one of 'text' or 'html'")
    if body.pubdate is not None and normalize_pubdate(body.pubdate)[0] is None:
        raise ApiError(422, f"pubdate: {body.pubdate!r} is not a calendar date")
    return body


def _article(body: IngestRequest) -> Article:
    if body.text is not None:
        return process_text(body.text, pubdate=body.pubdate, url=body.url, source=body.source,
                            title=body.title or split_title(body.text))
    options = ReadOptions(max_chars=MAX_TEXT_CHARS)
    item = next(read_html(body.html or "", "<post>", "<post>", options, url=body.url))
    if not isinstance(item, InputError):
        item.title = body.title or item.title
        item.source = body.source or item.source
        item.pubdate = body.pubdate or item.pubdate
    result = next(process_documents([item], batch_size=1))
    if isinstance(result, InputError):
        raise result
    return result


def ingest(ledger: LedgerAccess, body: IngestRequest) -> dict[str, Any]:
    """Process (outside the write lock: parsing is the slow part), then store in one transaction."""
    article = _article(body)
    with ledger.write() as writer:
        report = writer.ingest_articles([article], inputs=["<api>"])
    logger.info("api ingest %s (%s)", article.id, "duplicate" if report.duplicates else "new")
    return {"ok": True, "id": article.id, "duplicate": bool(report.duplicates), "title": article.title,
            "quotes": len(article.quotes), "events": len(article.events), "warnings": list(article.warnings)}
