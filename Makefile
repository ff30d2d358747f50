# The README's two commands (`make demo`, `make test`) do all set-up themselves on a fresh machine.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

SHARED ?= ../shared/data

.PHONY: demo test fuzz bench train-attribution eval clean-venv

$(STAMP): requirements.lock requirements-test.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3 setuptools==80.9.0
	$(BIN)/python -m pip install --quiet -r requirements.lock -r requirements-test.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f newsledger.duckdb newsledger.duckdb.wal
	$(BIN)/newsledger ingest --db newsledger.duckdb --demo
	$(BIN)/newsledger summary --db newsledger.duckdb
	$(BIN)/newsledger serve --db newsledger.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Coverage-guided fuzzing (atheris) of the cleaner, the readers and process(), FUZZ_SECONDS each (make test
# runs a few thousand inputs of each). The corpus grows in .fuzz/TARGET between runs; a failing input is
# written to .fuzz/crash-* and stops the run (tests/fuzz/targets.py).
FUZZ_SECONDS ?= 300
fuzz: $(STAMP)
	for target in clean ingest process; do \
		mkdir -p .fuzz/$$target && PYTHONPATH=. $(BIN)/python -m tests.fuzz.targets $$target .fuzz/$$target \
			-max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=3072 -artifact_prefix=.fuzz/ \
			-print_final_stats=1 || exit 1; \
	done

# The bench environment adds textacy (for comparison only; never a dependency of newsledger).
BENCH_STAMP := .venv-bench/.installed
$(BENCH_STAMP): requirements.lock requirements-bench.lock pyproject.toml
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install --quiet --upgrade pip==26.3 setuptools==80.9.0
	.venv-bench/bin/python -m pip install --quiet -r requirements.lock -r requirements-bench.lock
	.venv-bench/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(BENCH_STAMP)

bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python bench/ingest_speed.py
	.venv-bench/bin/python bench/attribution_vs_textacy.py
	$(BIN)/python bench/geo_speed.py
	$(BIN)/python bench/geo_ceiling.py
	$(BIN)/python bench/batch_speed.py
	$(BIN)/python bench/ledger_scale.py

# Reproduces src/newsledger/models/attribution from PolNeAR train (dev picks the epoch); training.json
# beside the model records the data checksums, settings and per-epoch scores.
train-attribution: $(STAMP)
	$(BIN)/python -m newsledger.nlp.attribution.train --train $(SHARED)/polnear/train.jsonl \
		--dev $(SHARED)/polnear/dev.jsonl --out src/newsledger/models/attribution --epochs 14 --features 3 --embed tensor --width 64 --depth 2 --pieces 3 --hidden 64 \
		--begin-bias CUE=2.0

eval: $(STAMP)
	$(BIN)/newsledger eval polnear $(SHARED)/polnear/dev.jsonl

clean-venv:
	rm -rf $(VENV)
