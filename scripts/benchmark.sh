#!/usr/bin/env bash
# Speed figures for docs/benchmarks.md (figures, not tests):
#   warm — the sample built in process by BenchmarkDotNet (tests/Publishing.Benchmarks): HTML, HTML + PDF;
#   cold — the command ./build.sh publishes (bin/publishing/publishing, Native AOT) as a whole process,
#          `publishing build content`, 10 runs; every part below measures that same command.
#   county — a synthetic county of 100 departments (tests/Publishing.SyntheticCounty) and the sample 100 times:
#            full build, no-op rebuild, one edited document, peak memory (/usr/bin/time -v).
#   compare — side by side in the same run, whole processes: ours (HTML + PDF), Typst 0.14 (the sample written
#            in Typst, tests/Publishing.Benchmarks/typst/, PDF only) and Chromium printing our own HTML; the seed,
#            the sample 100 times (ours: 100 documents; Typst: one document of 100 copies) and the synthetic county
#            (ours: its 100 documents; Typst: the same content as one document, written by typst/county.mjs), with ratios.
#            Needs scripts/install-bench-tools.sh (run here when the Typst compiler is missing).
#   scale — memory with the number of documents (issue 19): synthetic counties of SCALE_SIZES departments (default
#           "100 1000 5000"), each a full build (HTML + PDF + site, 2 jobs) under /usr/bin/time -v: wall, CPU, peak
#           resident memory, pages. The goal: the peak does not grow with the number (<= 400 MiB at 1,000 and 5,000).
#   live — the live preview: `publishing serve` (the published CLI) on a copy of the sample, headless Chromium
#          on the page, a section saved N times (default 20) as editors' editors do (temporary file + rename):
#          each save → edited text visible in the page, the median, spread and the first save after start.
#          LIVE_RUNS=N sets the number of saves.
# Usage: scripts/benchmark.sh [warm|cold|county|scale|compare|live|all]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what=${1:-all}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ $what == warm || $what == all ]]; then
  dotnet run -c Release --project tests/Publishing.Benchmarks -- --filter '*' --job short --artifacts "$work/bdn"
fi

if [[ $what == cold || $what == all ]]; then
  { ./build.sh --target=Product >/dev/null && rm -rf "$work/cli" && cp -r bin/publishing "$work/cli"; }
  "$work/cli/publishing" build content --out "$work/out" >/dev/null 2>&1   # fonts copied once, like any later build
  times=()
  for _ in $(seq 10); do
    start=$(date +%s%N)
    "$work/cli/publishing" build content --out "$work/out" --rebuild >/dev/null 2>&1   # not the cache's no-op
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "cold CLI, HTML + PDF of content/, 10 runs (ms, sorted): $sorted"
  echo "median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p) ms; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  ls -l "$work"/out/*/*.pdf | awk '{print "pdf size:", $5, "bytes"}'
fi

