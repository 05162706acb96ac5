# OmniStore. Quick start: `make demo` and `make test`; each installs what it needs.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.bootstrapped

.PHONY: demo test bench lint screenshots translations clean

$(STAMP): pyproject.toml scripts/bootstrap.sh
	@scripts/bootstrap.sh
	@touch $(STAMP)

demo: $(STAMP)
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "No display found: run '$(VENV)/bin/omnistore demo --headless' to start the servers only."; \
	else \
	  $(VENV)/bin/omnistore demo; \
	fi

# CI runs `make test`: the lint (ruff, mypy, the import contracts) first, then the suite.
test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m bench $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy app hardware/families.py
	$(VENV)/bin/lint-imports

translations: $(STAMP)
	$(PY) -m ui.i18n_build --update

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots --out docs/screenshots

clean:
	rm -rf $(VENV) *.egg-info
