"""Ledger scale: the cost of adding one real article to a ledger of 10k and of 100k generated articles, and
the size of the near-duplicate (MinHash + LSH) tables per 100k articles.

The generated articles are cheap synthetic :class:`~newsledger.records.Article` records (no spaCy): about
150 random words each, 3 events (a PLOVER category, one of 400 towns spread over the world, a date in
2015-2025) and 3 named people. They are written through ``LedgerStore`` in bulk groups without linking,
then linked in bulk: dedup and entities through the real steps (``link_stories``, ``link_entities``), each
report as its own ledger event (``event_links`` rows built by ``report_of``, as linking would write them).

The real articles are 5 articles of tests/data/ledger, parsed once before timing. Each is added with
``LedgerStore.write_articles([article])`` (one transaction, linking included) to a copy of each ledger;
the median and the range are reported. Flat means the time does not grow with the ledger.

LSH size: the ``minhash`` and ``lsh_buckets`` tables (with their indexes) copied into a fresh DuckDB file,
checkpointed; its size per 100k articles, and the raw payload (512-byte signature, 32 bucket rows).

Writes bench/out/ledger_scale.json. ``--sizes 2000,5000`` for a quick run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "ledger" / "articles.jsonl"
REAL = ("L01", "L05", "L12", "L16", "L20")
CATEGORIES = ("ASSAULT", "COERCE", "PROTEST", "AGREE", "SUPPORT", "ACCUSE", "CONSULT", "OTHER")
GROUP = 2000


def synthetic(n: int, start: int, rng: random.Random, vocab: list[str], towns: list[tuple[str, float, float]]):
    from newsledger.clean.offsets import OffsetMap
    from newsledger.records import Actor, Article, DateRef, Entity, Event, Place, Span, content_id

    out = []
    for i in range(start, start + n):
        people = [f"{rng.choice(vocab).title()} {rng.choice(vocab).title()}{i % 97}" for _ in range(3)]
        words = [rng.choice(vocab) for _ in range(150)]
        text = " ".join(words[:50]) + f" {people[0]} said. " + " ".join(words[50:100]) + f" {people[1]} and " \
            + f"{people[2]} met. " + " ".join(words[100:]) + "."
        aid = content_id("a_", "synthetic", i)
        entities, events = [], []
        for name in people:
            s = text.index(name)
            entities.append(Entity(id=content_id("e_", aid, name), name=name, kind="person", aliases=(), role=None,
                                   country=None, geo=None, mentions=(Span.of(text, s, s + len(name)),)))
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        for k in range(3):
            town, lat, lon = rng.choice(towns)
            s = 10 * k
            span = Span.of(text, s, s + 30)
            events.append(Event(id=content_id("v_", aid, k), category=rng.choice(CATEGORIES), mode=None,
                                trigger=Span.of(text, s, s + 4), actor=Actor(people[k], "person"), target=None,
                                place=Place(town, 10 ** 6 + towns.index((town, lat, lon)), lat, lon, "XXX", None,
                                            "city"),
                                date=DateRef(day.isoformat()), quantities=(), status="reported", claimed_by=None,
                                evidence=span, reason="synthetic"))
        out.append(Article(id=aid, input_id=None, url=None, source=f"s{i % 300}.example", title=None,
                           pubdate=(day + dt.timedelta(days=1)).isoformat(), text=text, events=tuple(events),
                           entities=tuple(entities), raw_text=text, offset_map=OffsetMap.identity(len(text))))
    return out


def grow(store, n: int, start: int, rng: random.Random, vocab, towns) -> float:
    """Add ``n`` generated articles (written, then linked in bulk); returns seconds."""
    from newsledger.cluster.dedup import link_stories
    from newsledger.cluster.entities import link_entities
    from newsledger.cluster.events import _LINK_COLUMNS, _link_row, main_place, report_of
    from newsledger.records import content_id
    from newsledger.store.bulk import insert_rows

    t = time.perf_counter()
    con = store.con
    for g in range(start, start + n, GROUP):
        articles = synthetic(min(GROUP, start + n - g), g, rng, vocab, towns)
        store.write_articles(articles)
        con.begin()
        seq = con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
        link_stories(con, articles, first_seq=seq)
        link_entities(con, articles)
        links, ledger_events = [], []
        for a in articles:
            fallback = main_place(a)
            for e in a.events:
                r = report_of(e, a, fallback)
                lid = content_id("lv_", e.id)
                ledger_events.append([lid, e.category, e.place.name, r.lat, r.lon, r.date_value, e.id])
                links.append(_link_row(r, lid, False, None, "new"))
        insert_rows(con, "ledger_events", ["id", "category", "place", "lat", "lon", "date_value", "first_event"],
                    ledger_events)
        insert_rows(con, "event_links", _LINK_COLUMNS, links)
        con.commit()
        print(f"  {g + len(articles):,} articles, {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    return time.perf_counter() - t


def add_real(db: Path, real, workdir: Path) -> list[float]:
    from newsledger.store.ledger import LedgerStore

    copy = workdir / "copy.duckdb"
    shutil.copy(db, copy)
    times = []
    with LedgerStore(copy) as store:
        store.query("SELECT count(*) FROM event_links")  # open and warm
        for article in real:
            t = time.perf_counter()
            store.write_articles([article])
            times.append((time.perf_counter() - t) * 1000)
    copy.unlink()
    return times


def lsh_size(db: Path, workdir: Path, n: int) -> dict[str, float]:
    import duckdb

    out = workdir / "lsh.duckdb"
    con = duckdb.connect(str(out))
    con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    con.execute("CREATE TABLE minhash AS SELECT * FROM src.minhash")
    con.execute("CREATE TABLE lsh_buckets AS SELECT * FROM src.lsh_buckets")
    con.execute("CREATE INDEX minhash_article ON minhash (article_id)")
    con.execute("CREATE INDEX lsh_band_bucket ON lsh_buckets (band, bucket)")
    con.execute("CREATE INDEX lsh_bucket ON lsh_buckets (bucket)")
    rows = con.execute("SELECT count(*) FROM lsh_buckets").fetchall()[0][0]
    id_len = con.execute("SELECT avg(length(article_id)) FROM minhash").fetchall()[0][0]
    con.execute("DETACH src")
    con.execute("CHECKPOINT")
    con.close()
    size = out.stat().st_size
    out.unlink()
    raw = 512 + id_len + rows / n * (2 + 8 + id_len)
    return {"articles": n, "bucket_rows": rows, "file_mb": round(size / 1e6, 1),
            "file_mb_per_100k": round(size / 1e6 * 100_000 / n, 1), "file_bytes_per_article": round(size / n),
            "raw_bytes_per_article": round(raw)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="ledger sizes, ascending, comma-separated")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "ledger_scale.json"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from newsledger.facade import read_articles
    from newsledger.store.ledger import LedgerStore

    rng = random.Random(20240305)
    vocab = sorted({w.lower() for line in CORPUS.read_text(encoding="utf-8").splitlines()
                    for w in json.loads(line)["text"].split() if w.isalpha() and len(w) > 3})
    towns = [(f"Town{i}", rng.uniform(-50, 60), rng.uniform(-120, 140)) for i in range(400)]
    wanted = {json.loads(line)["id"]: json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()}
    t = time.perf_counter()
    real = [a for a in read_articles([str(CORPUS)]) if hasattr(a, "text") and a.input_id in REAL]
    print(f"parsed {len(real)} real articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    assert len(real) == len(REAL) and set(wanted) >= set(REAL)

    result = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "real_articles": list(REAL), "sizes": []}
    with tempfile.TemporaryDirectory(prefix="newsledger-scale-") as tmp:
        work = Path(tmp)
        db = work / "ledger.duckdb"
        have = 0
        with LedgerStore(db) as store:
            pass
        for size in sizes:
            with LedgerStore(db, link=False) as store:
                seconds = grow(store, size - have, have, rng, vocab, towns)
            have = size
            times = add_real(db, real, work)
            row = {"articles": size, "build_s": round(seconds, 1), "add_ms": [round(x, 1) for x in times],
                   "add_ms_median": round(statistics.median(times), 1), "db_mb": round(db.stat().st_size / 1e6, 1)}
            if size == sizes[-1]:
                row["lsh"] = lsh_size(db, work, size)
            result["sizes"].append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
