# Two commands do all the set-up on a fresh machine:
#   make demo   analyse the example story (Markdown to the terminal, HTML to out/)
#   make test   run the whole test suite
# and a third opens the web app on a demo corpus:
#   make serve  the example story in a corpus (out/demo.db), browsed at http://127.0.0.1:8000/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test serve bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline analyze examples/gantz-washington \
		--published 000_fc6d89dac03494ff=2024-03-04 \
		--published 002_cfade814ec095534=2024-03-05 \
		--outlet "000_fc6d89dac03494ff=ABC News" \
		--html out/gantz-washington.html

test: $(STAMP)
	sh scripts/install_browser.sh
	$(BIN)/python -m pytest -q -n 2

serve: $(STAMP)
	mkdir -p out
	$(BIN)/storyline ingest examples/gantz-washington --db out/demo.db --quiet --reports \
		--published 000_fc6d89dac03494ff=2024-03-04 \
		--published 002_cfade814ec095534=2024-03-05 \
		--outlet "000_fc6d89dac03494ff=ABC News"
	$(BIN)/storyline serve --db out/demo.db

bench: $(STAMP)
	$(BIN)/python -m benchmarks.throughput
	$(BIN)/python -m benchmarks.quote_overhead

# Accuracy against the annotated corpora in ../shared/data, with the baselines in the same runs.
eval: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,eval]'
	$(BIN)/python -m benchmarks.eval_quotes --split dev
	$(BIN)/python -m benchmarks.eval_times
	$(BIN)/python -m benchmarks.eval_summary
	$(BIN)/python -m benchmarks.calibrate_align

clean:
	rm -rf $(VENV) out .pytest_cache
