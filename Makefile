# Two commands for a new user: `make demo` and `make test`. Everything else is a step they call.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo/parley-demo.db

.PHONY: install demo test bench browser lock clean

install: $(STAMP)

# Rebuilt only when the lock file or the package metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; Parley needs Python 3.11 (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Headless Chromium for the browser tests: Debian's package, never a browser download.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# The main job on the bundled (invented) demo corpus: ingest, annotate, summarise, write the report.
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/parley --db $(DEMO_DB) ingest demo/corpus --manifest demo/manifest.csv
	$(BIN)/parley --db $(DEMO_DB) annotate --actors demo/actors.yaml --codebook demo/codebook.yaml
	$(BIN)/parley --db $(DEMO_DB) stats
	$(BIN)/parley --db $(DEMO_DB) positions var --issue negotiations
	$(BIN)/parley --db $(DEMO_DB) report -o demo/report.html
	@echo
	@echo "Report (opens offline): demo/report.html"
	@echo "Workbench:              $(BIN)/parley --db $(DEMO_DB) serve   then open http://127.0.0.1:8000"

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m bench

# Maintainers only: refresh the lock after editing pyproject.toml (needs uv on PATH).
lock:
	python3 scripts/lock.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
