"""Character-level normalisation as edits: mojibake, Unicode forms, odd spaces, whitespace."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import ftfy

from .offsets import Edit

# Runs of characters that UTF-8 read as cp1252/latin-1 produces ("â€™", "Ã©"). Two or more in a row: a single
# accented letter is far more often real text than mojibake.
_MOJIBAKE_RUN = re.compile(
    "[\u00c0-\u00ff\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
)

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LINE_BREAKS = "\r\n|\r|\u2028|\u2029|\x85"
_CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\n\t\f\v\r") + "\x7f"

_CHAR_FIXES = re.compile(f"{_LINE_BREAKS}|[{_SPACES}]|[{_INVISIBLE}{re.escape(_CONTROL)}]")
_NON_ASCII_RUN = re.compile(r".?[^\x00-\x7f]+")


def mojibake_edits(text: str) -> Iterator[Edit]:
    """Repair mojibake only where ftfy is certain: the run decodes to different, valid text."""
    for match in _MOJIBAKE_RUN.finditer(text):
        fixed = ftfy.fix_encoding(match.group())
        if fixed != match.group():
            yield match.start(), match.end(), fixed


def char_edits(text: str) -> Iterator[Edit]:
    """Line breaks to ``\\n``, exotic spaces to `` ``, invisible and control characters removed."""
    for match in _CHAR_FIXES.finditer(text):
        ch = match.group()
        if ch in _INVISIBLE or ch in _CONTROL:
            yield match.start(), match.end(), ""
        elif ch in _SPACES:
            yield match.start(), match.end(), " "
        else:
            yield match.start(), match.end(), "\n"


def _segments(run: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each character of ``run`` that is not a combining mark, with the marks after it."""
    start = 0
    for i in range(1, len(run)):
        if not unicodedata.combining(run[i]):
            yield start, i
            start = i
    yield start, len(run)


def _nfc_pieces(run: str) -> Iterator[tuple[int, int]]:
    """``run`` cut between segments that NFC does not join (it composes e + acute and Hangul jamo across
    segments): each piece normalises alone to what it becomes in the whole run."""
    start = end = 0
    for seg_start, seg_end in _segments(run):
        if seg_start:
            piece, seg = run[start:end], run[seg_start:seg_end]
            joined = unicodedata.normalize("NFC", piece + seg)
            if joined == unicodedata.normalize("NFC", piece) + unicodedata.normalize("NFC", seg):
                yield start, end
                start = seg_start
        end = seg_end
    yield start, end


def nfc_edits(text: str) -> Iterator[Edit]:
    """Compose decomposed characters (e + combining acute -> é), as one edit per piece of a non-ASCII run
    that NFC changes. NFC also rewrites single characters (U+037E into ";", U+FB2C into three code points):
    an edit for the whole run would map every character of it, the letters NFC left alone too, to the whole
    run (found by the atheris harness, tests/fuzz)."""
    if text.isascii():
        return
    for match in _NON_ASCII_RUN.finditer(text):
        run = match.group()
        if unicodedata.is_normalized("NFC", run):
            continue
        for start, end in _nfc_pieces(run):
            composed = unicodedata.normalize("NFC", run[start:end])
            if composed != run[start:end]:
                yield match.start() + start, match.start() + end, composed


_INNER_SPACES = re.compile(r" {2,}")
_LINE_EDGE_SPACES = re.compile(r"^ +| +$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{2,}")


def space_edits(text: str) -> Iterator[Edit]:
    """Collapse runs of spaces and strip spaces at the edges of lines."""
    edits = [(m.start(), m.end(), "") for m in _LINE_EDGE_SPACES.finditer(text)]
    edits += [(m.start() + 1, m.end(), "") for m in _INNER_SPACES.finditer(text)]
    edits.sort()
    last_end = -1
    for start, end, rep in edits:
        if start >= last_end:
            yield start, end, rep
            last_end = end


def _looks_hard_wrapped(blocks: list[str]) -> bool:
    """True when paragraphs are separated by blank lines and lines inside them are wrapped mid-sentence."""
    inner = [line for block in blocks for line in block.split("\n")[:-1] if line]
    if len(inner) < 2:
        return False
    unfinished = sum(1 for line in inner if not line.rstrip().endswith((".", "!", "?", '"', "\u201d", ":")))
    return unfinished / len(inner) > 0.6


def paragraph_edits(text: str) -> Iterator[Edit]:
    """One paragraph per line, separated by a single ``\\n``; trims the ends of the text.

    Hard-wrapped text (blank lines between paragraphs, short wrapped lines inside them) is joined back into
    paragraphs; otherwise blank lines just collapse.
    """
    stripped_start = len(text) - len(text.lstrip("\n "))
    stripped_end = len(text.rstrip("\n "))
    if stripped_start >= stripped_end:
        if text:
            yield 0, len(text), ""
        return
    if stripped_start:
        yield 0, stripped_start, ""
    body = text[stripped_start:stripped_end]
    if "\n\n" in body and _looks_hard_wrapped(_BLANK_LINES.split(body)):
        for match in re.finditer(r"\n+", body):
            rep = "\n" if len(match.group()) > 1 else " "
            yield stripped_start + match.start(), stripped_start + match.end(), rep
    else:
        for match in _BLANK_LINES.finditer(body):
            yield stripped_start + match.start(), stripped_start + match.end(), "\n"
    if stripped_end < len(text):
        yield stripped_end, len(text), ""
