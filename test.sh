#!/usr/bin/env bash
# Runs every test of the project. Whatever the tests need is installed or started here, not by hand.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The export tests print PDFs with Debian's Chromium and a CJK TrueType font, and read PDFs back with poppler.
scripts/install-pdf-deps.sh
# The .doc import tests convert with LibreOffice (decision 0021).
scripts/install-word-deps.sh

log=$(mktemp)
pg_dir=""
cleanup() { rm -f "$log"; [ -n "$pg_dir" ] && scripts/pg-test-cluster.sh stop "$pg_dir"; }
trap cleanup EXIT

# A throwaway PostgreSQL server for the storage tests (every storage test runs on SQLite and PostgreSQL).
pg=$(scripts/pg-test-cluster.sh start)
pg_dir=$(echo "$pg" | sed -n 1p)
export JIXIAO_TEST_PG=$(echo "$pg" | sed -n 2p)
echo "PostgreSQL for tests: $JIXIAO_TEST_PG"
status=0
dotnet test Jixiao.slnx --nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: the totals over all test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
