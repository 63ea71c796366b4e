#!/usr/bin/env bash
# The comparison tools scripts/benchmark.sh measures us against (not needed to build or test):
#   Typst 0.14 as the npm package @myriaddreamin/typst-ts-node-compiler (a native Node addon), into bench-tools/
#   (ignored by git), and Debian's chromium for printing our own HTML to PDF (scripts/install-deps.sh has it too).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p bench-tools
[[ -f bench-tools/package.json ]] || echo '{ "private": true }' > bench-tools/package.json
npm install --prefix bench-tools --no-audit --no-fund --save-exact @myriaddreamin/typst-ts-node-compiler@0.7.0
if ! command -v chromium >/dev/null; then
  sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get install -y chromium
fi
