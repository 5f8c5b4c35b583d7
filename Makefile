# tidings: two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= tidings.db

.PHONY: venv demo test test-fast browser clean lint ray screenshots

$(BIN)/tidings: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/tidings

venv: $(BIN)/tidings

# The scale tests run a real local Ray: `make test` installs the [ray] extra (not needed for the demo).
$(VENV)/.ray-extra: $(BIN)/tidings
	$(BIN)/pip install -q -e '.[dev,ray]'
	touch $@

ray: $(VENV)/.ray-extra

demo: venv
	rm -f $(DB) $(DB)-wal $(DB)-shm
	@# examples/broken/ holds deliberately bad inputs, so ingest exits 1 (some inputs failed).
	$(BIN)/tidings ingest examples --db $(DB) || test $$? -eq 1
	$(BIN)/tidings summary --db $(DB)

# Browser tests drive Debian's Chromium (never a downloaded browser); install it when missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get install -y chromium chromium-driver || \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y chromium chromium-driver; }; \
	fi

test: venv browser ray
	$(BIN)/pytest -q

# Refresh the user guide's pictures (docs/img) from the browser tests.
screenshots: venv browser
	TIDINGS_GUIDE_IMAGES=1 $(BIN)/pytest -q tests/web/test_browser.py

test-fast: venv
	$(BIN)/pytest -q -m "not slow"

lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm build *.egg-info src/*.egg-info
