# Quick start: `make html` then `make test`. Every other target is an invoke task run inside .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: html test publish validate serve livereload clean check bundle i18n-update
.DEFAULT_GOAL := html

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/invoke build

test: $(STAMP)
	$(BIN)/invoke test

publish validate serve livereload check bundle i18n-update: $(STAMP)
	$(BIN)/invoke $@

clean:
	$(BIN)/invoke clean 2>/dev/null || rm -rf output .cache .output.*
