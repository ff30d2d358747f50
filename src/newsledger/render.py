"""Text renderings of the ledger for the terminal (``show`` and ``summary``). Pure functions: the CLI prints."""

from __future__ import annotations

import textwrap
from typing import Any

import click

_WIDTH = 100


def _style(text: str, color: bool, **kw: Any) -> str:
    return click.style(text, **kw) if color else text


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _wrap(text: str, indent: str = "    ") -> str:
    return "\n".join(textwrap.fill(p, width=_WIDTH, initial_indent=indent, subsequent_indent=indent)
                     for p in text.split("\n"))


def marked_text(article: dict[str, Any], *, color: bool) -> str:
    """The clean text with quote content in ⟦Qn …⟧ and event triggers as ⟨En:trigger⟩."""
    text = article["text"]
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for n, q in enumerate(article["quotes"], 1):
        opens.setdefault(q["content"]["start"], []).append(_style(f"⟦Q{n} ", color, fg="cyan", bold=True))
        closes.setdefault(q["content"]["end"], []).append(_style("⟧", color, fg="cyan", bold=True))
    for n, e in enumerate(article["events"], 1):
        opens.setdefault(e["trigger"]["start"], []).append(_style(f"⟨E{n}:", color, fg="yellow", bold=True))
        closes.setdefault(e["trigger"]["end"], []).append(_style("⟩", color, fg="yellow", bold=True))
    out = []
    for i, ch in enumerate(text):
        out.extend(closes.get(i, []))
        out.extend(opens.get(i, []))
        out.append(ch)
    out.extend(closes.get(len(text), []))
    return "".join(out)


def render_article(article: dict[str, Any], *, color: bool = False) -> str:
    lines = [_style(article["title"] or "(untitled)", color, bold=True),
             f"id {article['id']}  input {article['input_id'] or '-'}  source {article['source'] or '-'}  "
             f"date {article['pubdate'] or 'unknown'}",
             f"url {article['url'] or '-'}", ""]
    lines += [_wrap(p, "  ") for p in marked_text(article, color=color).split("\n")]
    speakers: dict[tuple[str, str], list[int]] = {}
    for n, q in enumerate(article["quotes"], 1):
        sp = q["speaker"]
        speakers.setdefault((sp["name"] or f"[{sp['kind']}]", sp["role"] or ""), []).append(n)
    lines += ["", _style(f"Speakers ({len(speakers)})", color, bold=True)]
    for (name, role), numbers in sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  {_style(name, color, fg='cyan')}{', ' + role if role else ''}: "
                     + ", ".join(f"Q{n}" for n in numbers))
    lines += ["", _style(f"Quotes ({len(article['quotes'])})", color, bold=True)]
    for n, q in enumerate(article["quotes"], 1):
        sp = q["speaker"]
        who = sp["name"] or f"[{sp['kind']}]"
        role = f", {sp['role']}" if sp["role"] else ""
        via = f" via {q['conduit']['name']}" if q["conduit"] else ""
        cue = q["cue"]["text"] if q["cue"] else "-"
        lines.append(f"  Q{n:<3} {q['type']:<8} {who}{role}{via}  (cue: {cue}; {q['reason']})")
        lines.append(f"        “{_short(q['content']['text'], 88)}”")
    lines += ["", _style(f"Events ({len(article['events'])})", color, bold=True)]
    lines.append(f"  {'#':<4} {'category':<10} {'status':<9} {'actor':<22} {'trigger':<12} {'target':<22} "
                 f"{'place':<14} {'date':<10} claimed by")
    for n, e in enumerate(article["events"], 1):
        actor = e["actor"]["name"] if e["actor"] else "-"
        target = e["target"]["name"] if e["target"] else "-"
        place = e["place"]["name"] if e["place"] else "-"
        date = (e["date"]["value"] or f"?{e['date']['mention']['text']}") if e["date"] else "-"
        status = e["status"]
        lines.append(f"  E{n:<3} {e['category']:<10} {status:<9} {_short(actor, 22):<22} "
                     f"{_short(e['trigger']['text'], 12):<12} {_short(target, 22):<22} {_short(place, 14):<14} {date:<10} "
                     f"{(e['claimed_by'] or {}).get('name') or '-'}")
    if article["warnings"]:
        lines += ["", "Warnings: " + "; ".join(article["warnings"])]
    return "\n".join(lines)


