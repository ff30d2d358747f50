"""The attribution role tagger as a spaCy pipeline component.

``newsledger_attribution`` runs the trained tagger (CONTENT / SOURCE / CUE spans, trained on PolNeAR train
by ``make train-attribution``) and writes its spans to ``doc.spans["attribution_roles"]`` without touching
``doc.ents``. Add it to your own pipeline after a parser::

    from newsledger.nlp.attribution.component import register
    register()
    nlp.add_pipe("newsledger_attribution", last=True)
"""

from __future__ import annotations

import functools
import json
import logging
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...errors import NewsledgerError
from .data import LABELS
from .decode import begin_bias, decode
from .features import features_doc

logger = logging.getLogger(__name__)

FACTORY = "newsledger_attribution"
SPANS_KEY = "attribution_roles"


def default_model_path() -> Path:
    """The shipped model, or the directory named by ``NEWSLEDGER_ATTRIBUTION_MODEL``."""
    override = os.environ.get("NEWSLEDGER_ATTRIBUTION_MODEL")
    if override:
        return Path(override)
    return Path(str(resources.files("newsledger").joinpath("models/attribution")))


@functools.lru_cache(maxsize=2)
def load_tagger(path: str):  # type: ignore[no-untyped-def]
    import spacy

    from .architecture import register_architectures

    if not (Path(path) / "ner").exists():
        raise NewsledgerError(f"no attribution model in {path}: run 'make train-attribution'")
    register_architectures()  # the tensor-fed tagger's config names newsledger.TensorEmbed.v1
    return spacy.load(path)


@dataclass(frozen=True)
class Features:
    """What the model reads and how it decodes (``features.json``; models without it use feature set 1)."""
    version: int = 1
    cue_lemmas: frozenset[str] = frozenset()
    begin_bias: tuple[tuple[str, float], ...] = ()


@functools.lru_cache(maxsize=4)
def load_features(path: str) -> Features:
    meta = Path(path) / "features.json"
    if not meta.exists():
        return Features()
    data = json.loads(meta.read_text(encoding="utf-8"))
    return Features(int(data["version"]), frozenset(data.get("cue_lemmas", ())),
                    tuple(sorted((data.get("begin_bias") or {}).items())))


class AttributionTagger:
    """Predicts role spans; ``__call__`` = predict, then set annotations (spaCy's component shape)."""

    def __init__(self, nlp: Language, name: str, model_path: str | None = None) -> None:
        self.name = name
        self.model_path = str(model_path or default_model_path())
        for label in LABELS:  # the tagger writes these labels into documents of this pipeline's vocab
            nlp.vocab.strings.add(label)

    @property
    def tagger(self):  # type: ignore[no-untyped-def]
        return load_tagger(self.model_path)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def pipe(self, docs, batch_size: int = 32):  # type: ignore[no-untyped-def]
        # Batched: the CNN and the transition model run faster over many documents at once.
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]):  # type: ignore[no-untyped-def]
        for doc, spans in zip(docs, self.predict_batch(docs)):
            yield self.set_annotations(doc, spans)

    @functools.cached_property
    def _bias(self):  # type: ignore[no-untyped-def]
        """The model's decoding bias as a per-move vector, built once (it depends only on the model)."""
        return begin_bias(self.tagger.get_pipe("ner"), dict(load_features(self.model_path).begin_bias))

    def predict(self, doc: Doc) -> list[tuple[int, int, str]]:
        return self.predict_batch([doc])[0]

    def predict_batch(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        ner = self.tagger.get_pipe("ner")
        features = load_features(self.model_path)
        for label in LABELS:  # the docs may come from another pipeline's vocab
            docs[0].vocab.strings.add(label)
        copies = [features_doc(doc, version=features.version, cue_lemmas=features.cue_lemmas) for doc in docs]
        tagged = decode(ner, copies, self._bias)
        return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in tagged]

    def set_annotations(self, doc: Doc, spans: list[tuple[int, int, str]]) -> Doc:
        doc.spans[SPANS_KEY] = [Span(doc, start, end, label=label) for start, end, label in spans]
        return doc


def register() -> None:
    """Declare the factory (explicitly, never at import time)."""
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"model_path": None},
                         requires=["token.tag", "token.dep"], assigns=[f"doc.spans"])(
            lambda nlp, name, model_path: AttributionTagger(nlp, name, model_path))
