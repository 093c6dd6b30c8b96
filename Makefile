# Set-up and everyday commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= seeds
OUT    ?= data/processed
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: run install build test evaluate bench lab clean

run: build  ## install, then parse $(CORPUS) into $(OUT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

build: install
	$(BIN)/python -m helpers build $(CORPUS) --out $(OUT)

test: install  ## all tests, and the notebooks under nbval
	$(BIN)/python -m pytest tests $(if $(NOTEBOOKS),--nbval-lax --nbval-current-env $(NOTEBOOKS))

evaluate: build  ## score the tables of seeds/ against tests/gold/
	$(BIN)/python -m helpers evaluate $(OUT) tests/gold --texts $(CORPUS)

bench: install
	$(BIN)/python benchmarks/bench_parse.py $(CORPUS)

lab: install
	$(BIN)/jupyter lab --notebook-dir=.

clean:
	rm -rf $(OUT) reports .pytest_cache
