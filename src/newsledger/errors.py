"""One error tree for newsledger.

    NewsledgerError
    ├── InputError            a file or record could not be read as an article (reason code in .reason)
    │   └── RejectedInput     readable, but refused: empty, binary, not English, too large, no article text
    ├── StoreError            the ledger database cannot be opened or written
    │   └── LedgerLockedError another process holds the ledger open for writing
    └── UsageError            an invalid option or argument

The CLI turns any NewsledgerError into a one-line message and an exit code; the API (later) into 4xx.
Reasons are short machine-readable codes (``empty``, ``binary``, ``undecodable`` ...) so that rejects can be
counted and filtered; ``docs/reliability.md`` lists them all.
"""

from __future__ import annotations

from .surrogates import escape_surrogates


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""


class InputError(NewsledgerError):
    """An input file or record could not be read.

    ``origin`` names the file (and record, for JSONL/CSV/WARC: ``file.jsonl:17``), ``reason`` is a short
    code, ``detail`` a human sentence.
    """

    def __init__(self, origin: str, reason: str, detail: str) -> None:
        self.origin = escape_surrogates(origin)  # a file name that is not UTF-8 must still be storable
        self.reason = reason
        self.detail = escape_surrogates(detail)
        super().__init__(f"{origin}: {reason}: {detail}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Picklable (worker processes send rejects back): rebuild from the fields, not the message.
        return type(self), (self.origin, self.reason, self.detail)


class RejectedInput(InputError):
    """The input was read but is not an article newsledger can process."""


class StoreError(NewsledgerError):
    """The ledger database cannot be opened, migrated or written."""


class LedgerLockedError(StoreError):
    """Another process has the ledger open for writing (DuckDB allows one writer)."""


class UsageError(NewsledgerError):
    """An option or argument is invalid."""
