# Two commands: `make run` to try the platform, `make test` to run the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run cluster test lint bench bench-surge lock clean

# uv only compiles the lock files (`make lock`); installing needs nothing but pip.
UV_VERSION := 0.13.9
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" --quiet

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Everything comes from the lock (requirements/dev.txt: runtime, dev, test and bench, with hashes); the
# project itself is then installed without resolving anything. Re-runs only when the lock changes.
$(VENV)/.installed: requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip check  # a dependency pyproject.toml names but the lock lacks: run `make lock`
	touch $@

run: $(VENV)/.installed
	$(BIN)/python -m campaign.devstack

# Two web instances behind Debian's nginx (cached public pages), workers per queue, the scheduler,
# PostgreSQL and Redis, all on loopback (deploy/README.md). PORT=8081 make cluster picks another port.
cluster: $(VENV)/.installed
	./scripts/ensure-nginx
	$(BIN)/python -m campaign.cluster

# axe-core for the accessibility checks (tests/browser/test_accessibility.py), pinned by package-lock.json.
# npm writes node_modules/.package-lock.json last, so a changed lock re-installs and an unchanged one does not.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# pytest runs on two pytest-xdist workers (-n 2, one per core), each with a PostgreSQL and a Redis of its own
# in .test-services/gw0/ and gw1/ (tests/conftest.py). --dist worksteal hands out tests one by one and lets an
# idle worker take queued tests from the busy one, so the slow suites (faults, browser) even out. PYTEST_ARGS
# comes last and wins: make test PYTEST_ARGS="-n 0" runs serially, in one process;
# make test PYTEST_ARGS="tests/unit -x" runs one folder.
PYTEST_XDIST ?= -p xdist -n 2 --dist worksteal
test: $(VENV)/.installed node_modules/.package-lock.json
	./scripts/ensure-chromium
	./scripts/ensure-nginx
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

# Style, the import contracts (ARCHITECTURE.md) and types; `make test` runs these first.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/mypy

bench: $(VENV)/.installed
	$(BIN)/python -m bench

# Many signers doing the whole journey against gunicorn, workers and the scheduler (issue 13).
# Options: make bench-surge SURGE_ARGS="--signers 64,128 --worker-args=--no-fork"; --cluster adds two
# instances behind nginx, without and with its cache (issue 19)
bench-surge: $(VENV)/.installed
	$(if $(findstring --cluster,$(SURGE_ARGS)),./scripts/ensure-nginx)
	$(BIN)/python -m bench.surge $(SURGE_ARGS)

# Re-resolve both lock files from pyproject.toml's ranges (newest versions that fit), for Python 3.11+.
# Upgrade one package only: make lock LOCK_ARGS="--upgrade-package stripe"; keep pins: LOCK_ARGS=.
LOCK_ARGS ?= --upgrade
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(LOCK) $(LOCK_ARGS) -o requirements/base.txt
	$(LOCK) $(LOCK_ARGS) --extra dev --extra test --extra bench -o requirements/dev.txt

clean:
	rm -rf $(VENV) instance .test-services node_modules
