# Tumen: `make demo` installs and runs the main job; `make test` installs and runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus

.PHONY: install demo test lint typecheck eval eval-heldout accuracy bench clean web-assets deps-system

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Browser assets of the web app (issue 8): npm packages at exact locked versions, copied into
# src/tumen/web/static/vendor/ (gitignored) and served by the app itself, never from a CDN.
WEB_VENDOR := src/tumen/web/static/vendor/.built
$(WEB_VENDOR): web-assets/package.json web-assets/package-lock.json web-assets/build.sh
	sh web-assets/build.sh

web-assets: $(WEB_VENDOR)

install: $(STAMP) $(WEB_VENDOR)

demo: install
	$(BIN)/tumen demo
	# ends by serving the desk on loopback over the demo store, with a demo account (issue 8)
	$(BIN)/tumen serve --demo demo-output

lint: install
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools

typecheck: install
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

eval: install
	$(BIN)/tumen eval $(CORPUS)

# The team-written held-out set: how well the rules generalise beyond the development corpus.
eval-heldout: install
	for set in $$(ls -d tests/heldout* | sort -V); do echo "== $$set"; $(BIN)/tumen eval $$set || exit 1; done

# Rewrite the README's accuracy table from the development corpus and the held-out sets.
accuracy: install
	$(BIN)/python tools/accuracy_table.py

# The spaCy peer lives in its own venv inside .venv, installed hash-locked (issue 3).
PEER_VENV := $(VENV)/peer
$(PEER_VENV)/.installed: bench/requirements.txt
	$(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/pip install --quiet --require-hashes -r bench/requirements.txt
	touch $@

bench: install $(PEER_VENV)/.installed
	$(BIN)/python bench/run.py --peer-python $(PEER_VENV)/bin/python

# System packages that need root (CI runs this before `make test`): Debian's chromium for the
# web app's browser tests, PostgreSQL for its full-text search test, npm for the web assets.
deps-system:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
