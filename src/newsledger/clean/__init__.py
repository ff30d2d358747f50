"""Cleaning that keeps provenance: clean text plus an offset map back to the input text."""

from .offsets import OffsetMap
from .pipeline import CleanText, clean_text

__all__ = ["CleanText", "OffsetMap", "clean_text"]
