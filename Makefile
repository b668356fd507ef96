# Two commands do all the set-up on a fresh machine:
#   make serve   the guide on http://127.0.0.1:8000/ with live reload
#   make test    the whole test suite, browser tests included (first installs the
#                Debian packages it needs when run as root; otherwise names them)
#   make check   lint, format and type checks (ruff, mypy, eslint): zero findings
# Both create .venv, install the pinned dependencies and fetch the pinned
# Pyodide (into .cache/, checked against build_tools/pyodide-pin.toml).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: setup serve build test test-fast bench nginx-conf lock clean check system-packages

setup: $(VENV)/.installed node_modules/.installed .cache/pyodide/.fetched

$(VENV)/.installed: requirements.txt requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed (found %s); set PYTHON=python3.11 or newer" % sys.version.split()[0] if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt -c requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.cache/pyodide/.fetched: build_tools/pyodide-pin.toml $(VENV)/.installed
	$(PY) -m build_tools.runtime_assets
	@touch $@

serve: setup
	SITE_URL=http://127.0.0.1:8000/ $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup
	$(PY) -m build_tools.build

# Browsers, nginx, Xvfb, Node.js: installed with apt-get as root, else named.
system-packages:
	@PYTHON=$(PYTHON) bash tests/support/system_packages.sh

# Every layer of tests/ must collect tests (see tests/conftest.py).
test: system-packages setup
	$(PY) -m pytest --every-layer

# Zero findings; the rules are in pyproject.toml (ruff, mypy) and eslint.config.mjs.
check: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	node_modules/.bin/eslint .

# Widget logic and build tests only: no browser.
test-fast: setup
	$(PY) -m pytest -m "not e2e"

# The sample nginx configuration for the built site, with its CSP hashes:
#   make nginx-conf PREFIX=/careers/guide/ ROOT=/var/www/follow-up-guide/site [HSTS=1]
PREFIX ?= /
ROOT ?= $(CURDIR)/site
nginx-conf: build
	$(PY) -m build_tools.nginx_conf --site-dir site --prefix $(PREFIX) --root $(ROOT) $(if $(HSTS),--hsts) > follow-up-guide.nginx.conf
	@echo "wrote follow-up-guide.nginx.conf: include it inside your server { } block"

bench: setup
	$(PY) benchmarks/checklist_ready.py
	$(PY) benchmarks/note_typing.py
	$(PY) benchmarks/cold_threads.py

lock: $(VENV)/.installed
	{ echo "# Every package the build and the tests use, at the versions tested (pip freeze)."; \
	  echo "# Used as constraints with requirements.txt; regenerate with: make lock"; \
	  $(PY) -m pip freeze | grep -v '^-e'; } > requirements.lock

clean:
	rm -rf site .site.staging .site.old .cache $(VENV) node_modules
