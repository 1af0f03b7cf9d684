#!/usr/bin/env bash
# The reference evaluator against the SQL engines running the compiled SQL (detc eval --engine duckdb, ...), same
# events, same 30 rules, whole process; checks that each prints exactly the evaluator's alerts, and splits each SQL
# engine's time into loading and queries (-Ddetc.engine.trace=true).
# Usage: scripts/bench/eval-vs-duckdb.sh [N [ENGINE...]]   (default 100000 events; engines: duckdb)
#   e.g. scripts/bench/eval-vs-duckdb.sh 100000 duckdb sqlite
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-100000}"
shift || true
ENGINES=("$@")
[ ${#ENGINES[@]} -gt 0 ] || ENGINES=(duckdb)
OUT="$ROOT/target/bench/okta-$N"
[ -f "$OUT/okta-events.jsonl" ] || python3 "$ROOT/scripts/bench/gen_okta_bench.py" "$OUT" "$N" >&2
"$ROOT/detc" --version >/dev/null
JAR="$ROOT/cli/target/detc.jar"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "$N events, $(ls "$OUT/rules" | wc -l) rules; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for engine in evaluator "${ENGINES[@]}"; do
  /usr/bin/time -o "$TMP/time" -f '%e %M' java -Ddetc.engine.trace=true -jar "$JAR" eval --engine "$engine" \
      --events "$OUT/okta-events.jsonl" "$OUT/rules" >"$TMP/$engine.out" 2>"$TMP/$engine.err" || true
  read -r w m < "$TMP/time"
  split=""
  if [ "$engine" != evaluator ]; then
    # Trace lines: "<engine> load <n> events <ms> ms" and "<engine> <rule> <ms> ms, <chars> chars".
    split=$(awk -v e="$engine" '$1 == e && $2 == "load" { l = $5 } $1 == e && $2 != "load" && $4 == "ms," { q += $3 }
        END { printf ", load %.1f s, queries %.1f s", l / 1000, q / 1000 }' "$TMP/$engine.err")
  fi
  same=""
  if [ "$engine" != evaluator ]; then
    cmp -s "$TMP/evaluator.out" "$TMP/$engine.out" && same=", same alerts as the evaluator, line for line" \
      || same=", ALERTS DIFFER from the evaluator"
  fi
  echo "$engine: $w s wall, $(( m / 1024 )) MiB peak RSS, $(wc -l < "$TMP/$engine.out") alerts$split$same;" \
    "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
