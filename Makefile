# Set-up and everyday commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Plain assignments: a variable exported in the shell does not move the tables unnoticed;
# `make run CORPUS=... OUT=...` on the command line still does.
CORPUS  = seeds
OUT     = data/processed
REPORTS = reports
# Filters of the notebooks' charts (make run COUNTRIES=KAZ PARTNER=RUS YEARS=2024 EVENT_TYPES=talks)
COUNTRIES =
PARTNER =
YEARS =
EVENT_TYPES =
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: run install build report test evaluate holdout bench bench-notebooks lab clean

run: build report  ## install, parse $(CORPUS) into $(OUT), execute the notebooks into $(REPORTS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

build: install
	$(BIN)/python -m helpers build $(CORPUS) --out $(OUT)

report: install  ## execute every notebook on $(CORPUS): $(REPORTS)/*.html and $(REPORTS)/figures/*.png
	$(BIN)/python -m helpers report $(CORPUS) --out $(REPORTS) $(if $(COUNTRIES),--countries $(COUNTRIES)) \
		$(if $(PARTNER),--partner $(PARTNER)) $(if $(YEARS),--years $(YEARS)) $(if $(EVENT_TYPES),--event-types $(EVENT_TYPES))

test: install  ## all tests, and the notebooks under nbval
	$(BIN)/python -m pytest tests $(if $(NOTEBOOKS),--nbval-lax --nbval-current-env $(NOTEBOOKS))

evaluate: build  ## score the tables of seeds/ against tests/gold/dev and tests/gold/dev2
	@for set in dev dev2; do echo "== $$set"; $(BIN)/python -m helpers evaluate $(OUT) tests/gold/$$set --texts $(CORPUS) | tail -n 11; done

# The holdout beside the checkout is scored, never read: no text or gold of it enters the project.
HOLDOUT = ../shared/corpus/holdout
holdout: install  ## score the parser on the holdout corpus (../shared), printing only the figures
	@test -d $(HOLDOUT)/articles || { echo "no holdout corpus at $(HOLDOUT)"; exit 1; }
	@tmp=$$(mktemp -d) && $(BIN)/python -m helpers build $(HOLDOUT)/articles --out $$tmp >/dev/null 2>&1 \
		&& $(BIN)/python -m helpers evaluate $$tmp $(HOLDOUT)/gold --texts $(HOLDOUT)/articles | tail -n 11; rm -rf $$tmp

bench: install  ## parsing cost per article
	$(BIN)/python benchmarks/bench_parse.py $(CORPUS)

bench-notebooks: install  ## cost of executing the notebooks (COPIES=200: on 5,000 articles)
	$(BIN)/python benchmarks/bench_notebooks.py $(CORPUS) $(if $(COPIES),--copies $(COPIES))

# JUPYTER_PATH puts this environment's kernel first, ahead of any python3 kernel of the user's.
lab: install  ## JupyterLab on the project, with this environment's kernel
	JUPYTER_PATH=$(CURDIR)/$(VENV)/share/jupyter $(BIN)/jupyter lab --notebook-dir=. \
		$(if $(filter 0,$(shell id -u)),--allow-root)

clean:
	rm -rf $(OUT) $(REPORTS) .pytest_cache
