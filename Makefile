# The few commands a newcomer needs. `make demo` and `make test` each set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/footprint demo --out demo-report

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check footprint tests benchmarks
	$(BIN)/ruff format --check footprint tests benchmarks
	$(BIN)/mypy

bench: setup
	$(BIN)/python benchmarks/fetch_concurrency.py
	$(BIN)/python benchmarks/startup.py

clean:
	rm -rf $(VENV) demo-report .pytest_cache .mypy_cache .ruff_cache
