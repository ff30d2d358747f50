"""Atheris (libFuzzer) harnesses: coverage-guided inputs for the cleaner, the ingest readers and ``process``.

Run one target::

    python -m tests.fuzz.targets clean CORPUS_DIR -runs=20000 -seed=1

``tests/fuzz/test_fuzz.py`` runs each target for a bounded number of inputs in a subprocess (``atheris.Fuzz``
exits the process when it is done); ``make fuzz`` runs them longer. Each harness states what must hold for
any input; anything else (an assertion, an exception that is not a newsledger error) is a crash, and
libFuzzer writes the input that caused it to ``crash-<sha1>`` in the working directory.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import atheris

# Only newsledger is instrumented for coverage: spaCy, trafilatura and lxml are not what we test, and
# instrumenting them would make every input many times slower.
with atheris.instrument_imports(include=["newsledger"]):
    import newsledger.facade
    from newsledger.clean import clean_text
    from newsledger.errors import InputError
    from newsledger.ingest import RawDocument, ReadOptions, iter_documents
    from newsledger.ingest.document import FORMATS
    from newsledger.processing import Prepared, prepare
    from newsledger.surrogates import replace_surrogates

from tests.clean.map_checks import assert_map_faithful
from tests.conftest import assert_spans_valid
from tests.test_process_properties import FRAGMENTS as PROCESS_FRAGMENTS

# Every reason code docs/reliability.md lists; an error with any other code is a failure.
REASONS = {"empty", "binary", "undecodable", "too_large", "truncated", "bad_json", "bad_field", "missing_field",
           "bad_csv", "ragged_row", "no_article", "not_html", "html_unparsable", "not_english", "no_words",
           "long_run", "not_found", "unreadable", "extraction_failed"}
SMALL_LIMITS = {"max_file_bytes": 4096, "max_chars": 2000}  # so that the fuzzer reaches every size limit


def check_error(err: InputError, origin: str) -> None:
    assert err.reason in REASONS, err
    assert err.origin.startswith(origin) and err.detail, err


def check_prepared(raw: RawDocument) -> None:
    """A read document either becomes clean text ready to parse, or is refused with a reason."""
    prepared = prepare(raw)
    if isinstance(prepared, InputError):
        check_error(prepared, raw.origin)
        return
    assert isinstance(prepared, Prepared)
    assert prepared.clean.text.strip() and prepared.article_id.startswith("a_")
    # What is stored and exported is UTF-8: the text must encode (no lone surrogate).
    prepared.clean.text.encode("utf-8")
    prepared.raw.raw_text.encode("utf-8")


# -- clean: any text -> clean text whose offset map is faithful; prepare() never raises --------------------
def fuzz_clean(data: bytes) -> None:
    raw = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    assert_map_faithful(raw, clean_text(raw))
    check_prepared(RawDocument(origin="<fuzz>", input_id=None, raw_text=raw, input_format="text", raw=raw))


# -- ingest: any bytes in any format -> documents or newsledger errors, nothing else ------------------------
def ingest_input(data: bytes) -> tuple[ReadOptions, bytes]:
    """The first byte picks the format (``FORMATS``), gzip (and a cut gzip stream) and small size limits; the
    rest is the file's content."""
    mode, body = (data[0], data[1:]) if data else (0, b"")
    if mode & 0x08:
        body = gzip.compress(body, compresslevel=1, mtime=0)
        if mode & 0x20:
            body = body[: len(body) // 2]
    limits = SMALL_LIMITS if mode & 0x10 else {}
    return ReadOptions(format=FORMATS[mode % len(FORMATS)], **limits), body


def fuzz_ingest(data: bytes) -> None:
    options, body = ingest_input(data)
    for item in iter_documents(["-"], options, stdin=io.BytesIO(body)):
        if isinstance(item, InputError):
            check_error(item, "<stdin>")
            continue
        assert isinstance(item, RawDocument), type(item)
        assert isinstance(item.raw_text, str) and len(item.raw_text) <= options.max_chars
        check_prepared(item)


# -- process: short texts through the whole pipeline -> an Article whose spans hold, or an InputError --------
def process_input(data: bytes) -> str:
    """Structure-aware: the bytes choose news fragments (quote marks of every kind, cues, names, line breaks)
    and short runs of arbitrary Unicode between them, so that most inputs get past the language check."""
    fdp = atheris.FuzzedDataProvider(data)
    parts: list[str] = []
    while fdp.remaining_bytes() and len(parts) < 60:
        if fdp.ConsumeBool():
            parts.append(fdp.PickValueInList(PROCESS_FRAGMENTS))
        else:
            parts.append(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 8)))
    return "".join(parts)


def fuzz_process(data: bytes) -> None:
    text = process_input(data)
    try:
        article = newsledger.facade.process(text)
    except InputError as err:
        check_error(err, "<text>")
        return
    record = article.to_dict()
    assert record["text"] == article.text
    assert_spans_valid(record)
    as_input = article.to_dict(offsets="input")
    given = replace_surrogates(text)[0]  # the one change made to the input text, one for one
    assert as_input["text"] == given
    assert_spans_valid(as_input, given)
    json.dumps(record, ensure_ascii=False).encode("utf-8")


