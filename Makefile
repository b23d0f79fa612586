# netvet: make demo · make test · make check · make bench
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared/data

.PHONY: demo test check bench kb clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/netvet scan examples/carrier_inventory.csv --as-of 2026-11-23 --profile examples/purchase_profile.yaml --db sqlite:///out/demo.db
	$(BIN)/netvet scan examples/carrier_inventory.csv --as-of 2026-11-23 --profile examples/purchase_profile.yaml --no-store --json -o out/findings.json
	$(BIN)/netvet scan examples/carrier_inventory.csv --as-of 2026-11-23 --profile examples/purchase_profile.yaml --no-store --csv -o out/findings.csv
	$(BIN)/netvet review-purchase examples/purchase_lines.csv --as-of 2026-11-23 --profile examples/purchase_profile.yaml --approved examples/purchase_register.yaml --json -o out/purchase.json
	$(BIN)/netvet report fcc-annual --db sqlite:///out/demo.db -o out --sites examples/sites.csv
	$(BIN)/netvet report 889-evidence --db sqlite:///out/demo.db -o out --discovered 2026-11-25
	$(BIN)/netvet report rip-and-replace --db sqlite:///out/demo.db -o out --costs examples/cost_catalogue.yaml
	@echo "JSON and CSV findings written to out/findings.json and out/findings.csv; reports in out/"

test: $(STAMP)
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/ruff check src tests bench examples
	$(BIN)/ruff format --check src tests bench examples
	$(BIN)/mypy src
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py --data $(SHARED)
	$(BIN)/python bench/snmp_accuracy.py --data $(SHARED)
	$(BIN)/python bench/banners.py --data $(SHARED)
	$(BIN)/python bench/names.py --data $(SHARED)

kb: $(STAMP)
	$(BIN)/netvet kb build --data $(SHARED)

clean:
	rm -rf $(VENV) out netvet.db
