#!/usr/bin/env bash
# Whole-process benchmark of `detc eval`: N generated Okta events (default 1,000,000) through 30 rules.
# Reports events per second (median of RUNS runs) and peak RSS. Inputs are generated once under target/bench.
# Usage: scripts/bench/eval-throughput.sh [N] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
N="${1:-1000000}"; RUNS="${2:-3}"
OUT="$ROOT/target/bench/okta-$N"
[ -f "$OUT/okta-events.jsonl" ] || python3 "$ROOT/scripts/bench/gen_okta_bench.py" "$OUT" "$N" >&2
"$ROOT/detc" --version >/dev/null
JAR="$ROOT/cli/target/detc.jar"
walls=(); rss=()
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -o /tmp/detc-bench-time -f '%e %M' java -jar "$JAR" eval --events "$OUT/okta-events.jsonl" \
      "$OUT/rules" >/tmp/detc-bench-alerts 2>/tmp/detc-bench-err || true
  read -r w m < <(tail -1 /tmp/detc-bench-time)
  walls+=("$w"); rss+=("$m")
  echo "run $i: $w s, $(( m / 1024 )) MiB, $(wc -l < /tmp/detc-bench-alerts) alerts; $(tail -1 /tmp/detc-bench-err)" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
W=$(median "${walls[@]}")
echo "median of $RUNS: $W s wall for $N events = $(awk -v n="$N" -v w="$W" 'BEGIN {printf "%d", n / w}') events/s, peak RSS $(( $(median "${rss[@]}") / 1024 )) MiB"
