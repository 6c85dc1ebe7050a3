#!/usr/bin/env bash
# Screenshots of the diff report shown in the README (docs/whatif-*.png): the
# first page, the employees who lose, the scenarios. Needs chromium; run from the
# repository's root after `cargo build`.
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./target/debug/grille diff rules/idcc2098-2002.grille rules/cgt-2008.grille examples/workforce.json \
  --as-of 2026-11-29 --format html --output "$out/report.html" --set-cost taux_charges=0.42 \
  --scenario smcc-1800:smcc=1800.00 --scenario smcc-1850:smcc=1850.00 --scenario smcc-1900:smcc=1900.00 \
  2>/dev/null || [ $? -eq 1 ] # 1: some employees are decided by one side only, as expected here
shot() { # NAME HEIGHT [SECTION]: the page, or one section alone
  local page="$out/report.html"
  if [ -n "${3:-}" ]; then
    page="$out/$1.html"
    sed "s|</style>|section:not(#$3), header { display: none; } body { margin: .5rem auto; }</style>|" \
      "$out/report.html" >"$page"
  fi
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$out/profile" --window-size="900,$2" \
    --screenshot="docs/whatif-$1.png" "file://$page" 2>/dev/null
}
shot first 820
shot losers 330 perdants
shot scenarios 470 scenarios
