"""What the role tagger reads: a copy of the parsed document with words, tags, dependency labels and, from
feature set 2 on, one syntactic-position string per token.

The tagger's CNN sees only a few tokens each side, yet a content span is usually a whole clause: everything
under a reporting verb's complement, or everything between paired quotation marks. Feature set 2 hands it
that reach from the parse, as a small vocabulary written into the copy's ``LEMMA`` attribute:

- quote state: ``M`` a quotation mark, ``I`` inside a pair of marks in its paragraph, ``O`` outside;
- relation to the nearest cue word above the token in the tree (a lemma seen as the head of a cue in the
  training data): ``V`` the cue word itself, ``S`` in its subject, ``C`` in its clausal complement, ``D`` in
  its object, ``P`` in a prepositional phrase under it, ``X`` under it otherwise, ``-`` under no cue word.

The cue lemmas are learnt from PolNeAR train by ``train.py`` and stored with the model (``cue_lemmas.json``).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

# Quotation marks that open or close (straight marks toggle); typographic single quotes are left out: they
# double as apostrophes.
_OPEN = "\u201c\u00ab\u201e"
_CLOSE = "\u201d\u00bb"
_TOGGLE = '"'
_RELATION = {"nsubj": "S", "nsubjpass": "S", "csubj": "S", "expl": "S",
             "ccomp": "C", "xcomp": "C", "parataxis": "C", "advcl": "C", "acl": "C", "relcl": "C",
             "dobj": "D", "attr": "D", "oprd": "D", "dative": "D", "npadvmod": "D",
             "prep": "P", "pobj": "P", "agent": "P", "pcomp": "P"}
_MAX_DEPTH = 12


def features_doc(doc: Doc, *, version: int = 1, cue_lemmas: Collection[str] = ()) -> Doc:
    """A copy of ``doc`` carrying what the tagger reads (no tree, so no sentence boundaries: spaCy's NER never
    crosses those, and attributions do)."""
    lemmas = None
    if version >= 2:
        quote = quote_states(doc)
        lemmas = [quote[t.i] + relation(t, cue_lemmas) for t in doc]
    copy = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in doc], lemmas=lemmas)
    for source, target in zip(doc, copy):
        target.dep_ = source.dep_
    return copy


def quote_states(doc: Doc) -> list[str]:
    """Per token: ``M`` quotation mark, ``I`` inside paired marks of its paragraph, ``O`` outside. Marks that
    never close in their paragraph leave the paragraph outside (one stray mark must not flip a whole page)."""
    states = ["O"] * len(doc)
    para: list[Token] = []
    for token in list(doc) + [None]:  # type: ignore[list-item]
        if token is None or ("\n" in token.text and token.is_space):
            _mark_paragraph(para, states)
            para = []
        else:
            para.append(token)
    return states


def _mark_paragraph(tokens: list[Token], states: list[str]) -> None:
    opened: int | None = None
    for n, token in enumerate(tokens):
        text = token.text
        if text in _OPEN or text in _CLOSE or text == _TOGGLE or text in ("``", "''"):
            states[token.i] = "M"
            closes = text in _CLOSE or text == "''" or (text == _TOGGLE and opened is not None)
            if opened is not None and closes:
                for inner in tokens[opened + 1:n]:
                    if states[inner.i] != "M":
                        states[inner.i] = "I"
                opened = None
            elif not closes or text == _TOGGLE:
                opened = n


def relation(token: Token, cue_lemmas: Collection[str]) -> str:
    """How ``token`` hangs under the nearest cue word above it (see the module docstring)."""
    if token.lemma_.lower() in cue_lemmas:
        return "V"
    node = token
    for _ in range(_MAX_DEPTH):
        head = node.head
        if head.i == node.i:
            return "-"
        if head.lemma_.lower() in cue_lemmas:
            return _RELATION.get(node.dep_, "X")
        node = head
    return "-"
