# The two commands of the README: `make run` and `make test`; `make bench` for benchmarks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export CONGDOAN_DATA_DIR ?= $(CURDIR)/var
# `make run` is the development server: it signs with a development key unless one is given
# (with DEBUG off and no SECRET_KEY a real server refuses to start).
run demo: export SECRET_KEY ?= dev-only-key-of-make-run-never-use-it-in-production

.PHONY: run test test-sqlite test-postgres lint bench bench-load demo messages clean

$(BIN)/congdoan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-deps: $(BIN)/congdoan
	$(BIN)/pip install -q -e '.[test]'
	touch $@

messages: $(BIN)/congdoan
	if ls src/congdoan/locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then \
	  cd src/congdoan && ../../$(BIN)/congdoan compilemessages -v 0; fi

run: $(BIN)/congdoan messages
	bash scripts/system-deps.sh run
	mkdir -p $(CONGDOAN_DATA_DIR)
	$(BIN)/congdoan migrate -v 0
	$(BIN)/congdoan demo
	# the task worker (imports, long documents) runs beside the web server and stops with it
	$(BIN)/congdoan worker -v 0 & worker=$$!; trap "kill $$worker" EXIT INT TERM; \
	  $(BIN)/congdoan runserver --insecure 127.0.0.1:8000

demo: $(BIN)/congdoan
	mkdir -p $(CONGDOAN_DATA_DIR)
	$(BIN)/congdoan migrate -v 0
	$(BIN)/congdoan demo

lint: $(VENV)/.test-deps
	mkdir -p $(CONGDOAN_DATA_DIR)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/congdoan makemigrations --check --dry-run -v 1

test: $(VENV)/.test-deps
	bash scripts/system-deps.sh
	$(MAKE) lint messages
	$(MAKE) test-sqlite test-postgres

test-sqlite: $(VENV)/.test-deps
	$(BIN)/pytest

test-postgres: $(VENV)/.test-deps
	bash scripts/with-postgres.sh $(BIN)/pytest

bench: $(VENV)/.test-deps
	bash scripts/system-deps.sh
	bash scripts/with-postgres.sh $(BIN)/python -m bench
	$(MAKE) bench-load

# 200 simulated officials against `congdoan serve` on PostgreSQL with the city-scale demo.
bench-load: $(VENV)/.test-deps
	bash scripts/with-postgres.sh $(BIN)/python -m bench.load.run

clean:
	rm -rf $(VENV) var
