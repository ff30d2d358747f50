"""What every cleaned text must satisfy, whatever the input: shared by the hypothesis properties
(``test_clean_properties.py``) and the atheris harness (``tests/fuzz/targets.py``)."""

from __future__ import annotations

import unicodedata

from newsledger.clean import CleanText, OffsetMap


def char_sources(m: OffsetMap, n: int) -> list[tuple[int, int]]:
    return [m.to_input(i, i + 1) for i in range(n)]


def assert_map_faithful(raw: str, cleaned: CleanText) -> None:
    """The clean text maps back into ``raw``: in bounds, monotone, visible ASCII kept as is, spans covering
    their characters' sources, and the stored (run-encoded) form decodes to the same map."""
    text, m = cleaned.text, cleaned.offset_map
    assert len(m) == len(text) and m.source_len == len(raw)

    sources = char_sources(m, len(text))
    last_start = 0
    for i, (s, e) in enumerate(sources):
        assert 0 <= s <= e <= len(raw)
        assert s >= last_start, "clean characters must map to non-decreasing input positions"
        last_start = s
        ch = text[i]
        if ch.isascii() and not ch.isspace():
            # No cleaning step makes up visible ASCII: it is the very input character, or one that is the
            # same character under Unicode (NFC turns U+037E GREEK QUESTION MARK into ";" and U+212A KELVIN
            # SIGN into "K"; found by the atheris harness).
            assert raw[s:e] == ch or unicodedata.normalize("NFC", raw[s:e]) == ch, (i, ch, raw[s:e])
        elif e - s == 1 and raw[s] != ch and raw[s].isascii():
            # An ASCII input character is only ever changed into a space or line break (tab, \r).
            assert ch in " \n", (i, ch, raw[s:e])

    for i in range(len(text) + 1):
        s, e = m.to_input(i, i)
        assert 0 <= s == e <= len(raw)
    step = max(3, len(text) // 40)  # spans sampled on a grid: about 800 on a long text
    for i in range(0, len(text) + 1, step):
        reach, done = 0, i  # the furthest source end of the characters i..j-1 that come from the input
        for j in range(i, len(text) + 1, step + 1):
            reach = max([reach, *(ce for cs, ce in sources[done:j] if ce > cs)])
            done = j
            s, e = m.to_input(i, j)
            assert 0 <= s <= e <= len(raw)
            # monotone in both ends, and covering every character's own source
            if j > i:
                assert s == sources[i][0] and e >= reach

    back = OffsetMap.from_runs(m.to_runs(), len(raw))
    assert list(back.starts) == list(m.starts) and list(back.ends) == list(m.ends)
