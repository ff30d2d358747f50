"""Offline geoparsing: toponyms in a parsed article → :class:`newsledger.records.Place` records.

    from newsledger.geo import find_places
    places = find_places(doc)            # doc: a spaCy Doc from newsledger.nlp.pipeline.load_pipeline()

Nothing heavy happens at import; the gazetteer is opened (and built into the cache the first time) on the
first call. See docs/geo.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .fold import fold, skeleton
from .gazetteer import Gazetteer, GazetteerError, default_gazetteer

if TYPE_CHECKING:
    from ..records import Place

__all__ = ["Gazetteer", "GazetteerError", "find_places", "fold", "skeleton"]


def find_places(doc, *, gazetteer: Gazetteer | None = None, literal_only: bool = False,  # type: ignore[no-untyped-def]
                near: bool = False) -> list["Place"]:
    """Every toponym mention of ``doc`` as a ``Place`` (text order; ``mention`` offsets into ``doc.text``).

    ``place.literal`` is False for names used for something else (``Washington said``, ``Russian``);
    ``literal_only`` drops those. Unknown names keep ``geonameid=None`` and say why in ``reason``; with
    ``near=True`` a literal one also gets the point of the nearest resolved town before it in the text
    (``precision="near"``, the town named in ``reason``).
    """
    from .recognize import recognise
    from .resolve import resolve

    gazetteer = gazetteer or default_gazetteer()
    places = resolve(recognise(doc, gazetteer), doc.text, gazetteer, near=near)
    return [p for p in places if p.literal] if literal_only else places
