#!/usr/bin/env bash
# Web latency with N forms in the database (default 100,000, generated): the form page and GET /api/forms/{id}
# at 32 concurrent connections with wrk on loopback, on SQLite and on PostgreSQL, beside GET /health (the server's
# floor, measured in the same run). Bounded: each wrk run lasts $DURATION seconds and stops by itself.
#   scripts/bench-web.sh [forms] > result.txt
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
forms=${1:-100000}
duration=${DURATION:-20}
work=${JIXIAO_BENCH_WORK:-/tmp/jixiao-bench-web}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

dotnet build -c Release -v q --nologo src/Jixiao.Cli >/dev/null
dotnet build -c Release -v q --nologo src/Jixiao.Web >/dev/null
cli="dotnet src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll"

mkdir -p "$work"
if [ ! -f "$work/forms-$forms/ground-truth.json" ]; then
  rm -rf "$work/forms-$forms"
  $cli generate --forms "$forms" --seed 7 --out "$work/forms-$forms" >/dev/null
fi

pg_dir=""; web_pid=""
cleanup() { [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true; [ -n "$pg_dir" ] && scripts/pg-test-cluster.sh stop "$pg_dir"; }
trap cleanup EXIT
pg=$(scripts/pg-test-cluster.sh start)
pg_dir=$(echo "$pg" | sed -n 1p)
pgconn=$(echo "$pg" | sed -n 2p)

port=5391
password="bench-$(date +%s)-password"
lua=$(mktemp --suffix=.lua)

run_one() { # name connection
  local name=$1 conn=$2
  echo "== $name: importing $forms forms" >&2
  $cli import "$work/forms-$forms" --db "$conn" --json 2>/dev/null | tr -d '\n' | head -c 300 >&2; echo >&2
  Jixiao__Database="$conn" Jixiao__DataDirectory="$work/data-$name" Jixiao__AdminPassword="$password" Jixiao__LoadDemoData=false \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet src/Jixiao.Web/bin/Release/net10.0/Jixiao.Web.dll --urls "http://127.0.0.1:$port" >"$work/web-$name.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  cookie=$(curl -s -c - -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/login" | awk '$6=="jixiao"{print $7}')
  max=$(curl -s -b "jixiao=$cookie" "http://127.0.0.1:$port/api/forms?limit=1&offset=0" >/dev/null; echo "$forms")
  cat >"$lua" <<LUA
math.randomseed(42)
wrk.headers["Cookie"] = "jixiao=$cookie"
request = function()
  return wrk.format("GET", string.format(os.getenv("JX_PATH"), math.random(1, $max)))
end
LUA
  for target in "/health?%d" "/api/forms/%d" "/forms/%d"; do
    JX_PATH="$target" wrk -t2 -c32 -d"${duration}s" --latency -s "$lua" "http://127.0.0.1:$port" >"$work/wrk-$name.txt" 2>&1
    rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk-$name.txt")
    p50=$(awk '/^ +50%/{print $2}' "$work/wrk-$name.txt")
    p99=$(awk '/^ +99%/{print $2}' "$work/wrk-$name.txt")
    errors=$(awk '/Non-2xx|Socket errors/{printf "%s ", $0}' "$work/wrk-$name.txt")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "${target%\%d}{id}" "$rps" "$p50" "$p99" "${errors:-none}"
  done
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""
}

echo "| database | path | requests/s | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---|"
rm -f "$work/bench.db"*
run_one sqlite "$work/bench.db"
run_one postgresql "$pgconn"
