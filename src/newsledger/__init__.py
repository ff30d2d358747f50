"""newsledger: a ledger of who said what, and who did what to whom, where and when.

Public API::

    import newsledger
    article = newsledger.process(text, pubdate="2015-10-02")
    with newsledger.Ledger("news.duckdb") as ledger:
        report = ledger.ingest(["articles/"])

Nothing happens at import time: the spaCy pipeline loads on first use.
"""

import logging

from typing import TYPE_CHECKING, Any

from .errors import NewsledgerError
from .records import Article, Entity, Event, Quote, Span

if TYPE_CHECKING:
    from .facade import Ledger, process, read_articles

__all__ = [
    "Article",
    "Entity",
    "Event",
    "Ledger",
    "NewsledgerError",
    "Quote",
    "Span",
    "process",
    "read_articles",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {"Ledger", "process", "read_articles"}


def __getattr__(name: str) -> Any:
    # spaCy, DuckDB and trafilatura are slow to import: load them when first asked for, not at import.
    if name in _LAZY:
        from . import facade

        return getattr(facade, name)
    raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
