#!/usr/bin/env bash
# What PDF output and reading need: Debian's Chromium (printing), poppler (reading PDFs back) and the WenQuanYi
# CJK fonts (decision 0005). Installed only when missing, so a machine that has them goes on at once. Used by
# run.sh (the main job: PDF downloads must work on a machine set up with it alone) and test.sh.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdftocairo >/dev/null 2>&1 || need+=(poppler-utils)
for font in fonts-wqy-microhei fonts-wqy-zenhei; do
  dpkg -s "$font" >/dev/null 2>&1 || need+=("$font")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (PDF output)" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
