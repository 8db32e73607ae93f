# kandidaat — plain targets; every target creates what it needs.
PYTHON ?= python3.11
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
# Only the folders that exist in this checkout (git keeps no empty folders).
LINT_PATHS = $(wildcard kandidaat build signing tests bench)

.PHONY: demo test lint typecheck layers pytest bench-seats clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 niet gevonden (zet PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,gui]'
	@touch $(STAMP)

## demo: set everything up and run the main job on the embedded demo election
demo: $(STAMP)
	$(VENV)/bin/kandidaat demo

## test: everything CI checks (lint, types, layers, tests)
test: lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)

typecheck: $(STAMP)
	$(VENV)/bin/mypy

layers: $(STAMP)
	$(PY) -m pytest -q tests/architecture

pytest: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider

## bench-seats: the seat engine against votelib's plain D'Hondt (figures and ratio)
bench-seats: $(STAMP)
	$(PY) bench/bench_seats.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
