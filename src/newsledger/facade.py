"""The Python API: ``process`` one text, ``read_articles`` from files, and the ``Ledger``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .ingest import ReadOptions, iter_documents
from .processing import process_documents, process_text
from .records import Article
from .store import IngestReport, LedgerStore

logger = logging.getLogger(__name__)

DEFAULT_DB = "newsledger.duckdb"


def process(text: str, *, pubdate: str | None = None, url: str | None = None, source: str | None = None,
            title: str | None = None) -> Article:
    """Process one article text without a database and return its :class:`Article` record."""
    return process_text(text, pubdate=pubdate, url=url, source=source, title=title)


def _override(item: Any, options: ReadOptions) -> Any:
    """Command-line metadata (``--pubdate``, ``--source``, ``--url``) wins over what the input says."""
    if not isinstance(item, InputError):
        if options.pubdate:
            item.pubdate = options.pubdate
        if options.source:
            item.source = options.source
        if options.url:
            item.url = options.url
    return item


def read_articles(paths: Iterable[str], *, options: ReadOptions | None = None, stdin: IO[bytes] | None = None,
                  batch_size: int = 32, workers: int = 1) -> Iterator[Article | InputError]:
    """Process files/directories (``-`` is stdin): one :class:`Article` or :class:`InputError` per input.
    ``workers`` > 1 parses in that many local processes (same results, same order)."""
    options = options or ReadOptions()
    items = (_override(item, options) for item in iter_documents(paths, options, stdin=stdin))
    if workers > 1:
        from .batch.pool import process_parallel

        return process_parallel(items, workers=workers, batch_size=batch_size)
    return process_documents(items, batch_size=batch_size)


class Ledger:
    """A ledger file: ingest articles, read them back.

    >>> with Ledger("news.duckdb") as ledger:
    ...     report = ledger.ingest(["articles/"])
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.store = LedgerStore(path, read_only=read_only)

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def ingest(self, paths: Iterable[str], *, options: ReadOptions | None = None, stdin: IO[bytes] | None = None,
               on_item: Callable[[Article | InputError, str], None] | None = None,
               workers: int = 1) -> IngestReport:
        """Read, process and store. Bad inputs are recorded as rejects; the rest goes on. ``workers`` > 1
        parses in that many processes while this one process writes the ledger."""
        paths = list(paths)
        return self.ingest_articles(read_articles(paths, options=options, stdin=stdin, workers=workers),
                                    inputs=paths, on_item=on_item)

    def ingest_articles(self, items: Iterable[Article | InputError], *, inputs: list[str] | None = None,
                        on_item: Callable[[Article | InputError, str], None] | None = None,
                        group_size: int = 32) -> IngestReport:
        """Store articles in groups of ``group_size`` whole articles per transaction (DuckDB pays per
        statement: a group costs about what one article does), and record rejects."""
        report = IngestReport()
        run_id = self.store.start_run(inputs or [])
        pending: list[Article] = []

        def flush() -> None:
            for article, is_new in zip(pending, self.store.write_articles(pending)):
                if is_new:
                    report.ingested += 1
                    report.article_ids.append(article.id)
                else:
                    report.duplicates += 1
                if on_item is not None:
                    on_item(article, "ingested" if is_new else "duplicate")
            pending.clear()

        for item in items:
            if isinstance(item, InputError):
                self.store.record_reject(item)
                report.rejected += 1
                report.rejects.append(item)
                if on_item is not None:
                    on_item(item, "rejected")
                continue
            pending.append(item)
            if len(pending) >= group_size:
                flush()
        flush()
        self.store.finish_run(run_id, report)
        logger.info("%s", report.summary())
        return report

    def article(self, key: str, *, offsets: str = "clean") -> dict[str, Any] | None:
        """The export object of one article, found by id, id prefix, URL or input id."""
        article_id = self.store.find_article_id(key)
        return None if article_id is None else self.store.export_article(article_id, offsets=offsets)

    def export(self, *, offsets: str = "clean") -> Iterator[dict[str, Any]]:
        return self.store.iter_export(offsets=offsets)

    def stats(self) -> dict[str, Any]:
        return self.store.stats()

    # -- the ledger across articles (issue 5) -------------------------------------------------------------
    def events(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Ledger events, most-reported first, each with its reports (article, source, status, copy or not)."""
        from .cluster.queries import ledger_events

        return ledger_events(self.store.con, limit=limit)

    def speakers(self, name: str | None = None) -> list[dict[str, Any]]:
        """Who said what across articles, by date: one row per quote, with the speaker's ledger entity."""
        from .cluster.queries import speaker_quotes

        return speaker_quotes(self.store.con, name)

    def disputes(self) -> Iterator[dict[str, Any]]:
        """Dispute records ``{"id", "ledger_event_id", "kind", "sides": [...]}`` (docs/ledger.md)."""
        from .cluster.queries import disputes

        return iter(disputes(self.store.con))

    def resolve_entity(self, name: str) -> str | None:
        """The ledger entity id a name resolves to (by the linking keys), or None."""
        from .cluster.entities import resolve_name

        return resolve_name(self.store.con, name)

    def entity(self, ledger_entity_id: str) -> dict[str, Any] | None:
        """One ledger entity: name, kind, variants, roles over time, and its links with their reasons."""
        from .cluster.queries import ledger_entity

        return ledger_entity(self.store.con, ledger_entity_id)

    def relink(self) -> dict[str, int]:
        """Rebuild near-duplicates, ledger entities, ledger events and disputes from the stored articles."""
        from .cluster.link import relink

        return relink(self.store)
