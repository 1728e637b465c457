# coopnet — every command goes through make. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(HOME)/.local/bin:$(PATH)
export UV_PYTHON := python3.11
UV := uv
PY := $(UV) run --frozen
HOST ?= 127.0.0.1
PORT ?= 8000
# manage.py and wsgi.py default to production settings; `make run` serves the demo with DEBUG off,
# `make serve-dev` asks for development settings (DEBUG on).
DEMO_SETTINGS := config.settings.demo

.PHONY: help install run serve-dev test test-postgres test-browser lint format bench soak messages clean backup restore

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

# --- installation ------------------------------------------------------------------------------

.uv-installed:
	@command -v $(UV) >/dev/null 2>&1 || python3 -m pip install --quiet --user uv
	@touch $@

.venv/.synced: .uv-installed pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/build/.built: node_modules/.installed $(shell find frontend -path frontend/build -prune -o -type f -print)
	npm run --silent build
	@touch $@

# WeasyPrint (PDFs) needs Pango; PDFs are set in Liberation Sans (Arial's metrics) from Debian.
.system-deps:
	@ldconfig -p | grep -q 'libpango-1.0.so' && fc-list | grep -qi 'Liberation Sans' || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation >/dev/null)
	@touch $@

install: export DJANGO_SETTINGS_MODULE := $(DEMO_SETTINGS)
install: .system-deps .venv/.synced frontend/build/.built ## install Python and npm dependencies and build the CSS/JS
	$(PY) python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0 2>/dev/null || true

/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# --- running -----------------------------------------------------------------------------------

run: export DJANGO_SETTINGS_MODULE := $(DEMO_SETTINGS)
run: install ## install, migrate, load the demo data if empty, print the demo accounts, serve on :8000 with a task worker
	$(PY) python manage.py migrate --no-input -v 0
	$(PY) python manage.py createcachetable
	$(PY) python manage.py load_demo --if-empty
	$(PY) python manage.py collectstatic --no-input -v 0
	$(PY) python manage.py demo_accounts
	@echo "Serving coopnet at http://$(HOST):$(PORT)/ (Ctrl-C stops the server and the task worker)"
	@trap 'kill 0' INT TERM EXIT; \
	  $(PY) python manage.py worker & \
	  $(PY) gunicorn -c config/gunicorn.conf.py config.wsgi --bind $(HOST):$(PORT) --workers 3 & \
	  wait

serve-dev: export DJANGO_SETTINGS_MODULE := config.settings.local
serve-dev: install ## for developers: Django's development server with DEBUG on, and a task worker
	$(PY) python manage.py migrate --no-input -v 0
	$(PY) python manage.py createcachetable
	$(PY) python manage.py load_demo --if-empty
	@trap 'kill 0' INT TERM EXIT; \
	  $(PY) python manage.py worker & \
	  $(PY) python manage.py runserver $(HOST):$(PORT) & \
	  wait

# --- backup and restore (docs/operations.md) ----------------------------------------------------

backup: export DJANGO_SETTINGS_MODULE ?= $(DEMO_SETTINGS)
backup: .venv/.synced ## back up the database and uploaded files to backups/ (OUTPUT=file to choose)
	$(PY) python manage.py backup $(if $(OUTPUT),--output $(OUTPUT))

restore: export DJANGO_SETTINGS_MODULE ?= $(DEMO_SETTINGS)
restore: .venv/.synced ## restore FILE=backups/....tar.gz into an empty installation and verify it
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/coopnet-....tar.gz" && exit 2)
	$(PY) python manage.py migrate --no-input -v 0
	$(PY) python manage.py restore $(FILE)

# --- tests -------------------------------------------------------------------------------------

test: install /usr/bin/chromium ## install everything and run every test (unit, integration, browser) on SQLite
	$(PY) pytest -p no:randomly -n auto

test-postgres: install /usr/bin/chromium ## run the whole suite against a throw-away PostgreSQL 15 server
	scripts/with-postgres.sh $(PY) pytest -p no:randomly -n auto

lint: install ## ruff, mypy, djlint, import contracts (lint-imports)
	$(PY) ruff check .
	$(PY) ruff format --check .
	$(PY) mypy .
	$(PY) djlint coopnet --lint
	$(PY) lint-imports

format: install ## format Python and templates
	$(PY) ruff check --fix .
	$(PY) ruff format .

messages: export DJANGO_SETTINGS_MODULE := config.settings.local
messages: install ## extract strings for translation (English and Welsh)
	$(PY) python manage.py makemessages -l cy --ignore=.venv --ignore=node_modules --ignore=bench
	$(PY) python manage.py compilemessages --ignore=.venv --ignore=node_modules

bench: install ## benchmarks at 1x, 10x and 100x, then the 10-minute soak; results in bench/results/
	$(PY) python bench/run.py
	$(PY) python bench/review_bench.py
	$(PY) python bench/jobs.py
	$(PY) python bench/soak.py

soak: install ## the soak alone: 10 minutes of mixed traffic, no server error, bounded memory
	$(PY) python bench/soak.py

clean: ## remove the local database, built assets and virtual environment
	rm -rf .venv node_modules frontend/build staticfiles db.sqlite3* .uv-installed
