# Reflect: `make run` sets everything up and starts the app; `make test` sets everything up and runs all tests.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.reflect-installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test setup system-deps lint

run: setup
	$(VENV)/bin/reflect analyze eval/data/dev/d04_peer_conflict.txt --format md

test: setup system-deps
	$(VENV)/bin/pytest

setup: $(STAMP)

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# torch first and pinned: the CPU build on this machine's disk, not a multi-GB CUDA download.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PIP) install --quiet -c constraints.txt torch==2.13.0
	$(PIP) install --quiet -c constraints.txt -e '.[local,test]'
	touch $@

# Headless Chromium for the browser test (Debian packages).
system-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium chromium-driver; }

lint: setup
	$(VENV)/bin/ruff check assistant eval ui tests
	$(VENV)/bin/mypy
