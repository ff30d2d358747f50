"""The attribution tagger's training path runs end to end on a tiny corpus written here."""

from __future__ import annotations

import json

from newsledger.nlp.attribution import train
from newsledger.nlp.attribution.component import features_doc


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


def test_features_doc_has_no_sentence_boundaries(nlp):
    doc = nlp("One sentence here. Another one there.")
    copy = features_doc(doc)
    assert [t.dep_ for t in copy] == [t.dep_ for t in doc]
    assert [t.tag_ for t in copy] == [t.tag_ for t in doc]
    assert not copy.has_annotation("SENT_START")
