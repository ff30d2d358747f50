"""The biased greedy decoder (decode.py) against spaCy's own decoding, with the shipped tagger."""

from __future__ import annotations

import pytest

from newsledger.nlp.attribution.component import default_model_path, load_features, load_tagger
from newsledger.nlp.attribution.decode import begin_bias, decode
from newsledger.nlp.attribution.features import features_doc

TEXT = ("The mayor said the bridge would open in May. Critics griped that it was late, and the council "
        "conceded the cost had doubled. \"We are ready,\" she added.\n\nOfficials expect traffic to fall.")


@pytest.fixture(scope="module")
def tagged(nlp):
    path = str(default_model_path())
    ner = load_tagger(path).get_pipe("ner")
    features = load_features(path)
    for label in ("CONTENT", "SOURCE", "CUE"):
        nlp.vocab.strings.add(label)

    def run(biases):  # type: ignore[no-untyped-def]
        docs = [features_doc(nlp(text), version=features.version, cue_lemmas=features.cue_lemmas)
                for text in (TEXT, TEXT.upper(), "")]
        out = decode(ner, docs, begin_bias(ner, biases))
        return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in out]
    return ner, run


def test_no_bias_is_spacys_own_decoding(tagged):
    ner, run = tagged
    assert begin_bias(ner, {"CUE": 0.0}) is None
    # A tiny bias takes the Python loop, and must find exactly what spaCy's C loop finds.
    assert run({"CUE": 1e-6}) == run({})


def test_the_bias_lands_on_the_moves_that_open_a_span(tagged):
    ner, _ = tagged
    vector = begin_bias(ner, {"CUE": 2.0})
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    assert {names[i] for i, v in enumerate(vector) if v} == {"B-CUE", "U-CUE"}


def test_a_large_bias_opens_more_spans_of_that_label_and_spans_stay_well_formed(tagged):
    _, run = tagged
    plain, pushed = run({}), run({"CUE": 8.0})
    count = lambda tags: sum(1 for doc in tags for *_, label in doc if label == "CUE")  # noqa: E731
    assert count(pushed) > count(plain)
    for doc in pushed:
        assert all(start < end for start, end, _ in doc)
        assert all(a[1] <= b[0] for a, b in zip(doc, doc[1:]))  # no overlaps: still one label per token
    assert pushed[2] == []  # an empty document stays empty
