# One command to run the site with demo data, one to run the tests. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test install lock system messages catalogues migrate demo worker browsers bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The hashed locks: requirements.txt is what production installs; requirements-dev.txt adds the
# tests' and the quality gate's tools. `make lock` recompiles both from their .in files.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

lock: | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q uv
	$(BIN)/uv pip compile -q --generate-hashes --no-header --python-version 3.11 requirements.in -o requirements.txt
	$(BIN)/uv pip compile -q --generate-hashes --no-header --python-version 3.11 requirements-dev.in -o requirements-dev.txt

# The Learning Record Store the xAPI tests send statements to (Ralph), in a virtualenv of its own
# because its dependencies are not the site's.
RALPH_VENV ?= .ralph-venv
$(RALPH_VENV)/bin/ralph:
	$(PYTHON) -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/pip install --disable-pip-version-check -q 'ralph-malph[cli,lrs]==5.1.0' requests

install: $(VENV)/.installed

# Extracts every translatable string into the catalogue of the app that uses it (locale/ for the
# site shell), carries translations across and reports what is left to translate.
messages: install
	$(BIN)/python scripts/messages.py
	$(BIN)/python scripts/french_typography.py
	@$(MAKE) --no-print-directory catalogues

# The compiled catalogues are committed; with gettext installed they are rebuilt from the .po files.
catalogues: install
	@if command -v msgfmt >/dev/null; then $(BIN)/python manage.py compilemessages --ignore '.venv/*' --ignore '.ralph-venv/*' -v 0; \
	else echo "gettext is not installed: using the committed .mo files"; fi

migrate: install catalogues
	@$(BIN)/python manage.py migrate --check -v 0 >/dev/null 2>&1 || $(BIN)/python manage.py migrate --noinput -v 0

# Loads the demo the first time (and when demo content was added); a warm start skips it.
demo: migrate
	$(BIN)/python manage.py load_demo --if-needed

# Serves the site with demo data; the background worker runs beside it and stops with it.
run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ (English /en/, French /fr/). Ctrl-C stops it."
	@$(BIN)/python manage.py run_worker -v 0 & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: migrate
	$(BIN)/python manage.py run_worker

# The tests' own settings (pytest.ini), not the development ones exported above.
# Debian packages the tests need (Chromium, gettext, fonts, poppler), installed where missing.
system:
	@bash scripts/system-packages.sh

# Parallel test processes (pytest-xdist), one per core by default; TEST_PROCESSES=0 runs in one.
TEST_PROCESSES ?= $(shell nproc 2>/dev/null || echo 2)
test: system catalogues $(RALPH_VENV)/bin/ralph
	DJANGO_SETTINGS_MODULE=config.settings.test OGL_RALPH=$(abspath $(RALPH_VENV))/bin/ralph $(BIN)/python -m pytest -n $(TEST_PROCESSES) $(PYTEST_ARGS)

# The quality gate CI runs; `$(BIN)/ruff format .` and `$(BIN)/ruff check --fix .` mend most of it.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: migrate
	@for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) $(RALPH_VENV) staticfiles .pytest_cache
