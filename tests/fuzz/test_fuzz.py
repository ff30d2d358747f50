"""Bounded atheris runs of each harness in ``targets.py``, each in its own process (``atheris.Fuzz`` exits
when done). A fixed libFuzzer seed makes a run repeatable; inputs that once failed are in every seed corpus.
``NEWSLEDGER_LONG_TESTS=1`` runs twenty times as many inputs; ``make fuzz`` runs each target for minutes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parents[2]
LONG = os.environ.get("NEWSLEDGER_LONG_TESTS") == "1"
# Inputs per target in the default run: about 5 s each on two shared cores, start-up included (process()
# costs ~8 ms an input, the readers ~1.5 ms, the cleaner with its checks ~3 ms).
RUNS = {"clean": 1500, "ingest": 3000, "process": 400}
DONE = re.compile(r"Done (\d+) runs in (\d+) second")


def run_target(target: str, workdir: Path, *, runs: int, seed: int = 1,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    corpus = workdir / "corpus"
    args = [sys.executable, "-m", "tests.fuzz.targets", target, str(corpus), f"-runs={runs}", f"-seed={seed}",
            "-timeout=60", "-rss_limit_mb=3072", f"-artifact_prefix={workdir}/",
            "-print_final_stats=1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **(env or {})}
    # atheris prints the uncaught exception on stdout, libFuzzer its report on stderr: one stream for both.
    return subprocess.run(args, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace",
                          timeout=600 if LONG else 180)


def crash_report(workdir: Path, output: str) -> str:
    """The failing input (as the harness decodes it) and the exception, for the assertion message."""
    found = sorted(workdir.glob("crash-*")) + sorted(workdir.glob("timeout-*")) + sorted(workdir.glob("oom-*"))
    inputs = [f"{path.name}: {path.read_bytes()[:600]!r}" for path in found]
    at = output.find("=== Uncaught Python exception")
    return "\n".join(inputs) + "\n" + (output[at:at + 3000] if at >= 0 else output[-3000:])


@pytest.mark.parametrize("target", sorted(RUNS))
def test_fuzz_target_finds_nothing(tmp_path, target):
    runs = RUNS[target] * (20 if LONG else 1)
    run = run_target(target, tmp_path, runs=runs)
    assert run.returncode == 0, crash_report(tmp_path, run.stdout)
    done = DONE.search(run.stdout)
    assert done and int(done.group(1)) == runs, run.stdout[-2000:]
    corpus = sum(1 for _ in (tmp_path / "corpus").iterdir())
    print(f"fuzz {target}: {runs} inputs in {done.group(2)} s, corpus grew to {corpus} inputs, no crash")


def test_the_surrogate_bug_is_caught_when_undone(tmp_path):
    """The harness and its regression seeds do catch a real bug: with the surrogate fix undone
    (``NEWSLEDGER_FUZZ_UNDO=surrogates``), the very first inputs crash, and the crash file is written."""
    run = run_target("clean", tmp_path, runs=1, env={"NEWSLEDGER_FUZZ_UNDO": "surrogates"})
    assert run.returncode != 0, run.stdout[-2000:]
    assert "UnicodeEncodeError" in run.stdout and list(tmp_path.glob("crash-*")), run.stdout[-2000:]
