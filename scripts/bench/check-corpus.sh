#!/usr/bin/env bash
# Whole-process benchmark of `detc check` over the SigmaHQ corpus: wall time and peak RSS, median of N runs.
# Usage: scripts/bench/check-corpus.sh [CORPUS_DIR] [RUNS]   (defaults: ../shared/corpus/sigma, 5)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${1:-$ROOT/../shared/corpus/sigma}"
RUNS="${2:-5}"
"$ROOT/detc" --version >/dev/null   # builds the jar once, outside the measurement
JAR="$ROOT/cli/target/detc.jar"
walls=(); rss=()
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -o /tmp/detc-bench-time -f '%e %M' java -jar "$JAR" check --quiet "$CORPUS" >/dev/null 2>&1 || true
  out=$(tail -1 /tmp/detc-bench-time)
  walls+=("$(echo "$out" | cut -d' ' -f1)"); rss+=("$(echo "$out" | cut -d' ' -f2)")
  echo "run $i: wall ${walls[-1]} s, peak RSS $(( ${rss[-1]} / 1024 )) MiB" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
java -jar "$JAR" check --quiet "$CORPUS" 2>/dev/null | tail -1 || true
echo "median of $RUNS: wall $(median "${walls[@]}") s, peak RSS $(( $(median "${rss[@]}") / 1024 )) MiB"