def render_summary(store: Any, *, top_speakers: int = 6, top_events: int = 12, color: bool = False) -> str:
    stats = store.stats()
    head = (f"Ledger {store.path}: {stats['articles']} articles, {stats['quotes']} quotes from "
            f"{stats['speakers']} named speakers, {stats['events']} events, {stats['entities']} entities, "
            f"{stats['rejects']} rejects")
    lines = [_style(head, color, bold=True), "", _style("Articles", color, bold=True)]
    for row in store.query("SELECT CAST(pubdate AS VARCHAR), source, title, n_quotes, n_events, id FROM articles "
                           "ORDER BY pubdate NULLS LAST, source, id"):
        date, source, title, nq, ne, aid = row
        lines.append(f"  {date or '????-??-??'}  {_short(source or '-', 24):<24} {_short(title or '(untitled)', 52):<52}"
                     f" {nq:>3} quotes {ne:>3} events  {aid}")
    lines += ["", _style("Top speakers", color, bold=True)]
    speakers = store.query(
        "SELECT speaker_name, any_value(speaker_role), count(*) AS n, count(DISTINCT article_id) FROM quotes "
        "WHERE speaker_name IS NOT NULL AND speaker_kind IN ('person', 'organization', 'group') "
        "GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT ?", [top_speakers])
    for name, role, n, n_articles in speakers:
        lines.append(f"  {_style(name, color, fg='cyan')}{', ' + role if role else ''}: {n} quotes in "
                     f"{n_articles} article{'s' if n_articles != 1 else ''}")
        for (content, qtype, source) in store.query(
                "SELECT q.content, q.type, a.source FROM quotes q JOIN articles a ON a.id = q.article_id "
                "WHERE q.speaker_name = ? ORDER BY length(q.content) DESC LIMIT 2", [name]):
            lines.append(f"      {qtype:<8} “{_short(content, 80)}” ({source or '-'})")
    lines += ["", _style("Events", color, bold=True)]
    by_status = ", ".join(f"{k} {v}" for k, v in stats["events_by_status"].items())
    lines.append(f"  by status: {by_status or '-'}")
    for category, status, actor, target, place, date, evidence in store.query(
            "SELECT e.category, e.status, e.actor, e.target, e.place, e.date_value, "
            "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.category IN ('ASSAULT', 'PROTEST', 'COERCE', "
            "'MOBILIZE', 'AID', 'SANCTION', 'THREATEN') ORDER BY e.date_value NULLS LAST, e.id LIMIT ?",
            [top_events]):
        lines.append(f"  {category:<9} {status:<9} {_short(actor or '-', 24):<24} → {_short(target or '-', 24):<24}"
                     f" {_short(place or '-', 14):<14} {date or '-'}")
        lines.append(f"      {_short(evidence, 94)}")
    if stats["rejects"]:
        lines += ["", f"Rejects: {', '.join(f'{k} {v}' for k, v in stats['rejects_by_reason'].items())}"]
    return "\n".join(lines)


def render_ledger_events(events: list[dict[str, Any]]) -> str:
    """Ledger events with their report counts, each report's outlet, date and status."""
    lines = [f"{'ledger event':<22} {'category':<9} {'place':<14} {'date':<10} reports articles copies disputes"]
    for e in events:
        lines.append(f"{e['id']:<22} {e['category']:<9} {_short(e['place'] or '-', 14):<14} {e['date'] or '-':<10} "
                     f"{e['reports']:>7} {e['articles']:>8} {e['copies']:>6} {e['disputes']:>8}")
        for r in e["report_list"]:
            mark = " (copy)" if r["is_copy"] else ""
            lines.append(f"    {r['pubdate'] or '-':<10} {_short(r['source'] or '-', 24):<24} {r['status']:<9} "
                         f"{_short(r['evidence'] or '', 60)}{mark}")
    return "\n".join(lines)


def render_speakers(rows: list[dict[str, Any]]) -> str:
    """Who said what, by date."""
    lines = []
    for r in rows:
        copy = " (copy)" if r["duplicate_of"] else ""
        lines.append(f"{r['pubdate'] or '-':<10} {_short(r['speaker'], 28):<28} {_short(r['source'] or '-', 22):<22} "
                     f"{r['type']:<8} {_short(r['content'], 70)}{copy}")
    return "\n".join(lines) if lines else "(no quotes)"


def render_disputes(disputes: list[dict[str, Any]]) -> str:
    """One block per dispute: kind, ledger event, then each side's claim, speaker, outlet and evidence."""
    lines = []
    for d in disputes:
        lines.append(f"{d['id']}  {d['kind']}  on {d['ledger_event_id']}")
        for s in d["sides"]:
            lines.append(f"    {_short(s['claim'], 30):<30} {_short(s['speaker'] or '-', 24):<24} "
                         f"{_short(s['source'] or '-', 22):<22} {_short(s['evidence']['text'], 60)}")
    return "\n".join(lines) if lines else "(no disputes)"
