#!/usr/bin/env bash
# An ICTS case from referral to Initial Determination, with a mitigation agreement, against the
# sample carrier inventory. Usage: examples/icts_case.sh [OUT_DIR]   (needs `netvet` on PATH)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-out/icts-example}
mkdir -p "$out"
rm -f "$out/example.db"
export NETVET_DB_URL="sqlite:///$out/example.db"

netvet mitigation import "$here/mitigation_agreements.yaml"
netvet mitigation import "$here/mitigation_agreements.csv"
netvet scan "$here/carrier_inventory.csv" --as-of 2026-11-23 --json -o "$out/findings.json"

netvet icts case open --number ICTS-2026-001 --author "A. Analyst" \
  --title "ZTE OLT updates and on-site maintenance" \
  --party "Rifle Valley Telephone" --party "ZTE USA Inc." \
  --item "OLT firmware updates and maintenance by the maker's technicians" --kind update \
  --initiated 2026-01-10 --value 84000 --supplier zte-corporation \
  --asset 1:serial:5KPG861DK2 --referral-source "agency referral on supplier records" --referred 2026-03-02
netvet icts case decide ICTS-2026-001 --step accept --on 2026-03-16 --author "A. Analyst" \
  --reason "within 15 CFR 791.3: mobile and wireline access ICTS"
netvet icts case score ICTS-2026-001 --criterion 8 --score 1 --author "A. Analyst" \
  --reason "a no-spy agreement with escorted access is in place" --evidence "agreement NSA-2026-01"
netvet icts case note ICTS-2026-001 "The carrier asked for a meeting on the agreement's audit terms." \
  --author "B. Reviewer"
netvet icts case decide ICTS-2026-001 --step notify-agencies --on 2026-05-01 --author "A. Analyst" \
  --reason "notice of the proposed Initial Determination to the agency heads"
netvet icts case decide ICTS-2026-001 --step initial-determination --on 2026-05-22 \
  --outcome permitted-with-mitigation --author "A. Analyst" --reason "served on the parties"

netvet icts case decide ICTS-2026-001 --step mitigation --on 2026-06-01 --author "A. Analyst" \
  --reason "no-spy agreement NSA-2026-01: escorted access, hashed firmware, audits every 3 months"

netvet icts case list --as-of 2026-11-23
netvet icts case show ICTS-2026-001 --as-of 2026-11-23 --json > "$out/case.json"
netvet icts case file ICTS-2026-001 --as-of 2026-11-23 -o "$out"
netvet mitigation list --as-of 2026-11-23
