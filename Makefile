# ontmoet — `make run` serves the demo, `make test` runs lint and the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install install-dev frontend migrate demo serve bench clean messages

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

var/.installed: pyproject.toml | $(BIN)/activate
	$(PY) -m pip install --quiet -e .
	@mkdir -p var && touch $@

var/.installed-dev: pyproject.toml var/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

install: var/.installed frontend
install-dev: var/.installed-dev frontend
frontend: node_modules/.package-lock.json

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

run: demo
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0 || true
	@$(MANAGE) demo_logins
	$(MANAGE) run_huey --workers 1 & \
	  trap 'kill $$!' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0
	$(MANAGE) makemigrations --check --dry-run -v0 --settings=config.settings.test
	$(BIN)/pytest $(PYTEST_ARGS)

messages: install-dev
	$(MANAGE) makemessages -l nl -l en --ignore=.venv --ignore=node_modules --ignore=var
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

bench: install-dev
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var staticfiles
