"""Lone surrogates (U+D800-U+DFFF) are not Unicode text: UTF-8 cannot encode them, so neither DuckDB nor a
JSON export can hold them. They reach newsledger two ways: a JSON string escape (``"\\ud83d"``, half an emoji
cut by a broken scraper) and a file name that is not UTF-8 (Python decodes its bytes as ``\\udcXX``).

Article text gets U+FFFD in their place, one for one, so every offset into it stays where it was. Names
(origins, input ids) get a visible escape instead: ``caf\\xe9.txt`` for the byte a file name held.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD (same length), and how many there were."""
    return _SURROGATE.subn(REPLACEMENT, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def escape_surrogates(name: str) -> str:
    """``name`` with each lone surrogate written as an escape: the byte it stood for, else its code point."""
    return _SURROGATE.sub(_escape, name)
