# netvet: make demo · make test · make check · make bench · make fuzz
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data

.PHONY: demo test check bench bench-large bench-spark kb clean pdf-libs test-tools fuzz serve
# Debian packages, installed when missing and this user may install them: the libraries WeasyPrint
# loads for the PDF reports (otherwise `netvet report` says what to install), and the real tools
# the tests run (Nmap, poppler's pdftotext/pdftoppm, Chromium for the dashboard tests, the Java
# runtime Spark's tests start).
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
TEST_TOOLS := $(PDF_LIBS) nmap poppler-utils sqlite3 chromium openjdk-17-jre-headless
# PyICU (confusable skeletons; also needed by rigour's normality) ships only as source: it builds
# against Debian's ICU headers.
BUILD_LIBS := libicu-dev pkg-config g++
APT_MISSING = command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && ! dpkg -s $(1) >/dev/null 2>&1
APT_INSTALL = apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null

$(STAMP): pyproject.toml
	@if $(call APT_MISSING,$(BUILD_LIBS)); then $(call APT_INSTALL,$(BUILD_LIBS)); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres,spark]'
	@# An editable install compiles nothing, and where PYTHONDONTWRITEBYTECODE is set Python never
	@# caches what it compiles: every command would compile netvet's modules again (about 0.1 s).
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

pdf-libs:
	@if $(call APT_MISSING,$(PDF_LIBS)); then $(call APT_INSTALL,$(PDF_LIBS)); fi

test-tools:
	@if $(call APT_MISSING,$(TEST_TOOLS)); then $(call APT_INSTALL,$(TEST_TOOLS)); fi

# The demo reads only the kb (--no-auto-rules): its answers do not depend on whether this machine
# has Nmap's probes, and it does not pay their one-time compile.
DEMO_SCAN := $(BIN)/netvet scan examples/carrier_inventory.csv --as-of 2026-11-23 --profile examples/purchase_profile.yaml --no-auto-rules
demo: $(STAMP) pdf-libs
	mkdir -p out
	$(DEMO_SCAN) --db sqlite:///out/demo.db
	$(DEMO_SCAN) --no-store --json -o out/findings.json
	$(DEMO_SCAN) --no-store --csv -o out/findings.csv
	$(BIN)/netvet review-purchase examples/purchase_lines.csv --as-of 2026-11-23 --profile examples/purchase_profile.yaml --approved examples/purchase_register.yaml --json -o out/purchase.json
	$(BIN)/netvet report fcc-annual --db sqlite:///out/demo.db -o out --sites examples/sites.csv
	$(BIN)/netvet report 889-evidence --db sqlite:///out/demo.db -o out --discovered 2026-11-25
	$(BIN)/netvet report rip-and-replace --db sqlite:///out/demo.db -o out --costs examples/cost_catalogue.yaml
	@echo "JSON and CSV findings written to out/findings.json and out/findings.csv; reports in out/"

# The service over the demo's store (run `make demo` first): an admin token for it with
# `.venv/bin/netvet token create --role admin --db sqlite:///out/demo.db`.
serve: $(STAMP)
	$(BIN)/netvet serve --db sqlite:///out/demo.db

test: $(STAMP) test-tools
	$(BIN)/pytest

# The fuzzers at length: random (not the seeded run of `make test`), FUZZ_EXAMPLES inputs per test.
FUZZ_EXAMPLES ?= 20000
fuzz: $(STAMP)
	NETVET_FUZZ_PROFILE=fuzz NETVET_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider \
		tests/fuzz tests/match/test_confusables.py tests/report/test_cells.py

check: $(STAMP) test-tools
	$(BIN)/ruff check src tests bench examples
	$(BIN)/ruff format --check src tests bench examples
	$(BIN)/mypy src
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py --data $(SHARED)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/snmp_accuracy.py --data $(SHARED)
	$(BIN)/python bench/banners.py --data $(SHARED)
	$(BIN)/python bench/text_names.py --data $(SHARED)
	$(BIN)/python bench/names.py --data $(SHARED)
	$(BIN)/python bench/service.py --data $(SHARED)
	$(BIN)/python bench/dashboard.py

# The scan against the bare pyarrow read on 10M rows (a ~1.4 GB CSV written once into .bench/,
# which git ignores): one run of each, as it takes minutes; `make bench` keeps the 1M case.
bench-large: $(STAMP)
	$(BIN)/python bench/run.py --data $(SHARED) --rows 10000000 --repeat 1 --scan-only --out .bench

# Rows/s per core of the Arrow engine and of Spark local[2] (docs/scale.md); not part of `make
# bench`: it starts Java and takes a few minutes.
bench-spark: $(STAMP) test-tools
	$(BIN)/python bench/spark.py --data $(SHARED)

kb: $(STAMP)
	$(BIN)/netvet kb build --data $(SHARED)

clean:
	rm -rf $(VENV) out netvet.db
