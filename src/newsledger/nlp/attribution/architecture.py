"""The tagger's token embedding: the base pipeline's own context vectors (``doc.tensor``) next to a few hashed
features, reduced by one maxout layer.

en_core_web_sm's ``tok2vec`` already runs a four-layer CNN over every token for the tagger and the parser and
leaves its output in ``doc.tensor``. The first tagger ran a second CNN of the same size for itself, which was
most of its cost (44 of 46 ms on a 1,000-token article). Reading ``doc.tensor`` instead leaves a shallow
encoder on top; the hashed features (tags, dependency labels, word shape) are what the base CNN was not
trained to keep.

The architecture is registered explicitly (``register_architectures``), never at import.
"""

from __future__ import annotations

from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.tokens import Doc
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

from ...errors import NewsledgerError

TENSOR_EMBED = "newsledger.TensorEmbed.v1"


def doc_tensor(width: int) -> Model[list[Doc], list[Floats2d]]:
    """``doc.tensor`` of each document, as it is (not trained here)."""

    def forward(model: Model, docs: list[Doc], is_train: bool):  # type: ignore[no-untyped-def]
        out = []
        for doc in docs:
            tensor = doc.tensor
            if len(doc) and (tensor is None or tensor.ndim != 2 or tensor.shape != (len(doc), width)):
                raise NewsledgerError(
                    f"the attribution tagger needs doc.tensor of width {width} from the base pipeline's "
                    f"tok2vec (got shape {getattr(tensor, 'shape', None)}): run it after en_core_web_sm's tok2vec")
            out.append(model.ops.asarray2f(tensor if len(doc) else model.ops.alloc2f(0, width)))
        return out, lambda d_out: []

    return Model("doc_tensor", forward, dims={"nO": width})


def tensor_embed(width: int, attrs: list[str], rows: list[int], tensor_width: int = 96,
                 maxout_pieces: int = 3) -> Model[list[Doc], list[Floats2d]]:
    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    model = chain(concatenate(doc_tensor(tensor_width), hashed),
                  with_array(Maxout(width, tensor_width + width, nP=maxout_pieces, dropout=0.0, normalize=True)))
    model.set_dim("nO", width)
    return model


def register_architectures() -> None:
    from spacy import registry

    if not registry.has("architectures", TENSOR_EMBED):
        registry.architectures.register(TENSOR_EMBED, func=tensor_embed)
