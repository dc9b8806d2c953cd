# councilpapers: `make demo` to see it work, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_HOME := .demo-home
CP := $(BIN)/councilpapers --home $(DEMO_HOME)

.PHONY: install demo test score holdout bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -rf $(DEMO_HOME)
	$(CP) ingest
	$(CP) stats
	$(CP) search "pupil premium" --limit 3
	$(CP) search "supported lodgings" --kind resolution --limit 3
	$(CP) search "foster carers" --committee "corporate parenting" --since 2016 --limit 3
	$(CP) show mtg-2016-05-26-corporate-parenting-panel
	$(CP) actions --owner Segurola
	$(CP) people Segurola

test: install
	$(BIN)/python -m pytest -q

score: install
	$(BIN)/python benchmarks/gold_score.py
	$(BIN)/python benchmarks/search_score.py

# The blind holdout (benchmarks/holdout/README.md): made-up papers of councils nobody
# tuned a rule to. Report its scores; never tune to it.
HOLDOUT := benchmarks/out/holdout-papers
holdout: install
	$(BIN)/python benchmarks/holdout/make_papers.py $(HOLDOUT)/holdout
	$(BIN)/python benchmarks/gold_score.py --only dev --dev-gold benchmarks/holdout/gold --papers-root $(HOLDOUT)

bench: install
	$(BIN)/python benchmarks/ingest_speed.py

clean:
	rm -rf $(VENV) $(DEMO_HOME) build *.egg-info
