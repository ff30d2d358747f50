"""Bounded load test of the REST API on loopback: N concurrent keep-alive clients for D seconds against
quotes and events queries, on a generated ledger of 10k articles. Reports throughput and p50/p90/p99.

The ledger is the demo corpus plus one article with geocoded events, processed once, then copied in SQL
(new ids, publication dates spread over a year) up to ``--articles``. The server is ``newsledger serve``
on 127.0.0.1 (never another interface) in a child process, stopped at the end. Writes
bench/out/api_load.json.

    .venv/bin/python bench/api_load.py [--clients 50] [--seconds 20] [--articles 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only
MAX_SECONDS, MAX_CLIENTS = 120, 200

GEO_TEXT = (
    "Syrian army shells rebel positions near Hama\n"
    "BEIRUT — Syrian army artillery shelled rebel positions near the city of Hama in western Syria on Thursday, "
    "killing six fighters, the Syrian Observatory for Human Rights said.\n"
    "\"The shelling lasted for most of the night,\" said Rami Abdulrahman, the head of the monitoring group.\n"
    "Rebel commanders said government aircraft also bombed a village north of Aleppo, but the army denied it.\n")

# (name, path template); {o} is a random offset, {d} a random month of the generated year.
QUERIES = [
    ("quotes?speaker", "/api/quotes?speaker=Dana%20Orlesk&limit=20&offset={o}"),
    ("quotes?q", "/api/quotes?q=market&limit=20&offset={o}"),
    ("quotes?source+dates", "/api/quotes?source=Meridian%20Dispatch&date_from=2025-{d}-01&date_to=2025-{d}-28&limit=50"),
    ("events?category", "/api/events?category=ASSAULT&limit=50&offset={o}"),
    ("events?status+dates", "/api/events?status=claimed&date_from=2025-{d}-01&date_to=2025-{d}-28&limit=50"),
    ("events?geojson", "/api/events?format=geojson&country=SYR&limit=500"),
]


def build_ledger(path: Path, articles: int) -> dict[str, int]:
    from newsledger import Ledger, process
    from newsledger.cli import demo_corpus_path

    with Ledger(path) as ledger:
        ledger.ingest([demo_corpus_path()])
        ledger.ingest_articles([process(GEO_TEXT, pubdate="2015-10-02", source="Bench Wire")])
    con = duckdb.connect(str(path))
    try:
        base = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        copies = max(1, -(-articles // base))
        suffix = "'_' || r.i"
        con.execute(f"INSERT INTO articles SELECT a.* REPLACE (a.id || {suffix} AS id, "
                    f"a.input_id || {suffix} AS input_id, a.text || ' #' || r.i AS text, "
                    "CAST(DATE '2025-01-01' + CAST(r.i % 365 AS INTEGER) AS DATE) AS pubdate) "
                    "FROM articles a, range(1, ?) r(i)", [copies])
        for table in ("quotes", "events", "entities"):
            con.execute(f"INSERT INTO {table} SELECT t.* REPLACE (t.id || {suffix} AS id, "
                        f"t.article_id || {suffix} AS article_id) FROM {table} t, range(1, ?) r(i)", [copies])
        con.execute("UPDATE events SET date_value = strftime(DATE '2025-01-01' + CAST(hash(id) % 365 AS INTEGER), "
                    "'%Y-%m-%d') WHERE date_value IS NOT NULL AND contains(id, '_')")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "quotes", "events")}
    finally:
        con.close()
    return counts


async def client(port: int, deadline: float, results: list[tuple[str, float, int]], rng: random.Random) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while time.perf_counter() < deadline:
            name, template = rng.choice(QUERIES)
            path = template.format(o=rng.randrange(0, 2000, 20), d=f"{rng.randint(1, 12):02d}")
            start = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: application/json\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            results.append((name, time.perf_counter() - start, status))
    finally:
        writer.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summarize(rows: list[tuple[str, float, int]], seconds: float) -> dict[str, object]:
    def stats(sel: list[tuple[str, float, int]]) -> dict[str, float]:
        ms = [r[1] * 1000 for r in sel]
        return {"requests": len(sel), "per_s": round(len(sel) / seconds, 1), "p50_ms": round(percentile(ms, .5), 1),
                "p90_ms": round(percentile(ms, .9), 1), "p99_ms": round(percentile(ms, .99), 1),
                "errors": sum(1 for r in sel if r[2] != 200)}

    return {"all": stats(rows), **{name: stats([r for r in rows if r[0] == name]) for name, _ in QUERIES}}


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/api/facets", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "api_load.json"))
    args = parser.parse_args()
    clients, seconds = min(args.clients, MAX_CLIENTS), min(args.seconds, MAX_SECONDS)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        t = time.perf_counter()
        counts = build_ledger(db, args.articles)
        print(f"ledger: {counts} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        proc = subprocess.Popen([sys.executable, "-m", "newsledger", "serve", "--db", str(db), "--host", HOST,
                                 "--port", str(port), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)
        try:
            wait_ready(port, proc)
            rows: list[tuple[str, float, int]] = []
            rng = random.Random(6)

            async def run() -> float:
                start = time.perf_counter()
                deadline = start + seconds
                await asyncio.wait_for(asyncio.gather(*(client(port, deadline, rows, random.Random(rng.random()))
                                                        for _ in range(clients))), timeout=seconds + 60)
                return time.perf_counter() - start

            elapsed = asyncio.run(run())
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    result = {"clients": clients, "seconds": round(elapsed, 1), "ledger": counts, "results": summarize(rows, elapsed)}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{'query':<22} {'req':>6} {'req/s':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for name, s in result["results"].items():
        print(f"{name:<22} {s['requests']:>6} {s['per_s']:>7} {s['p50_ms']:>8} {s['p90_ms']:>8} {s['p99_ms']:>8} "
              f"{s['errors']:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
