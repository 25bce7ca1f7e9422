#!/usr/bin/env bash
# The product's benchmarks in one command: parse rate per layout, `jixiao import --db` into SQLite and PostgreSQL,
# `check --db` and the portfolio report, each beside a reference measured in the same run (docs/benchmarks.md).
#   scripts/bench-all.sh                      # 10,000 and 100,000 forms
#   scripts/bench-all.sh 10000,100000,1000000 # sizes to run
#   scripts/bench-all.sh --web [SIZES]        # then web latency too (scripts/bench-web.sh, 100,000 forms; --web=N for N)
# Writes the results table to bench/results/ingest-DATE.md (and web-DATE.md with --web) and prints it. Generated
# inputs are kept in $JIXIAO_BENCH_WORK (default /tmp/jixiao-bench) so that a second run does not generate them again.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
sizes=10000,100000
web_forms=""
for a in "$@"; do
  case "$a" in
    --web) web_forms=100000 ;;
    --web=*) web_forms=${a#--web=} ;;
    -*) echo "usage: $0 [--web|--web=N] [SIZES]" >&2; exit 2 ;;
    *) sizes=$a ;;
  esac
done
work=${JIXIAO_BENCH_WORK:-/tmp/jixiao-bench}
stamp=$(date -u +%Y-%m-%d-%H%M)

dotnet build -c Release -v q --nologo src/Jixiao.Cli >/dev/null
dotnet build -c Release -v q --nologo bench/Jixiao.Benchmarks >/dev/null

pg_dir=""
cleanup() { if [ -n "$pg_dir" ]; then scripts/pg-test-cluster.sh stop "$pg_dir"; fi; }
trap cleanup EXIT
pg=$(scripts/pg-test-cluster.sh start)
pg_dir=$(echo "$pg" | sed -n 1p)
conn=$(echo "$pg" | sed -n 2p)
echo "PostgreSQL: $conn (fsync off, as in tests: the figures are for the CPU path, not for disk durability)"

mkdir -p bench/results
dotnet bench/Jixiao.Benchmarks/bin/Release/net10.0/Jixiao.Benchmarks.dll --ingest \
  --cli src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll --pg "$conn" --sizes "$sizes" --work "$work" \
  --out "bench/results/ingest-$stamp.md"

# Web latency after the batch benchmarks, never during them: both would share the same 2 cores. bench-web.sh starts
# its own PostgreSQL and web server; ours is stopped first so that only one server competes with wrk.
if [ -n "$web_forms" ]; then
  cleanup; pg_dir=""
  echo "Web latency with $web_forms forms (scripts/bench-web.sh)…"
  { echo "运行：$(date -u '+%Y-%m-%d %H:%M') UTC，$web_forms 张表，负载 $(cut -d' ' -f1 /proc/loadavg)（开始时）"; echo
    scripts/bench-web.sh "$web_forms"; } | tee "bench/results/web-$stamp.md"
fi
