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

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, TAG
from spacy.tokens import Doc

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
    """A copy of ``doc`` carrying what the tagger reads: words, tags, dependency labels, the base pipeline's
    ``doc.tensor`` (no tree, so no sentence boundaries: spaCy's NER never crosses those, and attributions do)."""
    attrs = [TAG, DEP]
    columns = [doc.to_array([TAG, DEP])]
    if version >= 2:
        strings = doc.vocab.strings
        quote = quote_states(doc)
        columns.append(numpy.array([[strings.add(q + r)] for q, r in zip(quote, relations(doc, cue_lemmas))],
                                   dtype="uint64").reshape(-1, 1))  # (0, 1) for an empty document
        attrs.append(LEMMA)
    copy = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    copy.from_array(attrs, numpy.hstack(columns).astype("uint64"))
    if doc.tensor is not None and doc.tensor.ndim == 2 and doc.tensor.shape[0] == len(doc):
        copy.tensor = doc.tensor  # the base pipeline's context vectors, read by the tensor-fed tagger
    return copy


def quote_states(doc: Doc) -> list[str]:
    """Per token: ``M`` quotation mark, ``I`` inside paired marks of its paragraph, ``O`` outside. Marks that
    never close in their paragraph leave the paragraph outside (one stray mark must not flip a whole page)."""
    states = ["O"] * len(doc)
    opened: int | None = None
    for token in doc:
        text = token.text
        if token.is_space and "\n" in text:
            opened = None  # a new paragraph; an unclosed mark stays unpaired
        elif text in _OPEN or text in _CLOSE or text == _TOGGLE or text in ("``", "''"):
            states[token.i] = "M"
            closes = text in _CLOSE or text == "''" or (text == _TOGGLE and opened is not None)
            if opened is not None and closes:
                for i in range(opened + 1, token.i):
                    if states[i] != "M":
                        states[i] = "I"
                opened = None
            elif not closes or text == _TOGGLE:
                opened = token.i
    return states


def relations(doc: Doc, cue_lemmas: Collection[str]) -> list[str]:
    """Per token, how it hangs under the nearest cue word above it (see the module docstring). Works on
    arrays: walking ``Token`` objects costs more than the tagger itself."""
    strings = doc.vocab.strings
    heads = [i + int(rel) for i, rel in enumerate(doc.to_array(HEAD).astype("int64"))]
    deps = [strings[int(d)] for d in doc.to_array(DEP)]
    is_cue = [strings[int(lemma)].lower() in cue_lemmas for lemma in doc.to_array(LEMMA)]
    out = []
    for i in range(len(doc)):
        if is_cue[i]:
            out.append("V")
            continue
        node, label = i, "-"
        for _ in range(_MAX_DEPTH):
            head = heads[node]
            if head == node:
                break
            if is_cue[head]:
                label = _RELATION.get(deps[node], "X")
                break
            node = head
        out.append(label)
    return out

