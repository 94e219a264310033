# Touchpoint: `make run` serves the app, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
LRS_VENV ?= $(CURDIR)/.venv-lrs
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install lint check serve worker lrs lrs-stop lrs-venv browser bench loadtest clean

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml requirements/lock.txt
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements/lock.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## run: venv, install, migrate, seed the course with demo users, serve on 127.0.0.1:8000
##      with an xAPI worker and an LMS worker; without XAPI_LRS_ENDPOINT it starts a local
##      Ralph LRS on port 8100
run: install lrs-venv
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_course --demo
	@set -e; \
	if [ -z "$$XAPI_LRS_ENDPOINT" ]; then \
	  eval "$$(LRS_VENV=$(LRS_VENV) bash tools/lrs/start_ralph.sh 8100 | grep '^LRS_')"; \
	  export XAPI_LRS_ENDPOINT=$$LRS_ENDPOINT XAPI_LRS_USERNAME=$$LRS_USERNAME XAPI_LRS_PASSWORD=$$LRS_PASSWORD; \
	  echo "xAPI statements go to the local Ralph LRS at $$LRS_ENDPOINT (it stops with the server)"; \
	fi; \
	echo "Serving on http://$(HOST):$(PORT)/  (admin: /admin/, API docs: /api/docs/)"; \
	trap 'kill 0' EXIT INT TERM; \
	$(PY) manage.py xapi_worker & \
	$(PY) manage.py lms_worker & \
	$(PY) manage.py runserver $(HOST):$(PORT)

WEB_WORKERS ?= 3
XAPI_WORKERS ?= 1
GUNICORN_TIMEOUT ?= 30

## serve: production mode (DJANGO_DEBUG=0) from the environment: needs DJANGO_SECRET_KEY and
## DATABASE_URL; migrate, collectstatic, then gunicorn ($(WEB_WORKERS) workers on $(HOST):$(PORT),
## static files by whitenoise), $(XAPI_WORKERS) xAPI workers and, when CMI5_ALLOWED_LMS_ORIGINS
## is set, one LMS worker. Ctrl-C (or any one of them exiting) stops them all.
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve: refusing to start: set DJANGO_SECRET_KEY (a long random string; see .env.example)" >&2; exit 2; }
	@test -n "$$DATABASE_URL" || { echo "make serve: refusing to start: set DATABASE_URL (postgres://user@host:5432/name); production does not run on SQLite" >&2; exit 2; }
	@export DJANGO_DEBUG=0; set -e; \
	  $(PY) manage.py check --deploy --fail-level ERROR; \
	  $(PY) manage.py migrate --no-input; \
	  $(PY) manage.py collectstatic --no-input --verbosity 0
	@echo "Serving on http://$(HOST):$(PORT)/ with $(WEB_WORKERS) web and $(XAPI_WORKERS) xAPI workers (Ctrl-C stops all)"
	@export DJANGO_DEBUG=0; trap 'trap - EXIT INT TERM; kill 0 2>/dev/null; wait' EXIT INT TERM; \
	  if [ -n "$$XAPI_LRS_ENDPOINT" ]; then \
	    for n in $$(seq $(XAPI_WORKERS)); do $(PY) manage.py xapi_worker & done; \
	  else echo "make serve: XAPI_LRS_ENDPOINT is empty: no xAPI workers; statements wait in the outbox" >&2; fi; \
	  if [ -n "$$CMI5_ALLOWED_LMS_ORIGINS" ]; then $(PY) manage.py lms_worker & fi; \
	  $(VENV)/bin/gunicorn touchpoint.wsgi:application --bind $(HOST):$(PORT) \
	    --workers $(WEB_WORKERS) --timeout $(GUNICORN_TIMEOUT) --graceful-timeout 20 \
	    --max-requests 5000 --max-requests-jitter 500 --no-control-socket --access-logfile - & \
	  wait -n; echo "make serve: a process exited; stopping the others" >&2

## loadtest: 50 learners for 60 s against `make serve` on PostgreSQL with 2 xAPI workers and
## a real Ralph LRS, then checks that every statement reached Ralph exactly once (bench/load/)
loadtest: install lrs-venv
	$(PY) bench/load/run.py

## browser: Debian's Chromium for the Playwright tests (no browser download)
browser:
	@command -v chromium >/dev/null || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "WARNING: could not install chromium; browser tests will be skipped"; }

## node_modules: axe-core for the accessibility checks in the browser tests (npm ci, no build step)
node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch node_modules/.installed

## lrs-venv: Ralph (the real LRS used by the xAPI tests) in its own venv
lrs-venv:
	@LRS_VENV=$(LRS_VENV) bash tools/lrs/start_ralph.sh install

## test: install what the tests need, then check, makemigrations --check, ruff, pytest
test: install browser lrs-venv node_modules/.installed
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	LRS_VENV=$(LRS_VENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

## bench: benchmarks (bench/README.md): one answer and submit vs bare DRF write, xAPI delivery, outbox on/off
bench: install lrs-venv
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install -y wrk" >&2; exit 1; }
	$(PY) bench/answer.py
	$(PY) bench/submit.py
	LRS_VENV=$(LRS_VENV) $(PY) bench/xapi_delivery.py

lint: install
	$(VENV)/bin/ruff check .

## lrs: start a local Ralph LRS on port 8100 for trying the product by hand
lrs:
	@LRS_VENV=$(LRS_VENV) bash tools/lrs/start_ralph.sh 8100

lrs-stop:
	@bash tools/lrs/start_ralph.sh stop 8100

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
