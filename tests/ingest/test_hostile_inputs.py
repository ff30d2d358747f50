"""A generated corpus of hostile inputs, ingested in one batch by the real CLI: every bad item is refused with
its own reason naming the file (and record), nothing crashes, the good items go in, and the counts add up.

Single-reader cases (each empty format, each limit on its own) are in ``test_bad_input.py``; this file is about
what the web throws at a batch all at once, including inputs cut at random (seeded) points.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.store import LedgerStore
from tests.ingest.ingest_samples import (BRIDGE, CLINIC, FERRY, FLOOD, FRENCH, GERMAN, MARKET, ORCHARD, RUSSIAN,
                                         SCHOOL, Response, build_warc, news_page)
from tests.store.conftest import generated_article

NEWSLEDGER = str(Path(sys.executable).with_name("newsledger"))
SEED = 8
CUTS_PER_FORMAT = 3

SPANISH = (
    "El consejo municipal de Valmonte aprob\u00f3 el martes una nueva l\u00ednea de ferry hacia la isla de Callow, "
    "despu\u00e9s de a\u00f1os de quejas de los pasajeros por las largas esperas y los precios altos. \u201cHemos "
    "escuchado a la gente que cruza el agua cada d\u00eda\u201d, dijo la presidenta del consejo despu\u00e9s de la "
    "votaci\u00f3n. El primer barco saldr\u00e1 en junio, seg\u00fan la empresa.\n"
)
CHINESE = ("\u5e02\u8bae\u4f1a\u5468\u4e8c\u6295\u7968\u51b3\u5b9a\u5f00\u901a\u4e00\u6761\u901a\u5f80\u5361\u6d1b"
           "\u5c9b\u7684\u65b0\u6e21\u8f6e\u822a\u7ebf\uff0c\u7ed3\u675f\u4e86\u901a\u52e4\u8005\u591a\u5e74\u6765"
           "\u7684\u62b1\u6028\u3002") * 4

# Reasons a cut-off input may get (which one depends on where it was cut); anything else is a failure.
TRUNCATION_REASONS = {"truncated", "bad_json", "bad_csv", "ragged_row", "empty", "no_article", "undecodable",
                      "missing_field", "html_unparsable", "not_html", "unreadable", "binary"}

OUTCOME = re.compile(r"^(?:INFO newsledger\.cli: (?P<kind>ingested|duplicate) (?P<origin>.+) \((?P<id>a_\w+)\)"
                     r"|newsledger: rejected (?P<rorigin>.+?): (?P<reason>[a-z_]+): (?P<detail>.+))$")


def story(i: int) -> str:
    return generated_article(1000 + i, random.Random(i))["text"]


def cut(data: bytes, rng: random.Random) -> list[bytes]:
    """``data`` cut at CUTS_PER_FORMAT random points (never empty, never whole)."""
    return [data[: rng.randrange(1, len(data))] for _ in range(CUTS_PER_FORMAT)]


def jsonl(records: list[dict]) -> bytes:
    return ("\n".join(json.dumps(r) for r in records) + "\n").encode("utf-8")


def csv_rows(rows: list[list[str]]) -> bytes:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value

    return ("".join(",".join(cell(c) for c in row) + "\n" for row in rows)).encode("utf-8")


def build_corpus(folder: Path) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Write the corpus. Returns (exact expected outcomes per file: "ok", "dup" or a reason, one per record in
    order; for cut files: the set of outcomes allowed for each of their records)."""
    rng = random.Random(SEED)
    exact: dict[str, list[str]] = {}
    loose: dict[str, set[str]] = {}
    n = 0

    def put(name: str, data: bytes, expected: list[str] | None = None) -> None:
        nonlocal n
        n += 1
        name = f"{n:03d}-{name}"
        (folder / name).write_bytes(data)
        if expected is None:
            loose[name] = TRUNCATION_REASONS | {"ok", "dup", "not_english", "no_words"}
        else:
            exact[name] = expected

    # Good items among the bad ones (the last is a duplicate of the first).
    put("ferry.txt", FERRY.encode("utf-8"), ["ok"])
    put("flood.html", news_page(FLOOD).encode("utf-8"), ["ok"])
    put("bridge.txt.gz", gzip.compress(BRIDGE.encode("utf-8")), ["ok"])

    # Empty and binary.
    put("empty.txt", b"", ["empty"])
    put("empty.jsonl.gz", gzip.compress(b""), ["empty"])
    put("empty.warc", b"", ["empty"])
    put("random.bin", rng.randbytes(8192), ["binary"])
    put("random.txt", bytes([0]) + rng.randbytes(4095), ["binary"])
    put("random.txt.gz", gzip.compress(bytes([0]) + rng.randbytes(4095)), ["binary"])

    # Invalid UTF-8 and mixed encodings: decoded (the file is one document) or refused as undecodable.
    mixed = (CLINIC.encode("utf-8") + " caf\u00e9 na\u00efve ".encode("latin-1") + b"\x80\x81\xfe "
             + SCHOOL.encode("cp1252"))
    put("mixed-encodings.txt", mixed, ["ok"])
    put("bad-utf8.jsonl", jsonl([{"id": "m", "text": MARKET}]) + b'{"id": "x", "text": "caf\xe9 \xff\xfe"}\n'
        + jsonl([{"id": "s", "text": story(90)}]), ["ok", "undecodable", "ok"])

    # Size limits: one 10 MB line; gzip bombs (60 MB in 60 KB, ratio 1000:1) in three formats, and of blank
    # lines (no record to refuse, but 60 million lines to walk).
    put("one-line-10mb.txt", b"word " * 2_000_000, ["too_large"])
    bomb = gzip.compress(b"\0" * 60_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    put("bomb.txt.gz", bomb, ["too_large"])
    put("bomb.jsonl.gz", bomb, ["too_large"])
    put("bomb.csv.gz", gzip.compress(b"id,text\n1,\"" + b"a" * 60_000_000, compresslevel=9), ["too_large"])
    blank = gzip.compress(b"\n" * 60_000_000, compresslevel=9)  # no record at all, but 60 M lines to walk
    put("blanks.jsonl.gz", blank, ["too_large"])
    put("blanks.csv.gz", gzip.compress(b"id,text\n" + b"\n" * 60_000_000, compresslevel=9), ["too_large"])

    # HTML: deeply nested (a reasonable depth is read; 20,000 levels is refused, not a crash) and malformed.
    para = "".join(f"<p>{p}</p>" for p in ORCHARD.paragraphs)
    put("nested-100.html", f"<html><body>{'<div>' * 100}{para}{'</div>' * 100}</body></html>".encode(), ["ok"])
    put("nested-20000.html", f"<html><body>{'<div>' * 20000}{para}{'</div>' * 20000}</body></html>".encode(),
        ["no_article"])
    malformed = ("<html><body><p>" + story(91).replace("\n", "<p><b><i>")
                 + "<table><tr><td><div></span></p></html><<<>>><!-- never closed <script>")
    put("malformed.html", malformed.encode("utf-8"), ["ok"])
    put("tags-only.html", b"<html>" + b"<div><span></span></div>" * 2000 + b"</html>", ["no_article"])

    # CSV with ragged rows and JSONL with broken lines: the bad records are named by line, the rest go in.
    put("ragged.csv", csv_rows([["id", "text", "source"], ["c1", story(92), "Wire"], ["c2", story(93)],
                                ["c3", story(94), "Wire", "extra"], ["c4", story(95), "Wire"]]),
        ["ok", "ragged_row", "ragged_row", "ok"])
    broken = (jsonl([{"id": "j1", "text": story(96)}]) + b"{broken\n" + b'["a", "list"]\n' + b'{"id": "j2"}\n'
              + b'{"id": "j3", "text": 5}\n' + b'{"id": "j4", "text": "cut off' + b"\n"
              + jsonl([{"id": "j5", "text": story(97)}]))
    put("broken.jsonl", broken, ["ok", "bad_json", "bad_json", "missing_field", "bad_field", "bad_json", "ok"])

    # Not English: marked and refused, never turned into records.
    for name, text in [("german.txt", GERMAN), ("french.txt", FRENCH), ("russian.txt", RUSSIAN),
                       ("spanish.txt", SPANISH), ("chinese.txt", CHINESE)]:
        put(name, text.encode("utf-8"), ["not_english"])

    # Quote marks: 10,000 on their own; 10,000 in one run after a word; 10,000 through an article.
    put("quotes-only.txt", b'"' * 10_000, ["no_words"])
    put("quotes-run.txt", (story(98) + ' see"' + '"' * 10_000).encode(), ["long_run"])
    put("quotes-article.txt", (story(99) + "\n" + ' "the"' * 5_000 + "\n").encode(), ["ok"])

    # Every supported format cut at random points.
    records = [{"id": f"t{i}", "text": story(i)} for i in range(3)]
    put_cut = {
        "cut.txt": story(10).encode("utf-8"),
        "cut.html": news_page(FLOOD).replace("Bramwick", "Cutwick").encode("utf-8"),
        "cut.jsonl": jsonl(records),
        "cut.csv": csv_rows([["id", "text"]] + [[f"c{i}", story(20 + i)] for i in range(3)]),
        "cut.warc": build_warc([Response(f"https://cut.example/{i}", f"<html><body><article><p>{story(30 + i)}"
                                         f"</p></article></body></html>".encode(), "text/html")
                                for i in range(2)], compress=False).data,
        "cut.warc.gz": build_warc([Response(f"https://cutgz.example/{i}", f"<html><body><article><p>"
                                            f"{story(40 + i)}</p></article></body></html>".encode(), "text/html")
                                   for i in range(2)], compress=True).data,
        "cut.txt.gz": gzip.compress(story(50).encode("utf-8")),
        "cut.jsonl.gz": gzip.compress(jsonl([{"id": f"g{i}", "text": story(60 + i)} for i in range(3)])),
    }
    for name, data in put_cut.items():
        for k, piece in enumerate(cut(data, rng)):
            stem, dot, ext = name.partition(".")
            put(f"{stem}{k}{dot}{ext}", piece)

    put("ferry-again.txt", FERRY.encode("utf-8"), ["dup"])
    return exact, loose


@pytest.mark.slow
def test_hostile_batch(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    exact, loose = build_corpus(folder)
    db = tmp_path / "ledger.duckdb"
    run = subprocess.run([NEWSLEDGER, "ingest", "-v", "--db", str(db), str(folder)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr and "extraction_failed" not in run.stderr, run.stderr[-3000:]

    outcomes: dict[str, list[tuple[str, str, str]]] = {}
    for line in run.stderr.splitlines():
        match = OUTCOME.match(line)
        if not match:
            continue
        origin = match["origin"] or match["rorigin"]
        assert origin.startswith(f"{folder}/"), line
        rel = origin.removeprefix(f"{folder}/")
        name = re.split(r"[:#]", rel, maxsplit=1)[0]
        if match["kind"]:
            outcome, detail = ("ok" if match["kind"] == "ingested" else "dup"), match["id"]
        else:
            outcome, detail = match["reason"], match["detail"]
            assert len(detail) >= 5, line  # a sentence, not just a code
        outcomes.setdefault(name, []).append((outcome, rel, detail))

    for seen in outcomes.values():  # the CLI reports refusals as read, articles once parsed: put in input order
        seen.sort(key=lambda o: int(m[1]) if (m := re.search(r"[:#](\d+)", o[1])) else 0)
    # Every file is answered for, and the exact ones exactly.
    assert set(outcomes) == set(exact) | set(loose), set(exact) ^ set(outcomes)
    for name, expected in exact.items():
        assert [o for o, _, _ in outcomes[name]] == expected, (name, outcomes[name])
    for name, allowed in loose.items():
        for outcome, rel, detail in outcomes[name]:
            assert outcome in allowed, (name, outcome, detail)
    # A record in a multi-record file is named by its line or record number.
    for name, seen in outcomes.items():
        if len(seen) > 1:
            assert all(re.fullmatch(rf"{re.escape(name)}(:\d+|#\d+( \S+)?)", rel) for _, rel, _ in seen), seen

    # Limits are named in their messages.
    details = {name: [d for _, _, d in seen] for name, seen in outcomes.items()}
    assert details[_name(exact, "one-line-10mb.txt")] == ["10,000,000 characters (limit 1,000,000)"]
    for bomb in ("bomb.txt.gz", "bomb.jsonl.gz", "bomb.csv.gz", "blanks.jsonl.gz", "blanks.csv.gz"):
        [detail] = details[_name(exact, bomb)]
        assert detail.startswith("compressed stream inflates too far: ") and "the limit of 200:1" in detail, detail
    assert "(limit 1,000)" in details[_name(exact, "quotes-run.txt")][0]
    assert "Latin" in details[_name(exact, "chinese.txt")][0]

    # Counts add up, in the summary and in the ledger.
    flat = [o for seen in outcomes.values() for o, _, _ in seen]
    ingested, duplicates = flat.count("ok"), flat.count("dup")
    rejected = len(flat) - ingested - duplicates
    assert run.stdout.strip() == f"ingested {ingested}, duplicates {duplicates}, rejected {rejected}"
    assert ingested >= sum(e.count("ok") for e in exact.values())
    reasons = sorted({o for o in flat if o not in ("ok", "dup")})
    print(f"\nhostile batch: {len(outcomes)} files, {len(flat)} items: {run.stdout.strip()}; reasons {reasons}")
    with LedgerStore(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM articles")[0][0] == ingested
        assert store.query("SELECT count(*) FROM sightings")[0][0] == ingested + duplicates
        assert store.query("SELECT count(*) FROM rejects")[0][0] == rejected
        # No refused language became a record.
        assert store.query("SELECT count(*) FROM articles WHERE text ILIKE '%Stadtrat%' OR text ILIKE "
                           "'%conseil municipal%' OR text ILIKE '%consejo%' OR text LIKE '%\u5e02\u8bae%'")[0][0] == 0


def _name(expected: dict[str, list[str]], suffix: str) -> str:
    [name] = [n for n in expected if n.endswith(f"-{suffix}")]
    return name
