# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit eval bench train clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

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

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
