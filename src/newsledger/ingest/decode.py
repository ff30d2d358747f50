"""Bytes -> text: binary detection, encoding detection (UTF-8, UTF-16, cp1252, latin-1, cp1251)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import RejectedInput

_CANDIDATES = ["cp1252", "cp1251", "latin_1"]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB: not text (UTF-16 is checked before this)."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


# Archives are never opened (so a zip bomb cannot inflate); their refusal says what to do instead.
_ARCHIVES = {
    b"PK\x03\x04": "a ZIP archive: archives are not opened; unpack it first (gzip files are read)",
    b"7z\xbc\xaf": "a 7z archive: archives are not opened; unpack it first (gzip files are read)",
    b"BZh": "bzip2-compressed: only gzip is read; decompress it first",
    b"\xfd7zX": "xz-compressed: only gzip is read; decompress it first",
    b"\x28\xb5\x2f\xfd": "zstd-compressed: only gzip is read; decompress it first",
}


def decode_bytes(data: bytes, origin: str) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises :class:`RejectedInput`."""
    if not data.strip():
        raise RejectedInput(origin, "empty", "no content")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise RejectedInput(origin, "undecodable", f"invalid {encoding}: {err.reason}") from err
    if looks_binary(data):
        kind = next((why for magic, why in _ARCHIVES.items() if data.startswith(magic)), "binary content, not text")
        raise RejectedInput(origin, "binary", kind)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
    if best is None:
        raise RejectedInput(origin, "undecodable", "not valid UTF-8 and no single-byte encoding fits")
    encoding = best.encoding
    if encoding == "cp1251" and _same_as_cp1252(data):
        encoding = "cp1252"  # curly quotes and dashes only: both read the same; say the likelier one
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as err:
        raise RejectedInput(origin, "undecodable", f"detected {encoding} but it fails: {err.reason}") from err


def _same_as_cp1252(data: bytes) -> bool:
    try:
        return data.decode("cp1252") == data.decode("cp1251")
    except UnicodeDecodeError:
        return False
