#!/usr/bin/env bash
# The product's benchmarks in one command: parse rate per layout, `jixiao import --db` into SQLite and PostgreSQL,
# `check --db` and the portfolio report, each beside a reference measured in the same run (docs/benchmarks.md).
#   scripts/bench-all.sh                      # 10,000 and 100,000 forms
#   scripts/bench-all.sh 10000,100000,1000000 # sizes to run
# Writes the results table to bench/results/ingest-DATE.md and prints it. Generated inputs are kept in
# $JIXIAO_BENCH_WORK (default /tmp/jixiao-bench) so that a second run does not generate them again.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
sizes=${1:-10000,100000}
work=${JIXIAO_BENCH_WORK:-/tmp/jixiao-bench}

dotnet build -c Release -v q --nologo src/Jixiao.Cli >/dev/null
dotnet build -c Release -v q --nologo bench/Jixiao.Benchmarks >/dev/null

pg_dir=""
cleanup() { [ -n "$pg_dir" ] && scripts/pg-test-cluster.sh stop "$pg_dir"; }
trap cleanup EXIT
pg=$(scripts/pg-test-cluster.sh start)
pg_dir=$(echo "$pg" | sed -n 1p)
conn=$(echo "$pg" | sed -n 2p)
echo "PostgreSQL: $conn (fsync off, as in tests: the figures are for the CPU path, not for disk durability)"

mkdir -p bench/results
dotnet bench/Jixiao.Benchmarks/bin/Release/net10.0/Jixiao.Benchmarks.dll --ingest \
  --cli src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll --pg "$conn" --sizes "$sizes" --work "$work" \
  --out "bench/results/ingest-$(date -u +%Y-%m-%d-%H%M).md"
