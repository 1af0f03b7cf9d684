#!/usr/bin/env bash
# The reference evaluator against DuckDB running the compiled SQL (detc eval --engine duckdb), same events, same 30
# rules, whole process; also checks that both print exactly the same alerts.
# Usage: scripts/bench/eval-vs-duckdb.sh [N]   (default 100000 events)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-100000}"
OUT="$ROOT/target/bench/okta-$N"
[ -f "$OUT/okta-events.jsonl" ] || python3 "$ROOT/scripts/bench/gen_okta_bench.py" "$OUT" "$N" >&2
"$ROOT/detc" --version >/dev/null
JAR="$ROOT/cli/target/detc.jar"
for engine in evaluator duckdb; do
  /usr/bin/time -o /tmp/detc-bench-time -f '%e %M' java -jar "$JAR" eval --engine "$engine" \
      --events "$OUT/okta-events.jsonl" "$OUT/rules" >"/tmp/detc-bench-$engine.out" 2>/dev/null || true
  read -r w m < /tmp/detc-bench-time
  echo "$engine: $w s wall, $(( m / 1024 )) MiB peak RSS, $(wc -l < "/tmp/detc-bench-$engine.out") alerts"
done
cmp -s /tmp/detc-bench-evaluator.out /tmp/detc-bench-duckdb.out && echo "same alerts, line for line" \
  || echo "ALERTS DIFFER"
