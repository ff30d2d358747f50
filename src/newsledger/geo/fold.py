"""Name folding: one key for the many spellings of a place name.

``fold("Ma'arrat an-Nu'man") == fold("Maaret al-Numan")`` is what the gazetteer index relies on. Two keys:

* :func:`fold` — case, diacritics, apostrophes and ayin/hamza marks, hyphens and dots, Arabic article
  variants (``an-``, ``ash-``, ``el`` ... → ``al``), ``St.``/``Saint``, doubled letters. Used for exact lookup.
* :func:`skeleton` — the consonants of the folded key (``maret al numan`` → ``mrt l nmn``), for
  transliterations that differ in their vowels. Looser: a skeleton hit is weaker evidence than a fold hit.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into ASCII.
_LETTERS = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t",
})
# Apostrophes, ayin/hamza marks and primes vanish: Ma'arrat, Maʿarrat, Ma’arrat → Maarrat.
_MARKS = re.compile("['\u2018\u2019\u02bb\u02bc\u02be\u02bf\u02c8\u0060\u00b4\u2032]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015./,()]+")
# Arabic definite article as transliterated (sun-letter assimilation and French/Turkish spellings).
_ARTICLES = frozenset({
    "al", "el", "an", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "ed", "en", "er", "es", "et", "ez",
    "ech", "ul", "ud", "ut", "us", "un",
})
# Word-level abbreviations, after dots are gone (St. → st).
_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port", "co": "county"}
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")
_FINAL_H = re.compile(r"([aeiou])h$")  # Hamah = Hama


def plain(name: str) -> str:
    """Lower case without diacritics, apostrophes or exotic letters; other characters kept."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _MARKS.sub("", text).lower()


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` folds to ASCII (no Cyrillic, Arabic, CJK ... script)."""
    return plain(name).isascii()


def fold(name: str) -> str:
    """The lookup key of ``name`` ('' when nothing is left)."""
    words = [w for w in _SEPARATORS.split(plain(name)) if w]
    out = []
    for i, word in enumerate(words):
        # "al" starts no key of one word ("Al" alone is not an article), but "As Suwayda" keeps it.
        if word in _ARTICLES and len(words) > 1 and i < len(words) - 1:
            word = "al"
        out.append(_WORDS.get(word, word))
    return _DOUBLED.sub(r"\1", " ".join(out))


def skeleton(key: str) -> str:
    """Consonant skeleton of a folded key: first letter of each word kept, later vowels dropped."""
    words = []
    for word in key.split():
        word = _FINAL_H.sub(r"\1", word).replace("ou", "u").replace("q", "k").replace("dh", "d").replace("kh", "k")
        words.append(word[:1] + _VOWELS.sub("", word[1:]))
    return _DOUBLED.sub(r"\1", " ".join(words))
