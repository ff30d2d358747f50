"""Storage: the ledger in embedded DuckDB."""

from .ledger import IngestReport, LedgerStore

__all__ = ["IngestReport", "LedgerStore"]
