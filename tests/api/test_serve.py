"""``newsledger serve``: binds 127.0.0.1 by default, prints its URL, answers; refuses a missing ledger."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

from click.testing import CliRunner

from newsledger.cli import main


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_prints_its_url_and_answers(ledger_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsledger", "serve", "--db", str(ledger_path), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/facets", timeout=2) as response:
                    assert json.load(response)["counts"]["articles"] == 11
                    break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_needs_a_ledger(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no ledger here" in result.output
    assert CliRunner().invoke(main, ["serve", "--port", "0"]).exit_code == 2
