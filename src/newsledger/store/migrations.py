"""Versioned schema: ordered migrations, each applied once in a transaction and recorded."""

from __future__ import annotations

import datetime as dt
import logging
from importlib import resources

logger = logging.getLogger(__name__)

# (version, name, SQL source). Append only: a released migration is never edited.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial ledger schema", "schema_v1.sql"),
    (2, "ledger across articles: near-duplicates, entities, events, disputes", "schema_v2.sql"),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _sql(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def applied_versions(con) -> set[int]:  # type: ignore[no-untyped-def]
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP)")
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con) -> list[int]:  # type: ignore[no-untyped-def]
    """Apply every missing migration; returns the versions applied now."""
    done = applied_versions(con)
    if done and max(done) > SCHEMA_VERSION:
        from ..errors import StoreError

        raise StoreError(f"ledger schema version {max(done)} is newer than this newsledger "
                         f"({SCHEMA_VERSION}); upgrade newsledger")
    applied = []
    for version, name, source in MIGRATIONS:
        if version in done:
            continue
        con.begin()
        try:
            for statement in _sql(source).split(";"):
                if statement.strip() and not all(line.strip().startswith("--") or not line.strip()
                                                 for line in statement.splitlines()):
                    con.execute(statement)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [version, name, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)])
            con.commit()
        except Exception:
            con.rollback()
            raise
        logger.info("applied ledger migration %d (%s)", version, name)
        applied.append(version)
    return applied
