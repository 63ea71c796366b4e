#!/usr/bin/env bash
# Speed figures for docs/benchmarks.md (figures, not tests):
#   warm — the sample built in process by BenchmarkDotNet (tests/Publishing.Benchmarks): HTML, HTML + PDF;
#   cold — the published CLI (ReadyToRun) as a whole process, `publishing build content`, 10 runs.
#   county — a synthetic county of 100 departments (tests/Publishing.SyntheticCounty) and the sample 100 times:
#            full build, no-op rebuild, one edited document, peak memory (/usr/bin/time -v).
# Usage: scripts/benchmark.sh [warm|cold|county|all]
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

if [[ $what == county || $what == all ]]; then
  dotnet publish pipeline/Publishing.Cli -c Release -o "$work/cli" >/dev/null
  dotnet run -c Release --project tests/Publishing.SyntheticCounty -- "$work/county" 100 2021
  mkdir -p "$work/sample100"
  for i in $(seq -w 1 100); do cp -r content/chengde-xinfang-2021 "$work/sample100/sample-$i"; done
  measure() {   # label, then the command; prints wall seconds and peak memory
    local label=$1; shift
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
    echo "$label: $(grep -E 'Elapsed \(wall' "$work/time.txt" | awk '{print $NF}') wall, peak $(( $(grep -E 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 )) MiB"
  }
  for set in county sample100; do
    out="$work/out-$set"
    measure "$set: full build, 100 documents, HTML + PDF" "$work/cli/publishing" build "$work/$set" --templates templates --out "$out"
    measure "$set: no-op rebuild" "$work/cli/publishing" build "$work/$set" --templates templates --out "$out"
    first=$(ls "$work/$set" | head -1)
    echo "补充一段。" >> "$work/$set/$first/sections/03-safeguards.md"
    measure "$set: one document edited" "$work/cli/publishing" build "$work/$set" --templates templates --out "$out"
  done
  echo "pages: $(cat "$work"/out-county/.publishing/documents/*.json | grep -E '"Pages"' | awk -F: '{s += $2} END {print s}') (county)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
fi
