"""Docs stay true: every CLI command is in the README; the public API is what __all__ says."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

import newsledger
from newsledger.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented(name):
    command = main.commands[name]
    assert command.help, f"{name} has no help text"
    assert f"newsledger {name}" in README, f"README does not mention 'newsledger {name}'"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_option_of_every_command_is_documented(name):
    command = main.commands[name]
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            longest = max(param.opts, key=len)
            if longest in ("--db", "--verbose", "--quiet", "--help", "--max-chars"):
                continue
            assert longest in README, f"README does not mention {longest} of {name}"


def test_readme_shows_the_two_commands():
    assert "make demo" in README and "make test" in README


def test_all_names_exist_and_nothing_else_is_public():
    for name in newsledger.__all__:
        assert getattr(newsledger, name) is not None
    public = {n for n in dir(newsledger) if not n.startswith("_") and n not in {"annotations", "logging", "errors",
                                                                               "records", "surrogates",
                                                                               "TYPE_CHECKING", "Any"}}
    assert public <= set(newsledger.__all__) | {"clean", "ingest", "nlp", "store", "facade", "processing", "cli", "eval",
                                                 "render", "geo", "api", "web", "cluster", "batch"}


def test_import_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, newsledger; print('spacy' in sys.modules, 'duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_architecture_doc_names_existing_paths():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for rel in ("ingest", "clean", "nlp", "store", "processing.py", "records.py", "facade.py", "cli.py"):
        assert rel in text
        assert (ROOT / "src" / "newsledger" / rel).exists()
