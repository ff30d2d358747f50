"""Byte streams that replay what was already read, so formats can be sniffed on unseekable input."""

from __future__ import annotations

import io
from typing import IO


class Rewound(io.RawIOBase):
    """A stream that first replays bytes already read (for sniffing without seek, e.g. stdin)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            out, self._head = self._head + self._rest.read(), b""
            return out
        if self._head:
            out, self._head = self._head[:size], self._head[size:]
            if len(out) < size:
                out += self._rest.read(size - len(out))
            return out
        return self._rest.read(size)

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int = -1) -> bytes:
        size = -1 if size is None else size
        if self._head:
            nl = self._head.find(b"\n")
            end = nl + 1 if nl >= 0 else len(self._head)
            if size >= 0:
                end = min(end, size)
            out, self._head = self._head[:end], self._head[end:]
            if nl >= 0 and end == nl + 1 or len(out) == size:
                return out
            return out + self._rest.readline(-1 if size < 0 else size - len(out))
        return self._rest.readline(size)

    def __iter__(self):  # type: ignore[no-untyped-def]
        while True:
            line = self.readline()
            if not line:
                return
            yield line
