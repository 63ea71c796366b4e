#!/usr/bin/env bash
# Installs what the tests and the look checks need beyond the .NET SDK: Chromium (browser tests of the
# HTML preview), poppler-utils (pdftoppm/pdffonts for looking at PDFs), and a CJK font for Chromium's
# fallback. Safe to run again; does nothing when all is present. Needs root (CI runs as root).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "install-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
