"""Test-only: an ingest that SIGKILLs itself at the instant it commits a chosen group of articles.

    python -m tests.store.commit_kill DB CORPUS --at 3 --when during --fraction 0.5 [--checkpoint]

Articles are written in groups of ``--group-size``, one transaction each (``Ledger.ingest_articles``). Only
commits that store new articles count (a resumed run first re-commits the groups it already holds, which
only note a sighting). At the ``--at``-th one the process kills itself: ``before`` calling commit, ``after``
it returned, or ``during`` it, from a thread that fires ``--fraction`` of the way through the time the
earlier ones took (DuckDB lets go of the GIL while it commits, so the thread does fire inside the commit).
``--checkpoint`` makes every commit also checkpoint the WAL into the database file, the other write a commit
can do.

It prints, flushed, what the test needs: ``group N ID...`` before each counted write, ``commit N start``,
``commit N end MS`` once it has returned, and ``ingested ID`` for each article reported as stored.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from newsledger import Ledger, read_articles


def say(*parts: object) -> None:
    print(*parts, flush=True)


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class CommitKiller:
    """Stands in for the store's DuckDB connection; all but ``commit`` goes straight to it."""

    def __init__(self, con: Any, *, at: int, when: str, fraction: float) -> None:
        self._con, self.at, self.when, self.fraction = con, at, when, fraction
        self.count = 0
        self.durations: list[float] = []
        self.fresh = False  # set before each write: does this group store new articles?

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def commit(self) -> Any:
        if not self.fresh:
            return self._con.commit()
        self.count += 1
        n = self.count
        say("commit", n, "start")
        if n == self.at and self.when == "before":
            die()
        if n == self.at and self.when == "during":
            delay = self.fraction * statistics.median(self.durations)
            threading.Thread(target=lambda: (time.sleep(delay), die()), daemon=True).start()
        started = time.perf_counter()
        result = self._con.commit()
        self.durations.append(time.perf_counter() - started)
        if n == self.at and self.when == "after":
            die()
        say("commit", n, "end", f"{self.durations[-1] * 1000:.2f}")
        if n == self.at:  # "during", and the commit ended before the thread fired: wait for it
            time.sleep(60)
        return result


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("corpus")
    parser.add_argument("--at", type=int, required=True)
    parser.add_argument("--when", choices=["before", "during", "after"], required=True)
    parser.add_argument("--fraction", type=float, default=0.5)
    parser.add_argument("--checkpoint", action="store_true")
    parser.add_argument("--group-size", type=int, default=4)
    args = parser.parse_args(argv)

    with Ledger(args.db) as ledger:
        store = ledger.store
        if args.checkpoint:
            store.con.execute("SET checkpoint_threshold = '1B'")  # every commit checkpoints
        killer = CommitKiller(store.con, at=args.at, when=args.when, fraction=args.fraction)
        store.con = killer
        write = store.write_articles

        def write_articles(articles):  # type: ignore[no-untyped-def]
            killer.fresh = not all(store.has_article(a.id) for a in articles)
            if killer.fresh:
                say("group", killer.count + 1, *(a.id for a in articles))
            return write(articles)

        store.write_articles = write_articles  # type: ignore[method-assign]

        def on_item(item: Any, outcome: str) -> None:
            if outcome == "ingested":
                say("ingested", item.id)

        ledger.ingest_articles(read_articles([args.corpus]), inputs=[args.corpus], on_item=on_item,
                               group_size=args.group_size)
    say("finished")


if __name__ == "__main__":
    main(sys.argv[1:])
