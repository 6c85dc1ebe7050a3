#!/usr/bin/env bash
# The workbench's latency (grille serve), as the page asks it after an edit:
# diagnostics (op check on the edited text), the what-if over the sample
# workforce (op diff against the rules in force, examples/workforce.json) and
# over 100,000 employees (a `grille sample`), each the median of RUNS calls
# over HTTP on this machine, after one warm-up call. Targets: < 100 ms,
# < 300 ms, < 2 s.
#
#   benches/workbench.sh [RUNS]        (default 7; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --release --locked --quiet
grille=$PWD/target/release/grille
data=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT
"$grille" sample --rules rules/cgt-2008.grille --employees 100000 --seed 7 \
    --as-of 2026-11-29 --output "$data/large.jsonl" 2>/dev/null

serve() { # facts file → the URL printed
    "$grille" serve rules/cgt-2008.grille --facts "$1" >"$data/url.$2" 2>/dev/null &
    pids+=($!)
    for _ in $(seq 50); do [ -s "$data/url.$2" ] && break; sleep 0.1; done
    cat "$data/url.$2"
}
sample=$(serve examples/workforce.json sample)
large=$(serve "$data/large.jsonl" large)

python3 - "$runs" "$sample" "$large" <<'PY'
import json, statistics, sys, time, urllib.parse, urllib.request

runs, sample, large = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rules = "rules/cgt-2008.grille"
# The edit: a coefficient of the grid changed, as a negotiator types it.
text = open(rules, encoding="utf-8").read().replace("experimente : 190", "experimente : 200", 1)

def timed(url, body):
    address = urllib.parse.urlsplit(url)
    token = urllib.parse.parse_qs(address.query)["token"][0]
    request = urllib.request.Request(
        f"{address.scheme}://{address.netloc}/api/call", data=json.dumps(body).encode(),
        headers={"X-Grille-Token": token, "Content-Type": "application/json"})
    start = time.perf_counter()
    answer = json.load(urllib.request.urlopen(request))
    elapsed = time.perf_counter() - start
    assert answer["ok"], answer
    return elapsed

def median_ms(url, body):
    timed(url, body)
    return statistics.median(timed(url, body) for _ in range(runs)) * 1000

edited = {"files": {rules: text}, "main": rules}
rows = [
    ("diagnostics after an edit (check)", sample, {"op": "check", "rules": edited}, 100),
    ("what-if, sample workforce (60 employees)", sample,
     {"op": "diff", "rules": edited, "as_of": "2026-11-29"}, 300),
    ("what-if, 100,000 employees", large,
     {"op": "diff", "rules": edited, "as_of": "2026-11-29"}, 2000),
]
print(f"median of {runs} calls (ms), target")
for what, url, body, target in rows:
    ms = median_ms(url, body)
    print(f"{what:45} {ms:8.1f}  < {target} {'ok' if ms < target else 'OVER'}")
PY
