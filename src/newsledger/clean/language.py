"""Is this English? A cheap, dependency-free check good enough to refuse non-English input.

English running text is roughly 40-55% function words; other languages written in Latin script share few
of them, and other scripts share none. Texts too short to judge pass.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an "
    "they which one you were her all she there would their we him been has when who will more no if out so "
    "said what up its about into than them can only other new some could time these two may then do first "
    "any my now such like our over man me even most made after also did many before must through back years "
    "where much your way well down should because each just those people how too little state good very make "
    "world still own see men work long get here between both life being under never day same another know "
    "while last might us great old year off come since against go came right used take three".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 25
MIN_LETTERS = 40
MIN_RATIO = 0.12


def english_score(text: str, *, sample_chars: int = 20_000) -> tuple[float, int]:
    """Share of words that are English function words, and how many words were looked at."""
    words = _WORD.findall(text[:sample_chars].lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in _FUNCTION_WORDS) / len(words), len(words)


def looks_english(text: str) -> tuple[bool, str]:
    """``(verdict, detail)``; short texts are given the benefit of the doubt."""
    score, n = english_score(text)
    latin = sum(1 for ch in text[:20_000] if ch.isascii() and ch.isalpha())
    letters = sum(1 for ch in text[:20_000] if ch.isalpha()) or 1
    # Script first: Chinese or Japanese has no spaces, so a whole paragraph is only a few "words".
    if letters >= MIN_LETTERS and latin / letters < 0.5:
        return False, f"mostly non-Latin script ({latin / letters:.0%} Latin letters)"
    if n < MIN_WORDS:
        return True, f"too short to judge ({n} words)"
    if score < MIN_RATIO:
        return False, f"{score:.0%} English function words (need {MIN_RATIO:.0%})"
    return True, f"{score:.0%} English function words"
