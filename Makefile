# Two commands do all the set-up on a fresh machine with Python 3.11 and make:
#   make site   - create .venv, install the pinned packages, extract, validate, build site/
#   make test   - the same environment, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test validate extract benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python build_chronology.py extract
	$(BIN)/python build_chronology.py validate
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

validate: $(STAMP)
	$(BIN)/python build_chronology.py validate

extract: $(STAMP)
	$(BIN)/python build_chronology.py extract

test: $(STAMP)
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_build.py --quick

clean:
	rm -rf site $(VENV) .pytest_cache
