# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
TEST_SETTINGS := config.settings.test

.PHONY: run test lint format setup messages migrate demo serve bench audit clean backup restore

$(BIN)/activate:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) is required (or set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/activate
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

setup: $(VENV)/.installed messages

messages: $(VENV)/.installed
	@$(PY) manage.py compile_translations

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_data

run: demo
	@$(PY) manage.py create_dev_users
	@echo "Admin: http://127.0.0.1:$(PORT)/admin/ (logins above)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production settings on this machine, over plain HTTP on loopback: for benchmarks and
# outage drills. Redis is used when REDIS_URL is set.
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.production SECURE_SSL_REDIRECT=false \
	SECRET_KEY=$(or $(SECRET_KEY),$(shell $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(40))'))

serve: demo
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(SERVE_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py

# PostgreSQL (DATABASE_URL) and the media folder, into BACKUP_DIR; `make restore
# BACKUP=backups/mip-<date>.dump` loads one into an empty database and media folder.
BACKUP_DIR ?= backups
backup: setup
	$(PY) manage.py backup --to $(BACKUP_DIR)

restore: setup
	@test -n "$(BACKUP)" || { echo "make restore BACKUP=backups/mip-<date>.dump"; exit 2; }
	$(PY) manage.py restore $(BACKUP)

# Not part of `make test`: loads a large demo into PostgreSQL and measures with wrk.
bench: setup
	$(PY) benchmarks/run.py

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check site/templates home/templates hub/templates

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml site/templates home/templates hub/templates

test: setup lint
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(PY) manage.py check
	$(BIN)/pytest

# Lighthouse scores of the main pages in both languages (needs Chromium and npx; not in CI).
AUDIT_PORT ?= 8090
audit: demo
	$(PY) tests/browser/lighthouse.py --port $(AUDIT_PORT)

clean:
	rm -rf $(VENV) var db.sqlite3 media static_collected .pytest_cache .ruff_cache
	find locale -name '*.mo' -delete
