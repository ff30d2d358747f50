"""Offset maps: where each character of a derived text came from in its source text.

A cleaning step is a list of non-overlapping edits ``(start, end, replacement)`` on its input. Applying
the edits gives the new text and an :class:`OffsetMap` from new characters to source ranges. Maps of
successive steps compose, so the final clean text maps straight back to the input as given.

Rules (chosen so that ``source[s:e]`` is always a sensible provenance for a clean span):
- an unchanged character maps to itself;
- a replacement of the same length maps character by character (``\\u00a0`` -> `` ``);
- any other replacement maps each new character to the whole replaced range (``â€™`` -> ``’``);
- an insertion (``onThursday`` -> ``on Thursday``) maps to an empty range at its position.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

Edit = tuple[int, int, str]


class OffsetMap:
    """Per-character map from a derived text to ``[start, end)`` ranges of its source."""

    __slots__ = ("starts", "ends", "source_len")

    def __init__(self, starts: array, ends: array, source_len: int) -> None:
        self.starts = starts
        self.ends = ends
        self.source_len = source_len

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        starts = array("q", range(length))
        return cls(starts, array("q", range(1, length + 1)), length)

    def __len__(self) -> int:
        return len(self.starts)

    def _point(self, i: int) -> int:
        """Source position of the boundary before derived character ``i``."""
        return self.starts[i] if i < len(self.starts) else self.source_len

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map a derived span to the smallest source span that produced it."""
        if not 0 <= start <= end <= len(self.starts):
            raise ValueError(f"span {start}:{end} outside a text of length {len(self.starts)}")
        if start == end:
            point = self._point(start)
            return point, point
        # A span may end on inserted characters (zero-width in the source, like the space in "on Thursday"):
        # it still reaches as far as the last character that does come from the source.
        last = end - 1
        while last > start and self.ends[last] == self.starts[last]:
            last -= 1
        return self.starts[start], max(self.ends[last], self.ends[end - 1], self.starts[start])

    def then(self, later: "OffsetMap") -> "OffsetMap":
        """Compose: ``later`` maps a text derived from this map's derived text."""
        starts, ends = array("q"), array("q")
        for s, e in zip(later.starts, later.ends):
            if e > s:
                a = self.starts[s]
                starts.append(a)
                ends.append(max(self.ends[e - 1], a))
            else:
                point = self._point(s)
                starts.append(point)
                ends.append(point)
        return OffsetMap(starts, ends, self.source_len)

    # Serialisation: runs keep stored maps small (most characters map to themselves, shifted).
    def to_runs(self) -> list[list[int]]:
        """Encode as ``[i0, i1, s0, e0]`` runs; ``e0 == -1`` marks a shifted-identity run."""
        runs: list[list[int]] = []
        n = len(self.starts)
        i = 0
        while i < n:
            s, e = self.starts[i], self.ends[i]
            j = i + 1
            if e == s + 1:
                while j < n and self.starts[j] == s + (j - i) and self.ends[j] == self.starts[j] + 1:
                    j += 1
                runs.append([i, j, s, -1])
            else:
                while j < n and self.starts[j] == s and self.ends[j] == e:
                    j += 1
                runs.append([i, j, s, e])
            i = j
        return runs

    @classmethod
    def from_runs(cls, runs: Iterable[Sequence[int]], source_len: int) -> "OffsetMap":
        starts, ends = array("q"), array("q")
        for i0, i1, s0, e0 in runs:
            if e0 == -1:
                starts.extend(range(s0, s0 + i1 - i0))
                ends.extend(range(s0 + 1, s0 + 1 + i1 - i0))
            else:
                starts.extend([s0] * (i1 - i0))
                ends.extend([e0] * (i1 - i0))
        return cls(starts, ends, source_len)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap | None]:
    """Apply sorted, non-overlapping edits. Returns the new text and its map (``None`` if unchanged)."""
    pieces: list[str] = []
    starts, ends = array("q"), array("q")
    pos = 0
    changed = False
    for start, end, replacement in edits:
        if start < pos or end < start:
            raise ValueError(f"edits overlap or are unsorted at {start}:{end}")
        if text[start:end] == replacement:
            continue
        changed = True
        pieces.append(text[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        pieces.append(replacement)
        if len(replacement) == end - start:
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:
            starts.extend([start] * len(replacement))
            ends.extend([end] * len(replacement))
        pos = end
    if not changed:
        return text, None
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(pieces), OffsetMap(starts, ends, len(text))
