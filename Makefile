# evidence-review: raw documents -> effect estimates -> pooled estimates -> HTML report.
# `make` alone lists the targets. `report` and `test` set themselves up on a fresh clone.

.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.setup-stamp
PIP := $(BIN)/python -m pip --disable-pip-version-check
RUN_ARGS ?=
PYTEST_ARGS ?=
SCALE ?=

.PHONY: help setup report test lab evaluate bench clean

## List the targets (the default)
help:
	@awk '/^## / { doc = substr($$0, 4); next } \
	     /^[a-zA-Z_-]+:/ && doc { split($$1, t, ":"); printf "  make %-10s %s\n", t[1], doc } \
	     { doc = "" }' $(MAKEFILE_LIST)

## Create .venv and install the package with its test tools (reruns only when pyproject.toml changes); installs Debian chromium for the browser tests when missing
setup: $(STAMP)
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "note: /usr/bin/chromium is missing and this is not root; run 'apt-get install chromium' for the browser tests"; \
	elif ! command -v apt-get >/dev/null; then \
	  echo "note: /usr/bin/chromium is missing and apt-get is not available; the browser tests need Debian chromium"; \
	else \
	  echo "installing Debian chromium (browser tests of the report)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "warning: could not install chromium; the browser tests will fail"; \
	fi

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "'$(PYTHON) -m venv' failed (Debian splits it out): installing python3-venv"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null \
	      && $(PYTHON) -m venv $(VENV); \
	  else echo "'$(PYTHON) -m venv' failed: install your system's venv package (e.g. python3-venv)"; exit 1; fi; }
	@echo "installing evidence-review and its dependencies into $(VENV) (quiet; a fresh install takes a few minutes)"
	@$(PIP) install -q -e '.[test]'
	@echo "building the caches a run would otherwise build first (matplotlib's font list, the language model)"
	@$(BIN)/python -c "import matplotlib.font_manager; from evidence_review.ingest.langid_model import load_identifier; load_identifier()"
	@touch $(STAMP)

## Run the four notebooks on data/raw and render reports/evidence_report.html (extra flags: RUN_ARGS="--raw DIR")
report: setup
	@$(BIN)/evidence-review run $(RUN_ARGS)
	@echo "Open the report: $(CURDIR)/reports/evidence_report.html"

## Run the test suite (fails when no test ran; extra flags: PYTEST_ARGS="-k name")
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Explore the notebooks in JupyterLab (repository root as its root folder)
lab: setup
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root)

## Score the extraction against the hand-checked reference set
evaluate: setup
	$(BIN)/python -m evidence_review.extract.evaluate

## Run every benchmarks/bench_*.py in name order (the whole-run scale benchmark only with SCALE=N: N/10 and N documents)
bench: setup
	@set -e; benches="$(sort $(basename $(notdir $(wildcard benchmarks/bench_*.py))))"; \
	if [ -z "$$benches" ]; then echo "no benchmarks/bench_*.py yet"; exit 0; fi; \
	for b in $$benches; do echo "== $$b"; SCALE="$(SCALE)" $(BIN)/python -m benchmarks.$$b; done

## Remove generated files: data/processed, reports, caches (never the raw documents or the reviewer's decisions)
clean:
	find data/processed reports -mindepth 1 -not -name .gitkeep -delete
	rm -rf .pytest_cache test-artifacts build
	find src tests benchmarks -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true
	find notebooks -name .ipynb_checkpoints -type d -prune -exec rm -rf {} + 2>/dev/null || true
