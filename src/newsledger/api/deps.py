"""Ledger access for requests: many readers on one shared read-only connection, or one writer.

DuckDB lets a process hold a file either read-only or read-write, not both: a write (``POST /api/articles``)
waits for the readers in flight, closes the shared read-only connection, opens a write connection for that
request only, and the next read reopens read-only. Each read runs on its own cursor of the shared
connection (DuckDB cursors are safe to use from separate threads).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from fastapi import Request

from ..errors import StoreError
from ..facade import Ledger
from ..store import LedgerStore

logger = logging.getLogger(__name__)


class LedgerAccess:
    """Readers/writer access to one ledger file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._con: duckdb.DuckDBPyConnection | None = None
        LedgerStore(self.path, read_only=True).close()  # fails now, clearly, if the file is not a ledger

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            store = LedgerStore(self.path, read_only=True)  # raises StoreError / LedgerLockedError
            self._con = store.con
        return self._con

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request's read queries."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            try:
                con = self._connection()
            except Exception:
                self._cond.notify_all()
                raise
            self._readers += 1
        cursor = con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[Ledger]:
        """A write connection for one request; :class:`LedgerLockedError` if another process holds it."""
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
            if self._con is not None:
                self._con.close()
                self._con = None
        try:
            ledger = Ledger(self.path)
            try:
                yield ledger
            finally:
                ledger.close()
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            if self._con is not None:
                self._con.close()
                self._con = None


def access(request: Request) -> LedgerAccess:
    return request.app.state.ledger


def reader(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """FastAPI dependency: a read cursor for the request."""
    ledger: LedgerAccess = request.app.state.ledger
    with ledger.read() as con:
        yield con


def check_exists(path: str | Path) -> None:
    if not Path(path).exists():
        raise StoreError(f"{path}: no ledger here (run 'newsledger ingest' first)")
