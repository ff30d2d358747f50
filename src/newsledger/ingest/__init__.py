"""Readers: files, directories and stdin in any supported format -> raw documents (or input errors)."""

from .document import RawDocument, ReadOptions
from .reader import iter_documents

__all__ = ["RawDocument", "ReadOptions", "iter_documents"]
