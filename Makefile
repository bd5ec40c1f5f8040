# Reflect. Two commands (see README.md):
#   make run    set everything up, then start the app on http://127.0.0.1:8501
#   make test   set everything up, check lint and types (ruff, mypy), then run every test
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.reflect-installed
# Models and data never come from a hub at run time.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
# The bundled local model is assembled once here and shared by the app and the tests.
export REFLECT_MODELS_DIR ?= $(HOME)/.reflect/models

.PHONY: run test setup model system-deps lint eval bench

run: setup model
	$(VENV)/bin/reflect ui

test: lint system-deps model
	$(VENV)/bin/pytest

setup: $(STAMP)

$(PY):
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# llama.cpp compiles once (about 10 minutes on 2 cores) into a wheel kept outside the project, built
# for any x86-64 CPU with AVX2 rather than for this one (GGML_NATIVE=OFF), and replaces any build
# installed before: a native build on a CPU with AMX tiles crashed with a general protection fault
# where the VM does not grant them, and pip's own wheel cache would hand that build to every later
# install on the machine. The version is pyproject.toml's.
LLAMA_CPP := llama-cpp-python==0.3.36
LLAMA_WHEELS := $(HOME)/.reflect/wheels/portable
LLAMA_WHEEL := $(LLAMA_WHEELS)/.built-$(subst ==,-,$(LLAMA_CPP))

$(LLAMA_WHEEL): | $(PY)
	mkdir -p $(LLAMA_WHEELS)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) wheel --quiet --no-cache-dir --no-deps -w $(LLAMA_WHEELS) '$(LLAMA_CPP)'
	touch $@

# torch first and pinned: the CPU build on this machine's disk, not a multi-GB CUDA download.
$(STAMP): pyproject.toml constraints.txt $(LLAMA_WHEEL) | $(PY)
	$(PIP) install --quiet -c constraints.txt torch==2.13.0
	$(PIP) install --quiet --no-index --no-deps --force-reinstall --find-links $(LLAMA_WHEELS) '$(LLAMA_CPP)'
	$(PIP) install --quiet -c constraints.txt --find-links $(LLAMA_WHEELS) -e '.[local,test]'
	touch $@

model: setup
	$(VENV)/bin/reflect model install

# Headless Chromium and its driver for the browser test (Debian packages).
system-deps:
	@command -v chromium >/dev/null || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium chromium-driver; }

# The gates run before the tests: lint, format, then types (assistant/, ui/ and eval/, see pyproject.toml).
lint: setup
	$(VENV)/bin/ruff check assistant eval ui prompts tests
	$(VENV)/bin/ruff format --check assistant eval ui prompts tests
	$(VENV)/bin/mypy

eval: setup
	$(VENV)/bin/reflect eval --backend offline --split test --out eval/out/offline-test

bench: setup
	$(PY) -m eval.bench all
