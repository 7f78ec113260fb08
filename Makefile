# diplograph — the two commands are `make demo` and `make test`; both set up first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup demo test test-fast bench examples clean web serve

setup: $(STAMP) web

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m compileall -q src  # an editable install is not compiled; PYTHONDONTWRITEBYTECODE machines never would
	touch $(STAMP)

# The web page: built from frontend/ (npm lock file) into the package; skipped without node.
WEB_STATIC := src/diplograph/web/static
WEB_SOURCES := $(wildcard frontend/src/*) frontend/build.mjs frontend/node_modules/.package-lock.json

web:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(WEB_STATIC)/.built; \
	else echo "node/npm absent: the web page is not built (the API still works)"; fi

frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error

$(WEB_STATIC)/.built: $(WEB_SOURCES)
	cd frontend && node build.mjs
	touch $@

serve: setup
	$(BIN)/diplograph serve --store diplograph.duckdb

examples: setup
	$(BIN)/python scripts/build_examples.py $(SHARED)

# The seed has no date of its own: --date applies only to documents without one.
demo: setup
	$(BIN)/diplograph ingest examples/seed examples/voa examples/wikinews --date 2023-11-24 --store diplograph.duckdb
	$(BIN)/diplograph status --store diplograph.duckdb
	$(BIN)/diplograph analyze examples/seed/000_32cb580131ed3d26.txt --date 2023-11-24

test: setup
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser"

bench: setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) diplograph.duckdb .pytest_cache $(WEB_STATIC) frontend/node_modules