if [[ $what == scale ]]; then
  { ./build.sh --target=Product >/dev/null && rm -rf "$work/cli" && cp -r bin/publishing "$work/cli"; }
  sizes=${SCALE_SIZES:-100 1000 5000}
  largest=$(printf '%s\n' $sizes | sort -n | tail -1)
  # One county of the largest size; the smaller ones are its first departments (the same documents), linked.
  dotnet run -c Release --project tests/Publishing.SyntheticCounty -- "$work/all" "$largest" 2021 >/dev/null
  mapfile -t departments < <(ls "$work/all" | sort)
  echo "documents | wall | CPU (user + sys) | peak resident | pages | load average before"
  for n in $sizes; do
    mkdir -p "$work/county-$n"
    for d in "${departments[@]:0:n}"; do ln -s "$work/all/$d" "$work/county-$n/$d"; done
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    /usr/bin/time -v "$work/cli/publishing" build "$work/county-$n" --templates templates --out "$work/out-$n" >/dev/null 2>"$work/time.txt" || true
    wall=$(grep -E 'Elapsed \(wall' "$work/time.txt" | awk '{print $NF}')
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f s", s}' "$work/time.txt")
    peak=$(( $(grep -E 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))
    pages=$(cat "$work"/out-$n/.publishing/documents/*.json | grep -E '"Pages"' | awk -F: '{s += $2} END {print s}')
    echo "$n | $wall | $cpu | $peak MiB | $pages | $load"
    rm -rf "$work/out-$n"
  done
fi

if [[ $what == county || $what == all ]]; then
  { ./build.sh --target=Product >/dev/null && rm -rf "$work/cli" && cp -r bin/publishing "$work/cli"; }
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

if [[ $what == live || $what == all ]]; then
  dotnet publish pipeline/Publishing.Cli -c Release -o "$work/cli" >/dev/null
  dotnet build tests/Publishing.Benchmarks -c Release -o "$work/bench" >/dev/null
  dotnet "$work/bench/Publishing.Benchmarks.dll" live "$work/cli/publishing" templates content/chengde-xinfang-2021 "${LIVE_RUNS:-20}"
fi

if [[ $what == compare || $what == all ]]; then
  [[ -d bench-tools/node_modules/@myriaddreamin/typst-ts-node-compiler ]] || scripts/install-bench-tools.sh
  [[ -x "$work/cli/publishing" ]] || { ./build.sh --target=Product >/dev/null && rm -rf "$work/cli" && cp -r bin/publishing "$work/cli"; }
  typst=tests/Publishing.Benchmarks/typst/compile.mjs
  chrome() { chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null 2>&1; }
  wall_ms() {   # the command's whole-process wall time in ms
    local start=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - start) / 1000000 ))
  }
  median_ms() {   # runs, then the command: the median of the runs, interleaving nothing else
    local runs=$1; shift; local all=()
    for _ in $(seq "$runs"); do all+=($(wall_ms "$@")); done
    printf '%s\n' "${all[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
  }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"

  # The seed: cold whole processes, median of 5 (Chromium 3); ours rebuilds (--rebuild), HTML + PDF.
  mkdir -p "$work/seed" && cp -r content/chengde-xinfang-2021 "$work/seed/"
  "$work/cli/publishing" build "$work/seed" --templates templates --out "$work/seed-out" >/dev/null 2>&1
  ours=$(median_ms 5 "$work/cli/publishing" build "$work/seed" --templates templates --out "$work/seed-out" --rebuild)
  typ=$(median_ms 5 node "$typst" "$work/seed-typst.pdf")
  chr=$(median_ms 3 chrome "$work/seed-out/chengde-xinfang-2021/index.html" "$work/seed-chromium.pdf")
  pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }   # poppler complains of Typst's /Suspects
  echo "seed, whole process, cold (median ms): ours HTML+PDF $ours; Typst PDF $typ ($(pages "$work/seed-typst.pdf") pages); Chromium printing our HTML $chr ($(pages "$work/seed-chromium.pdf") pages)"
  echo "seed ratios: ours/Typst $(ratio "$ours" "$typ"); ours/Chromium $(ratio "$ours" "$chr")"

  # 100 documents: ours builds 100 folders in parallel (--jobs = cores); Typst compiles the 100 copies as one
  # document; median of 3 each (ours --rebuild: every document built each time, the first into an empty folder).
  # Chromium prints our 100 HTML pages, as many at once as there are cores, once.
  mkdir -p "$work/hundred"
  for i in $(seq -w 1 100); do cp -r content/chengde-xinfang-2021 "$work/hundred/sample-$i"; done
  ours100=$(median_ms 3 "$work/cli/publishing" build "$work/hundred" --templates templates --out "$work/hundred-out" --rebuild)
  noop100=$(median_ms 3 "$work/cli/publishing" build "$work/hundred" --templates templates --out "$work/hundred-out")
  typ100=$(median_ms 3 node "$typst" "$work/hundred-typst.pdf" 100)
  export -f chrome
  # BENCH_CHROMIUM_DOCS=n prints only the first n of the 100 pages and scales the time to 100 (said in the output).
  printed=${BENCH_CHROMIUM_DOCS:-100}
  chr100=$(wall_ms bash -c "ls '$work/hundred-out' | grep '^sample-' | head -n $printed | xargs -P $(nproc) -I{} bash -c 'chrome \"$work/hundred-out/{}/index.html\" \"$work/chromium-{}.pdf\"'")
  chr100=$(( chr100 * 100 / printed ))
  county="$work/county"
  [[ -d "$county" ]] || dotnet run -c Release --project tests/Publishing.SyntheticCounty -- "$county" 100 2021 >/dev/null
  node tests/Publishing.Benchmarks/typst/county.mjs "$county" "$work/county.typ" >/dev/null
  # The county: median of 3 each, like the sample x100; the first of ours under /usr/bin/time for its peak memory.
  /usr/bin/time -v "$work/cli/publishing" build "$county" --templates templates --out "$work/county-out" --rebuild >/dev/null 2>"$work/county-time.txt" || true
  oursCounty=$(median_ms 3 "$work/cli/publishing" build "$county" --templates templates --out "$work/county-out" --rebuild)
  typCounty=$(median_ms 3 node "$typst" "$work/county-typst.pdf" "$work/county.typ")
  countys=$(grep -E 'Elapsed \(wall' "$work/county-time.txt" | awk '{print $NF}')
  countypeak=$(( $(grep -E 'Maximum resident' "$work/county-time.txt" | awk '{print $NF}') / 1024 ))
  countynoop=$(median_ms 3 "$work/cli/publishing" build "$county" --templates templates --out "$work/county-out")
  echo "sample x100, full build (median of 3, ms): ours 100 documents HTML+PDF $ours100; Typst one document of 100 copies $typ100 ($(pages "$work/hundred-typst.pdf") pages); Chromium printing our 100 HTML pages $chr100 (measured on $printed, scaled to 100)"
  echo "sample x100 ratios: ours/Typst $(ratio "$ours100" "$typ100") (goal <= 0.70); ours/Chromium $(ratio "$ours100" "$chr100")"
  echo "no-op rebuild (median of 3, ms): sample x100 $noop100; synthetic county $countynoop (goal <= 500)"
  echo "synthetic county, full build (median of 3, ms): ours 100 documents HTML+PDF $oursCounty (the first: $countys wall, peak $countypeak MiB, goal <= 400 MiB); Typst the same content as one document $typCounty ($(pages "$work/county-typst.pdf") pages)"
  echo "synthetic county ratio: ours/Typst $(ratio "$oursCounty" "$typCounty") (goal <= 0.70)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
