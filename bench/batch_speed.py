"""Batch throughput and memory: the full pipeline against plain spaCy, local workers, a Dask LocalCluster.

Speed (the devcorpus repeated to --min-words, as in ingest_speed.py, whose corpus builder this reuses):

1. in this process, interleaved rounds, best of each: plain ``nlp.pipe`` of the same model on the same
   texts, and the full pipeline (``read_articles``: read + clean + parse + extract) -> words/s, articles/s,
   ratio to plain spaCy; and the full pipeline with ``workers=2`` (no database);
2. as commands in a child process, wall time including start-up (model loading, process spawning), peak
   resident memory of the whole process tree (sampled every 0.1 s with psutil):
   ``newsledger ingest --workers 1``, ``ingest --workers 2``, ``newsledger batch --scheduler local
   --workers 2`` (a Dask LocalCluster). The fixed start-up cost of each is measured on a one-article input
   and reported beside it.

Memory (--memory-mb, default 60 and 300): a generated JSONL of that size in a temporary directory (one
English article in 100 records, the rest short non-English texts the pipeline rejects after reading and
cleaning them, so a large file runs in minutes), processed by ``newsledger batch --workers 2``; resident
memory of the process tree is sampled every second. Bounded memory means the peak does not grow with the
file size.

Writes bench/out/batch_speed.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ingest_speed import DEVCORPUS, ROOT, build_corpus

NEWSLEDGER = str(Path(sys.executable).with_name("newsledger"))


def tree_rss(proc) -> int:  # type: ignore[no-untyped-def]
    """Resident bytes of a process and all its descendants."""
    import psutil

    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run_sampled(cmd: list[str], *, interval: float = 0.1) -> dict:
    """Run ``cmd``; wall seconds, peak tree RSS (MB) and RSS samples (t, MB)."""
    import psutil

    samples: list[tuple[float, float]] = []
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((round(time.perf_counter() - t0, 2), round(tree_rss(ps) / 2**20, 1)))
            done.wait(interval)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    done.set()
    thread.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return {"seconds": round(elapsed, 2), "peak_rss_mb": max((s[1] for s in samples), default=0.0),
            "samples": samples, "stdout": out.strip().splitlines()[-1:] if out.strip() else []}


def commands(corpus: Path, tmp: Path, tag: str, partition_size: int) -> dict[str, list[str]]:
    opts = ["-q", "--source-field", "outlet"]
    return {
        "ingest_w1": [NEWSLEDGER, "ingest", *opts, "--db", str(tmp / f"w1-{tag}.duckdb"), str(corpus)],
        "ingest_w2": [NEWSLEDGER, "ingest", *opts, "--workers", "2", "--db", str(tmp / f"w2-{tag}.duckdb"),
                      str(corpus)],
        "batch_local_w2": [NEWSLEDGER, "batch", str(corpus), *opts, "--out", str(tmp / f"batch-{tag}"),
                           "--workers", "2", "--partition-size", str(partition_size)],
    }


def speed(args: argparse.Namespace, tmp: Path) -> dict:
    from newsledger.facade import read_articles
    from newsledger.ingest import ReadOptions
    from newsledger.nlp.pipeline import load_pipeline

    corpus = tmp / "corpus.jsonl"
    records, words = build_corpus(args.min_words, corpus)
    texts = [r["text"] for r in records]
    n = len(texts)
    one = tmp / "one.jsonl"
    one.write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
    nlp = load_pipeline()
    list(nlp.pipe(texts[:40], batch_size=32))
    options = ReadOptions(source_field="outlet")
    # Warm the full pipeline too (the gazetteer, the date and PLOVER tables load on first use): both sides are
    # timed warm, and start-up is measured on its own below.
    list(read_articles([str(one)], options=options))

    plain_runs, process_runs, parallel_runs = [], [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        plain_runs.append(time.perf_counter() - t0)
        # Streamed, as ingest consumes it: only the ids are kept (holding every Article would time the
        # garbage collector walking them, not the pipeline).
        t0 = time.perf_counter()
        ids = [a.id for a in read_articles([str(corpus)], options=options)]
        process_runs.append(time.perf_counter() - t0)
        assert len(ids) == n
        t0 = time.perf_counter()  # the same, parsed by 2 worker processes (spawned, each loads the model)
        ids2 = [a.id for a in read_articles([str(corpus)], options=options, workers=2)]
        parallel_runs.append(time.perf_counter() - t0)
        assert ids2 == ids
        gc.collect()
    plain, processed, parallel = min(plain_runs), min(process_runs), min(parallel_runs)
    t0 = time.perf_counter()  # the pool's fixed cost: spawning 2 processes that each load the pipeline
    list(read_articles([str(one)], options=options, workers=2))
    pool_startup = time.perf_counter() - t0

    partition_size = max(1, n // 12)
    runs: dict[str, list[dict]] = {}
    for r in range(args.rounds):
        for key, cmd in commands(corpus, tmp, f"r{r}", partition_size).items():
            runs.setdefault(key, []).append(run_sampled(cmd))
    fixed = {key: run_sampled(cmd) for key, cmd in commands(one, tmp, "one", 1).items()}

    def summary(key: str) -> dict:
        best = min(runs[key], key=lambda x: x["seconds"])
        return {"seconds": best["seconds"], "runs": [x["seconds"] for x in runs[key]],
                "words_per_s": round(words / best["seconds"]), "articles_per_s": round(n / best["seconds"], 1),
                "startup_seconds": fixed[key]["seconds"],
                "seconds_after_startup": round(best["seconds"] - fixed[key]["seconds"], 2),
                "peak_rss_mb": max(x["peak_rss_mb"] for x in runs[key])}

    cmds = {key: summary(key) for key in runs}
    w1, w2, dk = cmds["ingest_w1"], cmds["ingest_w2"], cmds["batch_local_w2"]
    return {
        "articles": n, "words": words, "rounds": args.rounds, "partition_size": partition_size,
        "plain_spacy": {"seconds": round(plain, 2), "runs": [round(x, 2) for x in plain_runs],
                        "words_per_s": round(words / plain), "articles_per_s": round(n / plain, 1)},
        "process_one_process": {"seconds": round(processed, 2), "runs": [round(x, 2) for x in process_runs],
                                "words_per_s": round(words / processed), "articles_per_s": round(n / processed, 1),
                                "ratio_to_plain": round(plain / processed, 3)},
        "process_two_workers": {"seconds": round(parallel, 2), "runs": [round(x, 2) for x in parallel_runs],
                                "words_per_s": round(words / parallel), "articles_per_s": round(n / parallel, 1),
                                "scaling_vs_one": round(processed / parallel, 2),
                                "startup_seconds": round(pool_startup, 2),
                                "scaling_vs_one_after_startup": round(processed / (parallel - pool_startup), 2)},
        "commands": cmds,
        "scaling_ingest_w2_vs_w1": round(w1["seconds"] / w2["seconds"], 2),
        "scaling_ingest_w2_vs_w1_after_startup": round(w1["seconds_after_startup"] / w2["seconds_after_startup"], 2),
        "local_cluster_vs_ingest_w2": round(w2["seconds"] / dk["seconds"], 2),
        "local_cluster_vs_ingest_w2_after_startup": round(w2["seconds_after_startup"] / dk["seconds_after_startup"], 2),
    }


_SYLLABLES = ["ka", "lo", "mi", "ne", "tu", "sa", "vo", "ri", "ze", "pa", "dur", "ish", "ulm", "ek", "orv"]


def _filler(rng: random.Random) -> str:
    words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(60)]
    return " ".join(words).capitalize() + "."


def generate(path: Path, megabytes: int, *, seed: int = 7) -> dict:
    """A JSONL of about ``megabytes`` MB: every 100th record an English article (a devcorpus text with its
    own first line), the others non-English filler of about 3 KB."""
    rng = random.Random(seed)
    base = [json.loads(line)["text"] for line in DEVCORPUS.open(encoding="utf-8")]
    fillers = ["\n".join(_filler(rng) for _ in range(8)) for _ in range(50)]
    target, size, i, english = megabytes * 2**20, 0, 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target:
            if i % 100 == 0:
                text = f"Record {i} of the memory benchmark.\n{base[english % len(base)]}"
                english += 1
            else:
                text = f"{i} " + fillers[i % len(fillers)]
            line = json.dumps({"id": f"r{i}", "text": text}) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return {"megabytes": round(size / 2**20, 1), "records": i, "english": english}


def memory(args: argparse.Namespace, tmp: Path) -> list[dict]:
    results = []
    for mb in args.memory_mb:
        path = tmp / f"big-{mb}.jsonl"
        info = generate(path, mb)
        run = run_sampled([NEWSLEDGER, "batch", str(path), "-q", "--out", str(tmp / f"mem-{mb}"), "--workers", "2",
                           "--partition-size", "500"], interval=1.0)
        rss = [s[1] for s in run["samples"]]
        half = rss[len(rss) // 2:]
        results.append({**info, "seconds": run["seconds"], "peak_rss_mb": run["peak_rss_mb"],
                        "median_rss_mb_second_half": sorted(half)[len(half) // 2] if half else None,
                        "samples": run["samples"][:: max(1, len(run["samples"]) // 60)]})
        path.unlink()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-words", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--memory-mb", type=int, nargs="*", default=[60, 300])
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not DEVCORPUS.exists():
        print(f"skipped: {DEVCORPUS} not found", file=sys.stderr)
        return 0
    with open("/proc/loadavg") as fh:
        load_before = fh.read().split()[:3]
    result: dict = {"cores": os.cpu_count(), "load_average_before": load_before,
                    "started": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_speed:
            result["speed"] = speed(args, tmp)
        if args.memory_mb:
            result["memory"] = memory(args, tmp)
    with open("/proc/loadavg") as fh:
        result["load_average_after"] = fh.read().split()[:3]
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "batch_speed.json").write_text(json.dumps(result, indent=2) + "\n")
    if "speed" in result:
        s = result["speed"]
        print(f"corpus: {s['articles']} articles, {s['words']:,} words")
        print(f"plain nlp.pipe {s['plain_spacy']['words_per_s']:,} words/s; full pipeline, one process "
              f"{s['process_one_process']['words_per_s']:,} words/s "
              f"({s['process_one_process']['articles_per_s']} articles/s), ratio "
              f"{s['process_one_process']['ratio_to_plain']:.2f}")
        print(f"full pipeline, 2 worker processes (read_articles(workers=2), no database): "
              f"{s['process_two_workers']['words_per_s']:,} words/s, {s['process_two_workers']['scaling_vs_one']}x "
              f"({s['process_two_workers']['scaling_vs_one_after_startup']}x after start-up)")
        for key, c in s["commands"].items():
            print(f"{key:<16}{c['seconds']:>8.1f} s (start-up {c['startup_seconds']:.1f} s) "
                  f"{c['words_per_s']:>7,} words/s  peak RSS {c['peak_rss_mb']:.0f} MB")
        print(f"ingest --workers 2 vs 1: {s['scaling_ingest_w2_vs_w1']}x "
              f"({s['scaling_ingest_w2_vs_w1_after_startup']}x after start-up); "
              f"LocalCluster vs --workers 2: {s['local_cluster_vs_ingest_w2']}x")
    for m in result.get("memory", []):
        print(f"batch of {m['megabytes']} MB ({m['records']:,} records): {m['seconds']:.0f} s, peak RSS "
              f"{m['peak_rss_mb']:.0f} MB, median (second half) {m['median_rss_mb_second_half']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
