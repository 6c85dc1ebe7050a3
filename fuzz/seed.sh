#!/usr/bin/env bash
# Fills fuzz/corpus/ with seeds from the project's own rule files and facts fixtures.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rules corpus/facts
cp ../rules/*.grille ../tests/inputs/check/*.grille ../tests/inputs/eval/*/rules.grille ../tests/inputs/test/*.grille corpus/rules/ 2>/dev/null || true
cp ../examples/workforce.* ../tests/oracle/cases/*/*.json ../tests/inputs/eval/*/facts.* ../tests/inputs/facts/* corpus/facts/ 2>/dev/null || true
echo "seeds: $(ls corpus/rules | wc -l) rule files, $(ls corpus/facts | wc -l) facts files"
