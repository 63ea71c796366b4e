#!/usr/bin/env bash
# Speed figures for docs/benchmarks.md (figures, not tests):
#   warm — the sample built in process by BenchmarkDotNet (tests/Publishing.Benchmarks): HTML, HTML + PDF;
#   cold — the published CLI (ReadyToRun) as a whole process, `publishing build content`, 10 runs.
# Usage: scripts/benchmark.sh [warm|cold|all]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ $what == warm || $what == all ]]; then
  dotnet run -c Release --project tests/Publishing.Benchmarks -- --filter '*' --job short --artifacts "$work/bdn"
fi

if [[ $what == cold || $what == all ]]; then
  dotnet publish pipeline/Publishing.Cli -c Release -o "$work/cli" >/dev/null
  "$work/cli/publishing" build content --out "$work/out" >/dev/null 2>&1   # fonts copied once, like any later build
  times=()
  for _ in $(seq 10); do
    start=$(date +%s%N)
    "$work/cli/publishing" build content --out "$work/out" >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "cold CLI, HTML + PDF of content/, 10 runs (ms, sorted): $sorted"
  echo "median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p) ms; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  ls -l "$work"/out/*/*.pdf | awk '{print "pdf size:", $5, "bytes"}'
fi
