#!/usr/bin/env bash
# Whole-process figures for a million employees (the speed issue's table):
# generates the workforces with `grille sample` once, then runs each command
# three times under `/usr/bin/time -v` and prints the median wall time and the
# median peak memory. The in-memory figures are `cargo bench --bench engine`.
#
#   benches/whole-process.sh [DATA_DIR]     (default: target/bench-data)
#
# Set GRILLE_THREADS=1 to see what one core does.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
grille=target/release/grille
data=${1:-target/bench-data}
as_of=2026-11-29
mkdir -p "$data"

sample() { # employees, file
    [ -s "$data/$2" ] || "$grille" sample --rules rules/cgt-2008.grille --employees "$1" \
        --seed 7 --as-of "$as_of" --output "$data/$2" 2>/dev/null
}
sample 1000000 big.jsonl
sample 1000000 big.csv
sample 1000 k.jsonl

# One line: what, median wall time in seconds, median peak resident memory in MB.
measure() {
    local what=$1
    shift
    local runs=()
    for _ in 1 2 3; do
        # Exit status 1 says some records were rejected (diff: decided by one side only).
        local status=0
        /usr/bin/time -v -o "$data/time.txt" "$@" >"$data/out" 2>"$data/err" || status=$?
        if [ "$status" -gt 1 ]; then
            echo "$what: failed (exit $status), see $data/err" >&2
            exit 1
        fi
        runs+=("$(awk -F': ' '
            /Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
            /Maximum resident set size/ { kb = $2 }
            END { printf "%.3f %.0f\n", s, kb / 1024 }' "$data/time.txt")")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p |
        awk -v what="$what" '{ printf "%-58s %7.3f s %6d MB\n", what, $1, $2 }'
}

echo "$(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
measure "eval, 1,000,000 JSON lines to JSON Lines" \
    "$grille" eval rules/cgt-2008.grille "$data/big.jsonl" --as-of "$as_of" --format jsonl
measure "eval, 1,000,000 CSV rows to JSON Lines" \
    "$grille" eval rules/cgt-2008.grille "$data/big.csv" --as-of "$as_of" --format jsonl
measure "diff of the two shipped rule files, 1,000,000, text" \
    "$grille" diff rules/idcc2098-2002.grille rules/cgt-2008.grille "$data/big.jsonl" --as-of "$as_of"
measure "check rules/cgt-2008.grille" \
    "$grille" check rules/cgt-2008.grille
measure "explain one employee of 1,000" \
    "$grille" explain rules/cgt-2008.grille "$data/k.jsonl" --id S0000500 --as-of "$as_of"
