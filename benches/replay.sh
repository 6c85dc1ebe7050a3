#!/usr/bin/env bash
# Whole-process figures of `grille replay` (issue 16's speed target: 100,000
# employees with 36 monthly payslips each, 3.6 million pay lines in JSON Lines,
# replayed in <= 5 s and <= 500 MB, streamed): generates the histories with
# `grille sample --history-months 36 --history-full` once (every employee hired
# before the range and paid every month: 36 payslips each), then runs the replay three times
# under `/usr/bin/time -v` and prints each wall time and peak memory.
#
#   benches/replay.sh [DATA_DIR]     (default: target/bench-data)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
grille=target/release/grille
data=${1:-target/bench-data}
mkdir -p "$data"
histories="$data/histories-100k-full.jsonl"
[ -s "$histories" ] || "$grille" sample --rules rules/idcc2098-2002.grille --employees 100000 \
    --seed 7 --as-of 2026-11-29 --history-months 36 --history-full --output "$histories" 2>/dev/null
echo "input: $(wc -l <"$histories") employees, $(grep -o '"month"' "$histories" | wc -l) pay lines, $(du -mL "$histories" | cut -f1) MB"
for run in 1 2 3; do
    status=0
    /usr/bin/time -v -o "$data/time.txt" "$grille" replay rules/idcc2098-2002.grille "$histories" \
        --from 2023-11 --to 2026-10 --claim-on 2026-12-01 --format jsonl \
        >"$data/replay.out" 2>"$data/replay.err" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "replay failed (exit $status), see $data/replay.err" >&2
        exit 1
    fi
    awk -F': ' -v run="$run" '
        /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
        /Maximum resident set size/ { mb = $2 / 1024 }
        /User time/ { u = $2 } /System time/ { k = $2 }
        END { printf "run %d: %.2f s wall (%.2f s user, %.2f s system), %.0f MB peak\n", run, s, u, k, mb }' "$data/time.txt"
done
tail -1 "$data/replay.err"
