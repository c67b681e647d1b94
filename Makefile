# Two commands: `make run` to try the platform, `make test` to run the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench bench-surge clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/python -m campaign.devstack

test: $(VENV)/.installed-test
	./scripts/ensure-chromium
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Style, the import contracts (ARCHITECTURE.md) and types; `make test` runs these first.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/mypy

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(VENV)/.installed $(VENV)/.installed-test $@

bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench

# Many signers doing the whole journey against gunicorn, workers and the scheduler (issue 13).
# Options: make bench-surge SURGE_ARGS="--signers 64,128 --worker-args=--no-fork"
bench-surge: $(VENV)/.installed-bench
	$(BIN)/python -m bench.surge $(SURGE_ARGS)

clean:
	rm -rf $(VENV) instance .test-services
