"""The attribution tagger's training path runs end to end on a tiny corpus written here."""

from __future__ import annotations

import json

from newsledger.nlp.attribution import train
from newsledger.nlp.attribution.features import features_doc


def _record(n: int) -> dict:
    text = (f'Mayor Ana Ruiz{n} said the bridge would open in May. "We are ready," she added.\n\n'
            f"Officials said the cost was lower than planned.")
    def span(fragment, start_at=0):
        start = text.index(fragment, start_at)
        return {"start": start, "end": start + len(fragment), "text": fragment}
    return {"id": f"doc{n}", "text": text, "attributions": [
        {"source": span(f"Mayor Ana Ruiz{n}"), "cue": span("said"), "content": span("the bridge would open in May")},
        {"source": span("she"), "cue": span("added"), "content": span('"We are ready,"')},
        {"source": span("Officials"), "cue": span("said", text.index("Officials")),
         "content": span("the cost was lower than planned")},
    ]}


def test_training_writes_a_loadable_model_and_its_record(tmp_path):
    train_path, dev_path = tmp_path / "train.jsonl", tmp_path / "dev.jsonl"
    train_path.write_text("".join(json.dumps(_record(n)) + "\n" for n in range(6)))
    dev_path.write_text("".join(json.dumps(_record(n)) + "\n" for n in range(6, 8)))
    out = tmp_path / "model"
    assert train.main(["--train", str(train_path), "--dev", str(dev_path), "--out", str(out),
                       "--cache", str(tmp_path / "cache"), "--epochs", "2"]) == 0
    record = json.loads((out / "training.json").read_text())
    assert record["train"]["docs"] == 6 and len(record["train"]["sha256"]) == 64
    assert [h["epoch"] for h in record["history"]] == [1, 2]
    import spacy

    tagger = spacy.load(out)
    assert set(tagger.get_pipe("ner").labels) == {"CONTENT", "SOURCE", "CUE"}
    # The cue lemmas are learnt from train: "say" heads a cue 12 times there, "add" 6 times.
    features = json.loads((out / "features.json").read_text())
    assert features["version"] == 2
    assert "say" in features["cue_lemmas"] and "add" in features["cue_lemmas"]
    assert "bridge" not in features["cue_lemmas"]


def test_features_doc_has_no_sentence_boundaries(nlp):
    doc = nlp("One sentence here. Another one there.")
    copy = features_doc(doc)
    assert [t.dep_ for t in copy] == [t.dep_ for t in doc]
    assert [t.tag_ for t in copy] == [t.tag_ for t in doc]
    assert not copy.has_annotation("SENT_START")


def test_feature_strings_mark_quotes_and_the_clause_under_a_cue(nlp):
    doc = nlp('The minister said that the army had taken the town. "It is over," she added.')
    copy = features_doc(doc, version=2, cue_lemmas={"say", "add"})
    feature = {t.text: f.lemma_ for t, f in zip(doc, copy)}
    assert feature["said"] == "OV" and feature["minister"] == "OS"
    assert feature["army"] == "OC" and feature["town"] == "OC"
    assert feature["It"][0] == "I" and feature["over"][0] == "I"
    assert {copy[t.i].lemma_[0] for t in doc if t.text == '"'} == {"M"}
    assert feature["she"] == "OS"


def test_a_stray_quotation_mark_leaves_its_paragraph_outside(nlp):
    from newsledger.nlp.attribution.features import quote_states

    doc = nlp('He said "this never closes and runs on.\n\nA new paragraph "with a pair" here.')
    states = dict(zip([t.text for t in doc], quote_states(doc)))
    assert states["never"] == "O" and states["runs"] == "O"
    assert states["pair"] == "I" and states["here"] == "O"


def _train_tiny(tmp_path, *options: str):  # type: ignore[no-untyped-def]
    """A one-epoch tensor-fed model on four documents (train doubles as dev): shapes, not scores."""
    train_path = tmp_path / "train.jsonl"
    train_path.write_text("".join(json.dumps(_record(n)) + "\n" for n in range(4)))
    out = tmp_path / "model"
    assert train.main(["--train", str(train_path), "--dev", str(train_path), "--out", str(out),
                       "--cache", str(tmp_path / "cache"), "--epochs", "1", "--width", "32", "--depth", "1",
                       "--features", "3", *options]) == 0
    return out


def test_the_tagger_reads_the_base_pipelines_tensor(tmp_path):
    out = _train_tiny(tmp_path)
    assert "newsledger.TensorEmbed.v1" in (out / "config.cfg").read_text()
    from newsledger.nlp.attribution.component import AttributionTagger
    from newsledger.nlp.pipeline import load_pipeline

    nlp = load_pipeline(attribution=False)
    tagger = AttributionTagger(nlp, "attribution", str(out))
    doc = nlp('"We are ready," the mayor said.')
    assert doc.tensor.shape == (len(doc), 96)
    tagger(doc)  # runs; what it tags after one epoch on four documents is not the point


def test_a_document_without_the_base_tensor_is_refused_clearly(tmp_path):
    import pytest
    from spacy.tokens import Doc

    from newsledger.errors import NewsledgerError
    from newsledger.nlp.attribution.architecture import doc_tensor
    from newsledger.nlp.pipeline import load_pipeline

    doc = Doc(load_pipeline(attribution=False).vocab, words=["He", "said", "so"])
    with pytest.raises(NewsledgerError, match="doc.tensor"):
        doc_tensor(96).predict([doc])


def test_a_decoding_bias_is_stored_with_the_model_and_used(tmp_path):
    out = _train_tiny(tmp_path, "--begin-bias", "CUE=2.5")
    features = json.loads((out / "features.json").read_text())
    assert features["begin_bias"] == {"CUE": 2.5}
    from newsledger.nlp.attribution.component import load_features

    assert load_features(str(out)).begin_bias == (("CUE", 2.5),)
    from newsledger.nlp.attribution.component import AttributionTagger
    from newsledger.nlp.pipeline import load_pipeline

    nlp = load_pipeline(attribution=False)
    doc = AttributionTagger(nlp, "attribution", str(out))(nlp('"We are ready," the mayor said.'))
    assert all(span.label_ in ("CONTENT", "SOURCE", "CUE") for span in doc.spans["attribution_roles"])


def test_a_bias_for_an_unknown_label_is_refused(tmp_path):
    import pytest

    with pytest.raises(SystemExit, match="QUOTE"):
        _train_tiny(tmp_path, "--begin-bias", "QUOTE=1")
