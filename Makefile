# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit eval bench train lock clean

# Exact versions, with hashes, come from the lock files (`make lock` rewrites them).
$(STAMP): pyproject.toml requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# `make run` uses the CLI's store (the user data folder, or BRIEFBOT_DATABASE_URL), so a
# briefing loaded with `.venv/bin/briefbot load FILE` is the one it answers from.
run: $(STAMP)
	$(BIN)/briefbot run

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -n 2

eval: $(STAMP)
	$(BIN)/briefbot eval tests/eval/dev-questions.yaml --curve

train: $(STAMP)
	$(BIN)/python tools/train_scorer.py

bench: $(STAMP)
	$(BIN)/python bench/answer_speed.py

LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra postgres -o requirements.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra dev --extra postgres -o requirements-dev.lock \
		pyproject.toml

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