# -- seeds: real-looking inputs of each kind, so that mutation starts from valid structure -------------------
def _ingest_seeds() -> list[bytes]:
    from tests.ingest.ingest_samples import BRIDGE, FERRY, FLOOD, Response, build_warc, news_page

    page = news_page(FLOOD).encode("utf-8")
    jsonl = (json.dumps({"id": "b1", "text": BRIDGE, "pubdate": "2024-05-06", "title": "Bridge"}) + "\n"
             + json.dumps({"text": FERRY, "source": "Harbor News"}) + "\n").encode("utf-8")
    csv = ('id,title,text\nr1,Bridge,"' + BRIDGE.replace('"', '""') + '"\n').encode("utf-8")
    warc = build_warc([Response("https://example.test/a", page, "text/html")], compress=False).data
    seeds = []
    for fmt, body in (("text", FERRY.encode("utf-8")), ("html", page), ("jsonl", jsonl), ("csv", csv),
                      ("warc", warc)):
        for flags in (0x00, 0x08, 0x10):
            seeds.append(bytes([FORMATS.index(fmt) | flags]) + body)
        seeds.append(bytes([FORMATS.index("auto")]) + body)
    return seeds + INGEST_REGRESSIONS


def _text_seeds() -> list[bytes]:
    from tests.ingest.ingest_samples import BRIDGE, MOJIBAKE
    from tests.store.conftest import HARBOUR

    texts = [BRIDGE[:300], MOJIBAKE, HARBOUR[:400], '"We will not retreat," said Omar Haddad on Monday.',
             "\u201cIt is over\u201d, she said in Paris.\n\n\u00ab Non \u00bb \u202e said he\u200b."]
    return [_unicode_input(t, wide=not t.isascii()) for t in texts + CLEAN_REGRESSIONS]


def _unicode_input(text: str, *, wide: bool = True) -> bytes:
    """Bytes that ``ConsumeUnicode`` reads back as ``text``: its first byte picks the width (odd: ASCII, 2:
    UTF-16, 0: UTF-32)."""
    if not wide:
        return b"\x01" + text.encode("ascii", "replace")
    return b"\x02" + text.encode("utf-16-le", "surrogatepass")


# Inputs that once failed (docs/reliability.md): replayed first in every run, as part of the seed corpus.
CLEAN_REGRESSIONS = [
    "The council said \ud83d on Monday.",       # a lone surrogate crashed the id hash (UnicodeEncodeError)
    "said Omar Haddad o\u0100\u201c\ufb2c Paris",  # NFC of U+FB2C: the run's edit swallowed the "o"
    "Is it over\u037e he asked \u212a",          # NFC makes ASCII of U+037E and U+212A
    "x \u037e\u8f20\x00\u0100\u201c\ufb2c y",      # two NFC changes in one run: still one edit for all of it
]
INGEST_REGRESSIONS = [
    bytes([FORMATS.index("jsonl")]) + b'{"id": "x\\udcff", "text": "The council said \\ud83d on Monday that '
    b'the new bridge over the river would open in June after years of delay."}\n',
]


# target: (harness, seed corpus, longest input in bytes unless -max_len= says otherwise)
TARGETS: dict[str, tuple[Callable[[bytes], None], Callable[[], list[bytes]], int]] = {
    "clean": (fuzz_clean, _text_seeds, 512),
    "ingest": (fuzz_ingest, _ingest_seeds, 8192),
    "process": (fuzz_process, _text_seeds, 400),
}


def write_seeds(target: str, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    seeds = TARGETS[target][1]()
    for i, seed in enumerate(seeds):
        (folder / f"seed-{i:02d}").write_bytes(seed)
    return len(seeds)


def main(argv: list[str]) -> None:
    """``targets.py TARGET [libFuzzer args and corpus dirs]``; an empty first corpus dir gets the seeds."""
    target, args = argv[1], argv[2:]
    harness = TARGETS[target][0]
    corpus = [Path(a) for a in args if not a.startswith("-")]
    if corpus and not corpus[0].is_file() and (not corpus[0].exists() or not any(corpus[0].iterdir())):
        write_seeds(target, corpus[0])
    if os.environ.get("NEWSLEDGER_FUZZ_UNDO") == "surrogates":  # test_fuzz.py: is the old bug still caught?
        import newsledger.ingest.document as document

        document.replace_surrogates = lambda text: (text, 0)
        document.escape_surrogates = lambda name: name
    if target == "process":
        newsledger.facade.process("The mayor said on Monday that the new bridge would open in June.")  # loads spaCy
    if not any(a.startswith("-max_len=") for a in args):
        args.append(f"-max_len={TARGETS[target][2]}")
    atheris.Setup([argv[0], *args], harness)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
