# Two commands do all the set-up on a fresh machine with Python 3.11 and make:
#   make site   - create .venv, install the pinned packages, extract, validate, build site/
#   make test   - the same environment and the npm packages of the accessibility tests, then
#                 the whole test suite
#   make serve  - a live preview on http://127.0.0.1:$(PORT)/ (make serve PORT=8123)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test validate extract benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

# axe-core for the accessibility tests (tests/test_reader.py), from package-lock.json. Without
# npm this stops with its name instead of letting those tests skip.
$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make test needs npm for the accessibility tests (Debian: apt-get install npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

site: $(STAMP)
	$(BIN)/python build_chronology.py extract
	$(BIN)/python build_chronology.py validate
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

validate: $(STAMP)
	$(BIN)/python build_chronology.py validate

extract: $(STAMP)
	$(BIN)/python build_chronology.py extract

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_build.py --quick

clean:
	rm -rf site $(VENV) .pytest_cache node_modules
