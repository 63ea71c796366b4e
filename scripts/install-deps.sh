#!/usr/bin/env bash
# Installs what the native `publishing` command and the tests need beyond the .NET SDK: clang and zlib1g-dev
# (Native AOT compiles the command with them; without clang ./build.sh publishes it ReadyToRun), Chromium (browser tests of the
# HTML preview), poppler-utils (pdftoppm/pdffonts for looking at PDFs), and a CJK font for Chromium's
# fallback, fonts-hanazono (the PDF's fallback font for CJK Extension B and beyond, see the theme's
# fallback_fonts), fontconfig (for Chromium), and the programs tests start: qpdf (the PDF's structural check), git
# (content repositories for --since), procps (kill, for signals to a running build), mount (a read-only tmpfs for the nightly lock test), liblcms2-utils (transicc:
# LittleCMS reads our sRGB profile), Node.js and the npm readers the tests run (tests/pdf-reader: pdf.js, a PDF's
# structure tree as Firefox reads it; tests/ofd-reader: ofd.js). Every program a test starts must be here:
# tests/Publishing.Tests/Product/TestProgramsTests.cs fails otherwise. Safe to run again; does nothing when all
# is present. Runs apt-get as root (CI runs as root), or through sudo when there is one.
set -euo pipefail
need=()
for package in clang zlib1g-dev chromium poppler-utils fonts-noto-cjk fonts-hanazono libfontconfig1 qpdf git procps mount liblcms2-utils nodejs; do
  dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
# npm comes with the machine image's Node.js 20 (its nodejs package provides it); Debian's own where it does not.
command -v npm >/dev/null 2>&1 || need+=(npm)
if ((${#need[@]})); then
  echo "install-deps: installing ${need[*]}"
  as_root=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root, or install: ${need[*]}" >&2; exit 1; }
    as_root=(sudo)
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The readers the tests run (pdf.js: docs/pdf-engine.md; ofd.js: docs/ofd.md), installed from their committed lock
# files (node_modules is not committed), again only when a lock changed.
for name in pdf-reader ofd-reader; do
  reader="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/$name"
  if ! cmp -s "$reader/package-lock.json" "$reader/node_modules/.installed-package-lock.json"; then
    echo "install-deps: installing tests/$name/node_modules"
    (cd "$reader" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    cp "$reader/package-lock.json" "$reader/node_modules/.installed-package-lock.json"
  fi
done
