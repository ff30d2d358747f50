"""Resolve date expressions against the publication date, with news conventions.

A first cut (the events issue extends it): weekdays, today/yesterday/tomorrow, month-day with or without
a year, month-year, years, and "the past N hours/days" as ranges. Without a publication date, a relative
expression stays unresolved (``value`` is ``None``); nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from ..records import DateRef, Span

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MONTH_RE = "|".join(_MONTHS) + "|" + "|".join(m[:3] + r"\.?" for m in _MONTHS) + r"|sept\.?"
# A bare four-digit number is a year only in a plausible range: "(2353 UTC)" is a clock time.
_YEAR = r"1[0-9]{3}|20[0-9]{2}"
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "24": 24, "48": 48, "72": 72, "several": None, "few": None}


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    if name == "sept":
        return 9
    return next(i + 1 for i, m in enumerate(_MONTHS) if m.startswith(name[:3]))


def resolve_date(text: str, mention: Span, pubdate: str | None, *, future: bool = False) -> DateRef:
    """A :class:`DateRef` for a DATE/TIME expression; ``value`` is ``None`` when it cannot be resolved."""
    base = dt.date.fromisoformat(pubdate) if pubdate else None
    lower = text.lower().strip()
    lower = re.sub(r"['’]s$", "", lower)

    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", lower):
        return DateRef(lower, None, "day", mention)
    if m := re.search(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", lower) or \
            re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE}),?\s+(\d{{4}})\b", lower):
        a, b, year = m.groups()
        month, day = (_month(a), int(b)) if not a.isdigit() else (_month(b), int(a))
        return _day(int(year), month, day, mention)
    if m := re.fullmatch(rf"(?:in |the end of |by the end of |early |late |mid-?|since )?({_YEAR})", lower):
        return DateRef(m.group(1), None, "year", mention)
    if m := re.fullmatch(rf"(?:in )?(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter"
                         rf"(?: of (?:the year|this year|({_YEAR})))?", lower):
        # "the first quarter": the months of this year's quarter, last year's if it has not begun yet
        first = 3 * ["first", "second", "third", "fourth"].index(_ORDINALS.get(m.group(1), m.group(1))) + 1
        if m.group(2):
            year = int(m.group(2))
        elif base is not None:
            year = base.year - 1 if first > base.month and not future else base.year
        else:
            return DateRef(None, None, None, mention)
        return DateRef(f"{year}-{first:02d}", f"{year}-{first + 2:02d}", "month", mention)
    if base is None:
        return DateRef(None, None, None, mention)
    if lower.startswith(("late ", "early ")) and lower.split(" ", 1)[1] in _WEEKDAYS:
        lower = lower.split(" ", 1)[1]
    for i, name in enumerate(_WEEKDAYS):
        if re.fullmatch(rf"(last |this |on |next )?{name}( (morning|afternoon|evening|night))?", lower):
            delta = (base.weekday() - i) % 7
            if lower.startswith("next") or (future and delta):
                return DateRef((base + dt.timedelta(days=(i - base.weekday()) % 7 or 7)).isoformat(), None,
                               "day", mention)
            return DateRef((base - dt.timedelta(days=delta)).isoformat(), None, "day", mention)
    if lower in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return DateRef(base.isoformat(), None, "day", mention)
    if lower in ("yesterday", "last night"):
        return DateRef((base - dt.timedelta(days=1)).isoformat(), None, "day", mention)
    if lower == "tomorrow":
        return DateRef((base + dt.timedelta(days=1)).isoformat(), None, "day", mention)
    if m := re.fullmatch(rf"(?:on )?({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                         rf"(?:of )?({_MONTH_RE})", lower):
        month = _month(m.group(1) or m.group(4))
        day = int(m.group(2) or m.group(3))
        ref = _day(base.year, month, day, mention)
        if ref.value and ref.value > base.isoformat() and not future:
            ref = _day(base.year - 1, month, day, mention)
        return ref
    if m := re.fullmatch(r"(?:the )?(?:past|last) (\w+) (hours|days)", lower):
        n = _NUMBER_WORDS.get(m.group(1), int(m.group(1)) if m.group(1).isdigit() else None)
        if n is not None:
            days = n // 24 if m.group(2) == "hours" else n
            return DateRef((base - dt.timedelta(days=max(days, 1))).isoformat(), base.isoformat(), "day", mention)
    if m := re.fullmatch(r"(?:the )?(?:past|last|previous) (week|month|year)", lower):
        return _period_before(base, m.group(1), mention)
    if lower in ("this week", "this month", "this year", "the year", "earlier this year", "earlier this month",
                 "later this year", "this past week"):
        unit = lower.split()[-1]
        if unit == "week":
            monday = base - dt.timedelta(days=base.weekday())
            return DateRef(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week", mention)
        return DateRef(base.isoformat()[:7 if unit == "month" else 4], None, unit, mention)
    if lower == "next year":
        return DateRef(str(base.year + 1), None, "year", mention)
    if m := re.fullmatch(rf"(?:in |early |late |mid-?|the end of |by the end of |earlier in )?({_MONTH_RE})", lower):
        month = _month(m.group(1))
        year = base.year if (month <= base.month or future) else base.year - 1
        return DateRef(f"{year}-{month:02d}", None, "month", mention)
    if m := re.fullmatch(r"(\w+) (days|weeks|months|years) ago", lower):
        n = _NUMBER_WORDS.get(m.group(1), int(m.group(1)) if m.group(1).isdigit() else None)
        if n is not None:
            if m.group(2) == "days":
                return DateRef((base - dt.timedelta(days=n)).isoformat(), None, "day", mention)
            if m.group(2) == "weeks":
                return DateRef((base - dt.timedelta(weeks=n)).isoformat(), None, "week", mention)
            if m.group(2) == "months":
                month_index = base.year * 12 + base.month - 1 - n
                return DateRef(f"{month_index // 12}-{month_index % 12 + 1:02d}", None, "month", mention)
            return DateRef(str(base.year - n), None, "year", mention)
    if m := re.fullmatch(rf"({_MONTH_RE})\s+(\d{{4}})", lower):
        return DateRef(f"{m.group(2)}-{_month(m.group(1)):02d}", None, "month", mention)
    if m := re.fullmatch(rf"(?:in |the end of |by the end of |early |late |mid-?)?({_YEAR})", lower):
        return DateRef(m.group(1), None, "year", mention)
    return DateRef(None, None, None, mention)


def _period_before(base: dt.date, unit: str, mention: Span) -> DateRef:
    """``last week`` / ``the past month`` / ``last year``: the calendar period before the base date's."""
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday() + 7)
        return DateRef(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week", mention)
    if unit == "month":
        month_index = base.year * 12 + base.month - 2
        return DateRef(f"{month_index // 12}-{month_index % 12 + 1:02d}", None, "month", mention)
    return DateRef(str(base.year - 1), None, "year", mention)


def _day(year: int, month: int, day: int, mention: Span) -> DateRef:
    try:
        return DateRef(dt.date(year, month, day).isoformat(), None, "day", mention)
    except ValueError:
        return DateRef(None, None, None, mention)
