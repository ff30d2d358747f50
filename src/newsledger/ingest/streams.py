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
        return iter(self.readline, b"")


class CompressionBomb(Exception):
    """Raised by :class:`RatioGuard` when a stream inflates past its limits."""


class Counting(io.RawIOBase):
    """Counts the bytes read through it (the compressed side of a gzip stream)."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.count += len(data)
        return data

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class RatioGuard(io.RawIOBase):
    """The decompressed side of a gzip stream, refused (:class:`CompressionBomb`) once more than
    ``after_bytes`` came out of it at a ratio above ``max_ratio`` to what went in. Real news text and JSONL
    compress 3-20:1; a bomb of zeros or blank lines compresses 1000:1 and would cost minutes to read."""

    def __init__(self, inflated: IO[bytes], compressed: Counting, *, max_ratio: int, after_bytes: int) -> None:
        self._inner = inflated
        self._compressed = compressed
        self.max_ratio = max_ratio
        self.after_bytes = after_bytes
        self.count = 0

    def readable(self) -> bool:
        return True

    def _check(self, data: bytes) -> bytes:
        self.count += len(data)
        if self.count > self.after_bytes and self.count > self.max_ratio * max(self._compressed.count, 1):
            raise CompressionBomb(f"{self.count:,} bytes from {self._compressed.count:,} compressed, a ratio over "
                                  f"the limit of {self.max_ratio}:1")
        return data

    def read(self, size: int = -1) -> bytes:
        return self._check(self._inner.read(size))

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int = -1) -> bytes:
        return self._check(self._inner.readline(size))

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.readline, b"")
