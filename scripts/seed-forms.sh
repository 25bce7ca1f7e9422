#!/usr/bin/env bash
# The inputs of the end-to-end import measurement (docs/benchmarks.md, "End-to-end import --json"): COPIES copies of
# each seed file (samples/seeds: 4 files, 13 forms), COPIES × 13 forms in COPIES × 4 files, spread over folders of
# 500 files, named so that the CLI's ordinal sort reads them in a fixed order.
#   scripts/seed-forms.sh DIR [COPIES]        # default 1000 copies: 13,000 forms, 4,000 files, 37 MB
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/seed-forms.sh DIR [COPIES]}
copies=${2:-1000}
rm -rf "$out"
mkdir -p "$out"
n=0
for ((i = 0; i < copies; i++)); do
  dir=$(printf '%s/%03d' "$out" $((i / 125)))
  mkdir -p "$dir"
  for seed in samples/seeds/*.txt; do
    cp "$seed" "$(printf '%s/%05d_%s' "$dir" "$i" "$(basename "$seed")")"
    n=$((n + 1))
  done
done
echo "$n files ($(du -sh "$out" | cut -f1)) in $out" >&2
