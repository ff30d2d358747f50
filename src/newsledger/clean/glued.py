"""Split words that scraping glued together (``onThursday`` -> ``on Thursday``), only where safe.

Safe means: a lowercase function word glued to a capitalised word that is a weekday or month, or that the
same article uses on its own elsewhere. ``iPhone``, ``eBay``, ``McDonald`` and ``deGrasse`` stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .offsets import Edit

_FUNCTION_WORDS = frozenset(
    "on in at of the and to for by from with since until till said says told last next this that but or as "
    "into over after before during early late about against between near than".split()
)
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)
_GLUED = re.compile(r"\b([a-z]{2,})([A-Z][a-z]+)\b")


def glued_word_edits(text: str) -> Iterator[Edit]:
    """Insert a space inside glued words (an insertion edit, so offsets map back to the glued input)."""
    for match in _GLUED.finditer(text):
        head, tail = match.group(1), match.group(2)
        if head not in _FUNCTION_WORDS:
            continue
        if tail in _CALENDAR or re.search(rf"(?<![A-Za-z]){re.escape(tail)}\b", text):
            split_at = match.start(2)
            yield split_at, split_at, " "
