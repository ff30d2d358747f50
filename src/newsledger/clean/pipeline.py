"""The cleaning pipeline: input text -> clean text + offset map + what was changed.

Steps run in order, each as edits on the previous text; their maps compose into one map to the input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .boilerplate import boilerplate_edits
from .glued import glued_word_edits
from .normalize import char_edits, mojibake_edits, nfc_edits, paragraph_edits, space_edits
from .offsets import Edit, OffsetMap, apply_edits


@dataclass
class CleanText:
    text: str
    offset_map: OffsetMap
    dropped_lines: list[str] = field(default_factory=list)
    changes: dict[str, int] = field(default_factory=dict)


def clean_text(raw: str, *, drop_boilerplate: bool = True) -> CleanText:
    """Normalise ``raw`` and drop boilerplate lines, keeping a map from every clean char to ``raw``."""
    dropped: list[str] = []
    steps: list[tuple[str, Callable[[str], Iterable[Edit]]]] = [
        ("mojibake", mojibake_edits),
        ("characters", char_edits),
        ("unicode", nfc_edits),
        ("spaces", space_edits),
    ]
    if drop_boilerplate:
        steps.append(("boilerplate", lambda t: boilerplate_edits(t, dropped)))
    steps += [("paragraphs", paragraph_edits), ("glued_words", glued_word_edits)]

    text = raw
    offset_map = OffsetMap.identity(len(raw))
    changes: dict[str, int] = {}
    for name, step in steps:
        edits = list(step(text))
        new_text, step_map = apply_edits(text, edits)
        if step_map is not None:
            changes[name] = len(edits)
            offset_map = offset_map.then(step_map)
            text = new_text
    return CleanText(text, offset_map, dropped, changes)
