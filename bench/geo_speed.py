"""Geoparser cost: gazetteer build and load time, resident memory, and find_places time per article
against the spaCy parse of the same devcorpus articles (../shared/data/devcorpus/articles.jsonl).

The build is timed into a temporary cache folder (so the user's cache is left alone) in a child process,
which also reports that process's peak RSS. Writes bench/out/geo_speed.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVCORPUS = ROOT.parent / "shared" / "data" / "devcorpus" / "articles.jsonl"

_BUILD = """
import resource, sys, time
from pathlib import Path
from newsledger.geo.gazetteer import build
t = time.perf_counter()
path = build(Path(sys.argv[1]) / "gazetteer.sqlite")
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, path.stat().st_size)
"""


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    if not DEVCORPUS.exists():
        print(f"skipped: {DEVCORPUS} not found", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", _BUILD, tmp], check=True, capture_output=True, text=True)
    build_s, build_peak_mb, size = out.stdout.split()

    from newsledger.geo import Gazetteer, find_places
    from newsledger.nlp.pipeline import load_pipeline

    nlp = load_pipeline(attribution=False)
    before = rss_mb()
    t0 = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_s = time.perf_counter() - t0
    gazetteer.lookup("Idlib")
    load_rss = rss_mb() - before
    texts = [json.loads(line)["text"] for line in DEVCORPUS.open(encoding="utf-8")]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - t0
    find_places(docs[0], gazetteer=gazetteer)  # warm up
    t0 = time.perf_counter()
    places = sum(len(find_places(doc, gazetteer=gazetteer)) for doc in docs)
    geo_s = time.perf_counter() - t0
    result = {
        "articles": len(docs), "places": places,
        "build_seconds": round(float(build_s), 1), "build_peak_rss_mb": round(float(build_peak_mb)),
        "index_mb": round(int(size) / 2**20, 1), "load_seconds": round(load_s, 3),
        "rss_added_by_gazetteer_load_mb": round(load_rss, 1),
        "parse_ms_per_article": round(parse_s * 1000 / len(docs), 1),
        "find_places_ms_per_article": round(geo_s * 1000 / len(docs), 1),
        "find_places_share_of_parse": round(geo_s / parse_s, 3),
        "rss_mb": round(rss_mb()),
    }
    for key, value in result.items():
        print(f"{key:<30} {value}")
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "geo_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
