# CareJournal: two commands do all set-up. `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
STAMP_DIST := $(VENV)/.installed-dist
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' carejournal/__init__.py)
TARBALL = dist/CareJournal-$(VERSION)-linux-$(shell uname -m).tar.gz

.PHONY: run test test-all lint bench screenshot clean pdftotext translations messages dist \
  dist-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# sqlcipher3 replaced sqlcipher3-binary (step 13); both own the files of sqlcipher3/, so a
# virtual environment made before drops the old one and puts the new one's files back.
DROP_OLD_SQLCIPHER = if $(BIN)/python -m pip show -q sqlcipher3-binary >/dev/null 2>&1; then \
	  $(BIN)/python -m pip uninstall --quiet -y sqlcipher3-binary && \
	  $(BIN)/python -m pip install --quiet --force-reinstall --no-deps "sqlcipher3>=0.6"; fi

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@$(DROP_OLD_SQLCIPHER)
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@$(DROP_OLD_SQLCIPHER)
	touch $@ $(STAMP_RUN)

# The pack tests read exported PDFs with a real reader (poppler's pdftotext). Installed when
# the machine allows it; otherwise those tests are skipped and say why.
pdftotext:
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && { apt-get install -y -qq poppler-utils >/dev/null 2>&1 \
	       || { apt-get update -qq >/dev/null 2>&1 \
	            && apt-get install -y -qq poppler-utils >/dev/null 2>&1; }; }; } \
	  || echo "pdftotext (poppler-utils) is not installed: PDF reading tests will be skipped."

$(STAMP_BENCH): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	@$(DROP_OLD_SQLCIPHER)
	touch $@ $(STAMP_TEST) $(STAMP_RUN)

# The window's translations: resources/translations/*.ts brought up to date with the code
# (pyside6-lupdate), then compiled to .qm (pyside6-lrelease; both come with PySide6). The
# window compiles a missing or older .qm itself at start-up, so a clean clone runs without
# this step; a build for others (a wheel, a bundle) runs it first.
translations: $(STAMP_RUN)
	$(BIN)/python scripts/translations.py extract
	$(BIN)/python scripts/translations.py release

# The command line's messages: resources/translations/messages.pot, extracted with Babel.
messages: $(STAMP_TEST)
	$(BIN)/python scripts/translations.py pot

QM_FILES := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

resources/translations/%.qm: resources/translations/%.ts | $(STAMP_RUN)
	$(BIN)/python scripts/translations.py release

$(STAMP_DIST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dist]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN) $(QM_FILES)
	$(BIN)/carejournal

lint: $(STAMP_TEST)
	$(BIN)/ruff check carejournal tests scripts benchmarks
	$(BIN)/mypy

# The tests run in parallel, one process per core (at most 4), with pytest-xdist.
PARALLEL := -n auto --maxprocesses 4

# The suite without the tests marked slow (see pyproject.toml): about 8 minutes on 2 cores.
test: lint pdftotext $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PARALLEL)

# Everything, the slow crash, full-disk and benchmark-smoke tests too (about 20 minutes).
test-all: lint pdftotext $(QM_FILES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PARALLEL) -m "slow or not slow"

# The whole suite at 20,000 entries, side by side with jrnl: prints the table and writes
# benchmarks/RESULTS.md (about 15 minutes). A one-run smoke of it is part of `make test-all`.
bench: $(STAMP_BENCH)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

screenshot: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshot.py docs/screenshot.png \
	  --wizard docs/supervision.png

# The wheel and sdist, the one-folder bundle dist/CareJournal/ (its executable is
# dist/CareJournal/carejournal, the same command as the installed one; built from
# packaging/carejournal.spec) and its tarball, with the install script and licences beside it.
# $(QM_FILES): the compiled translations, where the Makefile lists them, are built first.
dist: $(STAMP_DIST) $(QM_FILES)
	rm -rf dist build/pyinstaller
	$(BIN)/python -m build --outdir dist .
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/carejournal.spec
	for f in packaging/linux/install.sh LICENSE THIRD_PARTY_NOTICES*; do \
	  if [ -f "$$f" ]; then cp "$$f" dist/CareJournal/; fi; done
	$(BIN)/python scripts/collect_licences.py dist/CareJournal/licences
	tar -C dist -czf $(TARBALL) CareJournal
	@echo "Built dist/CareJournal/carejournal and $(TARBALL)"

# Runs the bundle with none of our environment (env -i): a demo journal, list, a PDF pack,
# the window offscreen, encryption; then sizes and first-window times beside the venv's.
dist-check: $(STAMP_DIST)
	$(BIN)/python scripts/dist_check.py --bundle dist/CareJournal --tarball $(TARBALL)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache resources/translations/*.qm
