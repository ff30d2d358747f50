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
        if self._head:
            nl = self._head.find(b"\n")
            if nl >= 0:
                out, self._head = self._head[: nl + 1], self._head[nl + 1:]
                return out
            out, self._head = self._head, b""
            return out + self._rest.readline()
        return self._rest.readline()

    def __iter__(self):  # type: ignore[no-untyped-def]
        while True:
            line = self.readline()
            if not line:
                return
            yield line
