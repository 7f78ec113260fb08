# diplograph — the two commands are `make demo` and `make test`; both set up first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup demo test test-fast bench examples clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

examples: setup
	$(BIN)/python scripts/build_examples.py $(SHARED)

demo: setup
	$(BIN)/diplograph ingest examples/ --store diplograph.duckdb
	$(BIN)/diplograph status --store diplograph.duckdb
	$(BIN)/diplograph analyze examples/seed/000_32cb580131ed3d26.txt --date 2023-11-24

test: setup
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser"

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) diplograph.duckdb .pytest_cache
