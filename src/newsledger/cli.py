"""The command line: thin commands that validate options, call the library, and print.

Only this module prints. Library errors become one-line messages; exit codes: 0 success, 1 nothing could
be read or the ledger is unusable, 2 invalid option.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import click

from .errors import InputError, NewsledgerError, UsageError
from .ingest.document import FORMATS, ReadOptions, normalize_pubdate

DEFAULT_DB = "newsledger.duckdb"


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if level > logging.DEBUG:
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
        logging.getLogger("htmldate").setLevel(logging.ERROR)


def common(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--db``, ``-v`` and ``-q`` on every command; errors turned into messages and exit codes."""

    @click.option("--db", default=DEFAULT_DB, show_default=True, help="Ledger database file (DuckDB).")
    @click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
    @click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
    @functools.wraps(func)
    def wrapper(*args: Any, verbose: int, quiet: bool, **kwargs: Any) -> Any:
        _setup_logging(verbose, quiet)
        ctx = click.get_current_context()
        ctx.meta["quiet"] = quiet
        try:
            return func(*args, **kwargs)
        except UsageError as err:
            raise click.UsageError(str(err)) from err
        except NewsledgerError as err:
            click.echo(f"newsledger: error: {err}", err=True)
            ctx.exit(1)

    return wrapper


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
                     help="Input format; auto detects from the name, then the content."),
        click.option("--pubdate", metavar="YYYY-MM-DD", help="Publication date for every input (overrides input)."),
        click.option("--source", metavar="NAME", help="Outlet name for every input (overrides input)."),
        click.option("--url", metavar="URL", help="URL for every input (overrides input)."),
        click.option("--text-field", default="text", show_default=True, help="JSONL/CSV field holding the text."),
        click.option("--id-field", default="id", show_default=True, help="JSONL/CSV field holding the record id."),
        click.option("--date-field", default="pubdate", show_default=True, help="JSONL/CSV publication date field."),
        click.option("--title-field", default="title", show_default=True, help="JSONL/CSV title field."),
        click.option("--url-field", default="url", show_default=True, help="JSONL/CSV URL field."),
        click.option("--source-field", default="source", show_default=True, help="JSONL/CSV outlet field."),
        click.option("--max-chars", type=click.IntRange(min=1), default=1_000_000, show_default=True,
                     help="Refuse an article longer than this (characters)."),
        click.option("--attribution", type=click.Choice(["rules", "hybrid", "model"]), default=None,
                     help="How quotes are found (default: $NEWSLEDGER_ATTRIBUTION or rules; docs/attribution.md)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _read_options(kw: dict[str, Any]) -> ReadOptions:
    # Set before any worker process starts: workers read the mode from the environment they inherit.
    _set_attribution(kw.pop("attribution"), announce=False)
    pubdate = kw.pop("pubdate")
    if pubdate:
        pubdate, warning = normalize_pubdate(pubdate)
        if warning:
            raise UsageError(f"--pubdate must be YYYY-MM-DD ({warning})")
    return ReadOptions(format=kw.pop("fmt"), pubdate=pubdate, source=kw.pop("source"), url=kw.pop("url"),
                       text_field=kw.pop("text_field"), id_field=kw.pop("id_field"),
                       date_field=kw.pop("date_field"), title_field=kw.pop("title_field"),
                       url_field=kw.pop("url_field"), source_field=kw.pop("source_field"),
                       max_chars=kw.pop("max_chars"))


def _say_reject(err: InputError) -> None:
    if not click.get_current_context().meta.get("quiet"):
        click.echo(f"newsledger: rejected {err.origin}: {err.reason}: {err.detail}", err=True)


def demo_corpus_path() -> str:
    return str(resources.files("newsledger").joinpath("demo/articles.jsonl"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsledger")
def main() -> None:
    """newsledger: who said what, and who did what to whom, where and when, from news text."""


@main.command()
@click.argument("paths", nargs=-1)
@input_options
@click.option("--demo", is_flag=True, help="Also ingest the bundled fictional demo corpus.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parse in N local processes; this process alone writes the ledger.")
@common
def ingest(paths: tuple[str, ...], db: str, demo: bool, workers: int, **kw: Any) -> None:
    """Read PATH... (files, directories, '-' for stdin) into the ledger.

    Formats: plain text, HTML, JSONL, CSV/TSV, WARC, and gzip of any of them. Articles already in the ledger
    (same normalised text) are counted as duplicates; unreadable inputs are reported, stored as rejects, and
    the batch goes on.
    """
    from .facade import Ledger

    options = _read_options(kw)
    inputs = list(paths) + ([demo_corpus_path()] if demo else [])
    if not inputs:
        raise UsageError("give at least one PATH (or '-' for stdin, or --demo)")

    def on_item(item: Any, outcome: str) -> None:
        if isinstance(item, InputError):
            _say_reject(item)
        else:
            logging.getLogger("newsledger.cli").info("%s %s (%s)", outcome, item.origin, item.id)

    with Ledger(db) as ledger:
        report = ledger.ingest(inputs, options=options, on_item=on_item, workers=workers)
    if not click.get_current_context().meta.get("quiet"):
        click.echo(report.summary())
    if report.ingested + report.duplicates == 0:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@click.option("--offsets", type=click.Choice(["clean", "input"]), default="clean", show_default=True,
              help="Spans into the clean text, or mapped back to the input text.")
@click.option("--db", hidden=True, default=None)
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def process(paths: tuple[str, ...], offsets: str, db: str | None, verbose: int, quiet: bool, **kw: Any) -> None:
    """Process PATH... without a database; write export JSONL to stdout, one line per input document.

    A rejected input becomes a line {"error": ..., "origin": ..., "reason": ...} in its place.
    """
    from .facade import read_articles

    _setup_logging(verbose, quiet)
    ctx = click.get_current_context()
    ctx.meta["quiet"] = quiet
    try:
        options = _read_options(kw)
        good = 0
        for item in read_articles(paths, options=options):
            if isinstance(item, InputError):
                _say_reject(item)
                line: dict[str, Any] = {"error": str(item), "origin": item.origin, "reason": item.reason,
                                        "detail": item.detail}
            else:
                good += 1
                line = item.to_dict(offsets=offsets)
            click.echo(json.dumps(line, ensure_ascii=False))
    except UsageError as err:
        raise click.UsageError(str(err)) from err
    except NewsledgerError as err:
        click.echo(f"newsledger: error: {err}", err=True)
        ctx.exit(1)
    if good == 0:
        sys.exit(1)


@main.command()
@click.argument("paths", metavar="INPUT...", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, metavar="DIR",
              help="Output directory: one Parquet file per partition, _rejects/, _manifest/.")
@click.option("--scheduler", default="local", show_default=True, metavar="ADDRESS|local",
              help="A running Dask scheduler (tcp://host:8786), or 'local' for a LocalCluster on this machine.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the local cluster (one thread each).")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True, metavar="K",
              help="Records per partition (JSONL/CSV lines, WARC records, or small files).")
@click.option("--connect-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              metavar="SECONDS", help="How long to try reaching --scheduler ADDRESS.")
@input_options
@click.option("--db", hidden=True, default=None)
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def batch(paths: tuple[str, ...], out_dir: str, scheduler: str, workers: int, partition_size: int,
          connect_timeout: float, db: str | None, verbose: int, quiet: bool, **kw: Any) -> None:
    """Process INPUT... on Dask workers into partitioned Parquet under DIR (export schema, docs/batch.md).

    Inputs are split into partitions (files, JSONL/CSV record ranges, WARC record ranges); each partition
    is written atomically and recorded in DIR/_manifest, so re-running the same command after a crash
    resumes without redoing or duplicating partitions. Bad records and failed partitions are rejects.
    """
    from .batch.job import run_batch

    _setup_logging(verbose, quiet)
    ctx = click.get_current_context()
    try:
        report = run_batch(paths, out_dir, options=_read_options(kw), scheduler=scheduler, workers=workers,
                           partition_size=partition_size, connect_timeout=connect_timeout, progress=not quiet)
    except UsageError as err:
        raise click.UsageError(str(err)) from err
    except NewsledgerError as err:
        click.echo(f"newsledger: error: {err}", err=True)
        ctx.exit(1)
    for failure in report.failures:
        click.echo(f"newsledger: partition {failure['seq']} ({failure['input']}) failed: {failure['detail']}",
                   err=True)
    if not quiet:
        click.echo(f"{report.summary()} in {report.seconds:.1f} s -> {out_dir}")
    if report.failed or report.articles == 0:
        sys.exit(1)


@main.command()
@click.argument("out_dir", metavar="DIR")
@common
def load(out_dir: str, db: str) -> None:
    """Load a batch run's Parquet output (DIR) into the ledger; loading again is harmless.

    The ledger's cross-article steps (near-duplicates, ledger entities and events, disputes) run as the
    articles are stored, exactly as in ingest.
    """
    from .batch.load import load_dir, missing_partitions
    from .facade import Ledger

    missing = missing_partitions(Path(out_dir))
    if missing:
        click.echo(f"newsledger: warning: {len(missing)} partitions of {out_dir} are not finished "
                   f"(re-run the batch command to complete them)", err=True)
    with Ledger(db) as ledger:
        report = load_dir(out_dir, ledger)
    if not click.get_current_context().meta.get("quiet"):
        click.echo(report.summary())


@main.command()
@click.argument("key", metavar="ID|URL")
@common
def show(key: str, db: str) -> None:
    """Render one article: clean text with quotes and events marked, speakers, events table."""
    from .facade import Ledger
    from .render import render_article

    with Ledger(db, read_only=True) as ledger:
        article = ledger.article(key)
    if article is None:
        raise NewsledgerError(f"no article matches {key!r} (give an id, id prefix, URL or input id)")
    click.echo(render_article(article, color=sys.stdout.isatty()))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="Output format (CSV: one row per article, nested fields as JSON).")
@click.option("--out", "out_path", metavar="PATH", help="Write here (atomically) instead of stdout.")
@click.option("--offsets", type=click.Choice(["clean", "input"]), default="clean", show_default=True,
              help="Spans into the clean text, or mapped back to the input text.")
@common
def export(db: str, fmt: str, out_path: str | None, offsets: str) -> None:
    """Export every article in the export schema (docs/export-schema.md)."""
    from .facade import Ledger
    from .store.export import export as write

    if fmt == "parquet" and not out_path:
        raise UsageError("--format parquet needs --out PATH")
    if out_path and not Path(out_path).resolve().parent.is_dir():
        raise UsageError(f"--out {out_path}: directory {Path(out_path).resolve().parent} does not exist")
    with Ledger(db, read_only=True) as ledger:
        n = write(ledger.export(offsets=offsets), fmt, out_path)
    if out_path and not click.get_current_context().meta.get("quiet"):
        click.echo(f"exported {n} articles to {out_path}", err=True)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common
def stats(db: str, as_json: bool) -> None:
    """Counts: articles, quotes, events, entities, rejects."""
    from .facade import Ledger

    with Ledger(db, read_only=True) as ledger:
        numbers = ledger.stats()
    if as_json:
        click.echo(json.dumps(numbers))
        return
    for key, value in numbers.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>18}: {value}")


@main.command()
@click.option("--speakers", "top_speakers", type=click.IntRange(min=0), default=6, show_default=True,
              help="How many speakers to list.")
@click.option("--events", "top_events", type=click.IntRange(min=0), default=12, show_default=True,
              help="How many events to list.")
@common
def summary(db: str, top_speakers: int, top_events: int) -> None:
    """A readable overview of the ledger: articles, top speakers with their quotes, events."""
    from .facade import Ledger
    from .render import render_summary

    with Ledger(db, read_only=True) as ledger:
        click.echo(render_summary(ledger.store, top_speakers=top_speakers, top_events=top_events,
                                  color=sys.stdout.isatty()))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default answers only this machine.")
@click.option("--port", type=click.IntRange(min=1, max=65535), default=8765, show_default=True, help="TCP port.")
@common
def serve(db: str, host: str, port: int) -> None:
    """Serve the REST API and the web UI for the ledger (UI at /, API docs at /docs, OpenAPI at /openapi.json)."""
    from .api.server import LOOPBACK, serve as run

    if not Path(db).exists():
        raise NewsledgerError(f"{db}: no ledger here (run 'newsledger ingest' first)")
    if host not in LOOPBACK:
        click.echo(f"newsledger: warning: serving on {host}: anyone who can reach it can read and add articles",
                   err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsledger: serving {db} at http://{shown}:{port}/ (API docs at /docs; Ctrl-C stops)")
    run(db, host=host, port=port)



def _write_json(path: str, result: dict[str, Any]) -> None:
    Path(path).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _set_attribution(mode: str | None, *, announce: bool = True) -> None:
    if mode is not None:
        os.environ["NEWSLEDGER_ATTRIBUTION"] = mode
    if announce:
        from .nlp.pipeline import attribution_mode

        click.echo(f"attribution mode: {attribution_mode()}", err=True)


@main.group(name="eval")
def eval_group() -> None:
    """Score newsledger against gold data (PolNeAR attribution, quotes, geoparsing)."""


@eval_group.command(name="polnear")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--attribution", type=click.Choice(["rules", "hybrid", "model"]), default="model", show_default=True,
              help="How attributions are found. PolNeAR marks speech, writing, beliefs and intentions, the "
                   "scope of the model mode; the rules and hybrid modes keep to speech.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write the scores as JSON here.")
@click.option("--predictions", type=click.Path(dir_okay=False), help="Write predictions (PolNeAR JSONL) here.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def eval_polnear(gold: str, attribution: str, limit: int | None, json_out: str | None,
                 predictions: str | None, verbose: int, quiet: bool) -> None:
    """P/R/F1 of attributions on PolNeAR-format GOLD (content, source, cue; exact and overlap50)."""
    from .eval.attribution_scorer import format_table
    from .eval.polnear import evaluate

    _setup_logging(verbose, quiet)
    _set_attribution(attribution)
    result = evaluate(Path(gold), limit=limit, predictions_out=Path(predictions) if predictions else None)
    click.echo(f"{result['documents']} articles from {gold}")
    click.echo(format_table(result))
    if json_out:
        _write_json(json_out, result)


@eval_group.command(name="geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write the scores as JSON here.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def eval_geo(gold: str, limit: int | None, json_out: str | None, verbose: int, quiet: bool) -> None:
    """Toponym recognition P/R/F1 and resolution accuracy (GeoNames id, within 161 km) on a geo gold set
    (GeoWebNews, TR-News, GeoVirus JSONL), on its dev and held-out halves."""
    from .eval.geo import evaluate, format_report

    _setup_logging(verbose, quiet)
    result = evaluate(Path(gold), limit=limit)
    click.echo(format_report(result))
    if json_out:
        _write_json(json_out, result)


@eval_group.command(name="plover")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N sentences.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False),
              help="Also write the scores (and every sentence's prediction) as JSON here.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def eval_plover(gold: str, limit: int | None, json_out: str | None, verbose: int, quiet: bool) -> None:
    """PLOVER category accuracy, macro-F1 and coverage, actor/target span F1 and actor country/sector
    accuracy on PLOVER gold sentences, on their dev and held-out halves."""
    from .eval.plover import evaluate, format_report

    _setup_logging(verbose, quiet)
    result = evaluate(Path(gold), limit=limit, details=bool(json_out))
    click.echo(format_report(result))
    if json_out:
        _write_json(json_out, result)


@eval_group.command(name="events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--articles", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The articles the gold annotates (JSONL with id, text and pubdate).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write scores and errors as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List missed, spurious and wrongly labelled events.")
@click.option("--speed", is_flag=True, help="Also measure ms/article of events (with places and dates) vs the parse.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def eval_events(gold: str, articles: str, json_out: str | None, show_errors: bool, speed: bool, verbose: int,
                quiet: bool) -> None:
    """Event P/R/F1 and status, date and place accuracy on devcorpus-format gold."""
    from .eval.events import evaluate, format_report, measure_speed

    _setup_logging(verbose, quiet)
    result = evaluate(Path(gold), Path(articles))
    if speed:
        result["speed"] = measure_speed(Path(articles))
    click.echo(format_report(result))
    if show_errors:
        for error in result["errors"]:
            click.echo(json.dumps(error, ensure_ascii=False))
    if json_out:
        _write_json(json_out, result)


@eval_group.command(name="quotes")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--attribution", type=click.Choice(["rules", "hybrid", "model"]), default=None,
              help="How quotes are found (default: $NEWSLEDGER_ATTRIBUTION or rules).")
@click.option("--articles", required=True, type=click.Path(exists=True, dir_okay=False),
              help="The articles the gold annotates (JSONL with id and text).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write scores and errors as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List speaker errors and missed quotes.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def eval_quotes(gold: str, attribution: str | None, articles: str, json_out: str | None, show_errors: bool,
                verbose: int, quiet: bool) -> None:
    """Quote P/R/F1, speaker, type and conduit accuracy on devcorpus-format gold."""
    from .eval.devcorpus import evaluate, format_report

    _setup_logging(verbose, quiet)
    _set_attribution(attribution)
    result = evaluate(Path(gold), Path(articles))
    click.echo(format_report(result))
    if show_errors:
        for error in result["errors"]:
            click.echo(json.dumps(error, ensure_ascii=False))
    if json_out:
        _write_json(json_out, result)


@main.command(name="events")
@click.option("--limit", type=click.IntRange(min=1), help="Only the N most-reported ledger events.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (one JSON object per line).")
@common
def ledger_events_cmd(db: str, limit: int | None, as_json: bool) -> None:
    """Ledger events (one real-world event, many reports) with their report counts and outlets."""
    from .facade import Ledger
    from .render import render_ledger_events

    with Ledger(db, read_only=True) as ledger:
        events = ledger.events(limit=limit)
    if as_json:
        for event in events:
            click.echo(json.dumps(event, ensure_ascii=False, default=str))
    else:
        click.echo(render_ledger_events(events))


@main.command()
@click.argument("name", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (one JSON object per line).")
@common
def speakers(db: str, name: str | None, as_json: bool) -> None:
    """Who said what across articles, by date (all speakers, or those matching NAME)."""
    from .facade import Ledger
    from .render import render_speakers

    with Ledger(db, read_only=True) as ledger:
        rows = ledger.speakers(name)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(render_speakers(rows))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True,
              help="A text table, or one dispute record per line.")
@common
def disputes(db: str, fmt: str) -> None:
    """Disputes: conflicting reports of one ledger event, both sides with speaker, outlet and evidence."""
    from .facade import Ledger
    from .render import render_disputes

    with Ledger(db, read_only=True) as ledger:
        records = list(ledger.disputes())
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(render_disputes(records))


@main.command()
@common
def relink(db: str) -> None:
    """Rebuild near-duplicates, ledger entities, ledger events and disputes from the stored articles."""
    from .facade import Ledger

    with Ledger(db) as ledger:
        totals = ledger.relink()
    if not click.get_current_context().meta.get("quiet"):
        click.echo(", ".join(f"{k} {v}" for k, v in totals.items()))


@eval_group.command(name="ledger")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Also write the scores as JSON here.")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def eval_ledger(folder: str, json_out: str | None, verbose: int, quiet: bool) -> None:
    """Duplicate P/R/F1, event-cluster pairwise P/R/F1, dispute P/R and entity no-false-merge on a ledger
    corpus (tests/data/ledger format: articles.jsonl + gold.json)."""
    from .eval.ledger import evaluate, format_report

    _setup_logging(verbose, quiet)
    result = evaluate(Path(folder))
    click.echo(format_report(result))
    if json_out:
        _write_json(json_out, result)
