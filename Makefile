# kandidaat — plain targets; every target creates what it needs.
PYTHON ?= python3.11
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed
# Only the folders that exist in this checkout (git keeps no empty folders).
LINT_PATHS = $(wildcard kandidaat build signing tests bench)

.PHONY: demo docs test lint typecheck layers pytest clean bench bench-seats bench-eml bench-eml-quick bench-store \
        bench-nomination bench-documents bench-scan bench-release bench-count bench-count-quick \
        bench-csb bench-csb-quick \
        build-release reproduce \
        release-check screenshots

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 niet gevonden (zet PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,gui]'
	@touch $(STAMP)

## demo: set everything up and run the main job on the embedded demo election
demo: $(STAMP)
	$(VENV)/bin/kandidaat demo

## docs: every documented kandidaat command runs as pasted, after the demo
docs: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider tests/unit/test_readme_commands.py

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

## release-check: build twice, compare, scan, sign with a throwaway SoftHSM2 token,
## verify, tamper and verify again (must fail); prints a one-screen summary
release-check: $(STAMP)
	$(PY) build/release_check.py

## reproduce: two builds under different callers; the artifacts must be byte-identical
reproduce: $(STAMP)
	$(PY) build/reproduce.py

## build-release: one reproducible build (tar.gz, .deb, SBOM, build-info, SHA256SUMS) in ../out
build-release: $(STAMP)
	$(PY) build/reproducible.py

## bench: every benchmark (figures and ratios; none of them fails)
bench: bench-seats bench-eml bench-store bench-nomination bench-documents bench-scan bench-count \
       bench-csb

## bench-seats: the seat engine against votelib's plain D'Hondt (figures and ratio)
bench-seats: $(STAMP)
	$(PY) bench/bench_seats.py

## bench-eml: EML import (parse + checks + records) against a bare lxml parse, 1x-10x
## (heavy: about 15 minutes and 10 GB at 10x; bench-eml-quick for a first look)
bench-eml: $(STAMP)
	$(PY) bench/bench_eml.py

bench-eml-quick: $(STAMP)
	$(PY) bench/bench_eml.py --stations 200 --scales 1,2 --skip-samples

## bench-store: the project file of a TK party against a bare sqlite3 query
bench-store: $(STAMP)
	$(PY) bench/bench_store.py

## bench-nomination: open, save, checks and EML 210 export of a TK party (20 x 80), each against its own bare reference (goal 2.0x)
bench-nomination: $(STAMP)
	$(PY) bench/bench_nomination.py

## bench-documents: all PDFs of a TK party against plain reportlab pages
bench-documents: $(STAMP)
	$(PY) bench/bench_documents.py

## bench-scan: the leak scanner against detect-secrets on a planted-leak bundle
bench-scan: $(STAMP)
	$(PY) bench/bench_scan.py

## bench-count: a GSB of 420 polling stations x 20 lists x 50 candidates entered twice, and
## its 510b export against the same numbers as a bare lxml tree (bench-count-quick: 4 x 10)
bench-count: $(STAMP)
	$(PY) bench/bench_count.py

bench-count-quick: $(STAMP)
	$(PY) bench/bench_count.py --quick

## bench-csb: a TK centraal stembureau (30 submissions x 20 kieskringen x 80 candidates,
## 30 000 H 4): import, examine and vaststellen against a bare lxml parse of the same 210s
## (bench-csb-quick: 6 x 20)
bench-csb: $(STAMP)
	$(PY) bench/bench_csb.py

bench-csb-quick: $(STAMP)
	$(PY) bench/bench_csb.py --quick

## bench-release: the stage times of the last release-check with their goals, then pack,
## hash, sign, verify and self-check against bare tarfile/hashlib (uses the build that
## release-check, build-release or reproduce left in ../out; builds one when there is none)
bench-release: $(STAMP)
	$(PY) bench/bench_release.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache

## screenshots: every page of the demo project as PNG in docs/screenshots/ (offscreen)
screenshots: $(STAMP)
	$(VENV)/bin/kandidaat demo >/dev/null
	for page in start partij kandidaten lijsten controle; do \
	  $(VENV)/bin/kandidaat gui demo-uitvoer/Demodorp_Vooruit.kandidaat \
	    --screenshot docs/screenshots/$$page.png --page $$page || exit 1; done
	rm -f demo-uitvoer/juinen.tel
	A=../shared/eml_nl/fixtures/abacus; $(VENV)/bin/kandidaat telling new demo-uitvoer/juinen.tel \
	  --election $$A/juinen_eml110a_verkiezingsdefinitie-juinen.eml.xml \
	  --stembureaus $$A/juinen_eml110b_stembureaulijst-juinen.eml.xml \
	  --lijsten $$A/juinen_eml230b_kandidatenlijsten-juinen.eml.xml --coordinator "C. Jansen" >/dev/null
	$(VENV)/bin/kandidaat gui demo-uitvoer/juinen.tel --screenshot docs/screenshots/telling-invoer.png --page invoer
