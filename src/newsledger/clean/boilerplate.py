"""Whole lines that scraped pages leave behind, in HTML extractions and in plain text alike.

Only a short line that matches one of these patterns in full is dropped, so article sentences that merely
mention "comments" or "newsletter" stay. Each pattern has a name: dropped lines are reported by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .offsets import Edit

MAX_JUNK_LINE = 120

_PATTERNS: dict[str, str] = {
    "comments": r"(no|\d+) comments?:?|post a comment|leave a (comment|reply)|add (a|your) comment"
                r"|(show|view|load) (all |more )?comments|comments are closed|subscribe to:? post comments.*",
    "share": r"(share|share this( article| story| post)?|tweet|email|print|pin it|whatsapp|facebook|twitter"
             r"|linkedin|reddit)[:!]?|share (on|via|to) [\w ]+|(click to )?share on \w+.*",
    "subscribe": r"(subscribe|sign up|join)( now| today)?( to| for)?( our| the)? ?(free )?(daily |weekly )?"
                 r"(newsletter|mailing list|updates|channel|alerts)?[.!:]?",
    "advertisement": r"(advertisement|advertising|sponsored( content)?|promoted( content)?|ad|ads by \w+)",
    "related": r"(related|related (articles|stories|posts|coverage|content|links)|see also|recommended"
               r"( for you)?|more (on this|from \w+)|you may also like|read (more|next|also)(:.*)?|most popular)[:]?",
    "cookies": r"(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings)).*",
    "newsletter": r"(get|sign up for|receive) (our|the) [\w ]*newsletter.*|newsletter( sign-?up)?",
    "follow": r"(follow|like) us( on)?( (twitter|facebook|instagram|x|linkedin|youtube|tiktok|threads|bluesky"
              r"|mastodon|telegram|whatsapp)[,&]?( and| or)?)+[.!]?",
    "navigation": r"(newer post|older post|home|back to top|next article|previous article|skip to content)"
                  r"( (newer post|older post|home))*|labels?: .*|posted by [\w .'-]{1,40}((at|on) .*)?",
    "copyright": r"(©|\(c\)|copyright ©|copyright \(c\)|copyright \d{4})\s*.*|all rights reserved\.?",
}
_JUNK = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS.items()), re.IGNORECASE)


def junk_kind(line: str) -> str | None:
    """The boilerplate pattern name that matches the whole (stripped) line, or ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_JUNK_LINE:
        return None
    match = _JUNK.fullmatch(stripped)
    return match.lastgroup if match else None


def boilerplate_edits(text: str, dropped: list[str] | None = None) -> Iterator[Edit]:
    """Delete junk lines with their line break; ``dropped`` collects ``kind: line`` for the warnings."""
    pos = 0
    last_end = 0
    for line in text.split("\n"):
        end = pos + len(line)
        kind = junk_kind(line)
        if kind is not None:
            if dropped is not None:
                dropped.append(f"{kind}: {line.strip()}")
            # Take the preceding newline when there is one, so the last line leaves no trailing break.
            start, stop = (pos - 1, end) if pos > 0 else (pos, min(end + 1, len(text)))
            start = max(start, last_end)
            yield start, stop, ""
            last_end = stop
        pos = end + 1
