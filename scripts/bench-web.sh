#!/usr/bin/env bash
# Web latency with N forms in the database (default 100,000, generated): the form page, GET /api/forms/{id}, the
# list (random pages, a filtered and sorted page, a search), the 工作台 and the dashboard
# at 32 concurrent connections with wrk on loopback, on SQLite and on PostgreSQL, beside GET /health (the server's
# floor, measured in the same run). Bounded: each wrk run lasts $DURATION seconds and stops by itself.
#   scripts/bench-web.sh [forms] > result.txt
#   DATABASES=postgresql ONLY='工作台' scripts/bench-web.sh   # one database, the targets whose label matches
#   PG_EXTRA=';Maximum Pool Size=8' scripts/bench-web.sh          # appended to the PostgreSQL connection string
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
pgconn="$(echo "$pg" | sed -n 2p)${PG_EXTRA:-}"

port=5391
password="bench-$(date +%s)-password"
lua=$(mktemp --suffix=.lua)

# A year in mid-course: the generated forms (all drafts) spread over the statuses, so each role's lists hold what
# they would (finance sees no drafts, 主管部门 their units' submissions); statistics refreshed as autovacuum or a
# DBA would after a bulk load.
spread_statuses() { # name connection
  local sql="UPDATE forms SET status = CASE id % 10 WHEN 0 THEN 'returned' WHEN 1 THEN 'submitted' WHEN 2 THEN 'submitted'
    WHEN 3 THEN 'department-approved' WHEN 4 THEN 'approved' WHEN 5 THEN 'published' WHEN 6 THEN 'published' ELSE 'draft' END;"
  if [ "$1" = sqlite ]; then
    command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3; } >&2
    sqlite3 "$2" "$sql"
  else
    local port; port=$(echo "$2" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')
    psql -q -h 127.0.0.1 -p "$port" -U app -d postgres -c "$sql" -c "VACUUM ANALYZE forms" >/dev/null
  fi
}

login() { # username password → the session cookie
  curl -s -c - -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    "http://127.0.0.1:$port/api/login" | awk '$6=="jixiao"{print $7}'
}

run_one() { # name connection
  local name=$1 conn=$2
  echo "== $name: importing $forms forms" >&2
  $cli import "$work/forms-$forms" --db "$conn" --json 2>/dev/null | tr -d '\n' | head -c 300 >&2; echo >&2
  spread_statuses "$name" "$conn"
  Jixiao__Database="$conn" Jixiao__DataDirectory="$work/data-$name" Jixiao__AdminPassword="$password" Jixiao__LoadDemoData=false \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet src/Jixiao.Web/bin/Release/net10.0/Jixiao.Web.dll --urls "http://127.0.0.1:$port" >"$work/web-$name.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  local admin; admin=$(login admin "$password")
  # An account per role, on the first 财政局, 主管部门 and unit the import created, and the year's windows closed
  # (申报 and 自评 are both past, so drafts and returned forms are overdue).
  for u in "bench-finance finance-reviewer 1" "bench-department department-reviewer 2" "bench-unit unit 3"; do
    set -- $u
    curl -s -o /dev/null -b "jixiao=$admin" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$password\",\"role\":\"$2\",\"organisationId\":$3}" "http://127.0.0.1:$port/api/users"
  done
  year=$(curl -s -b "jixiao=$admin" "http://127.0.0.1:$port/api/forms?limit=1" | grep -o '"year":[0-9]*' | head -1 | cut -d: -f2)
  for stage in "declaration $year-01-05 $year-03-31" "self-evaluation $((year + 1))-01-05 $((year + 1))-04-30"; do
    set -- $stage
    curl -s -o /dev/null -X PUT -b "jixiao=$admin" -H 'Content-Type: application/json' \
      -d "{\"year\":$year,\"stage\":\"$1\",\"opensOn\":\"$2\",\"closesOn\":\"$3\"}" "http://127.0.0.1:$port/api/windows"
  done
  # A password the administrator set must be changed first (else every page sends the person to /account).
  local finance department unit who first
  for who in finance department unit; do
    first=$(login "bench-$who" "$password")
    curl -s -o /dev/null -b "jixiao=$first" -H 'Content-Type: application/json' -H 'X-Requested-With: bench' \
      -d "{\"current\":\"$password\",\"new\":\"$password-own\"}" "http://127.0.0.1:$port/api/account/password"
    printf -v "$who" '%s' "$(login "bench-$who" "$password-own")"
  done
  cat >"$lua" <<'LUA'
math.randomseed(42)
wrk.headers["Cookie"] = "jixiao=" .. os.getenv("JX_COOKIE")
local path, max = os.getenv("JX_PATH"), tonumber(os.getenv("JX_MAX"))
request = function()
  return wrk.format("GET", string.format(path, math.random(1, max)))
end
LUA
  local visible=$(( forms * 7 / 10 )) # finance's list: every form but the drafts
  # who, path (with %d for the random number), the largest random number (form ids, pages, or 1 for a fixed path), label
  while read -r who target max label; do
    [ -z "$who" ] && continue
    [ -n "${ONLY:-}" ] && ! grep -q -- "${ONLY}" <<<"$label" && continue
    local cookie=${!who}
    # A page that answers anything but 200 (a redirect to the login, a refusal) would look fast: say so instead.
    local code; code=$(curl -s -o /dev/null -w '%{http_code}' -b "jixiao=$cookie" "http://127.0.0.1:$port$(printf "$target" 1)")
    if [ "$code" != 200 ]; then printf '| %s | %s | %s | | | | answers %s |\n' "$name" "$who" "$label" "$code"; continue; fi
    JX_COOKIE="$cookie" JX_PATH="$target" JX_MAX="$max" wrk -t2 -c32 -d"${duration}s" --latency -s "$lua" "http://127.0.0.1:$port" >"$work/wrk-$name.txt" 2>&1
    sleep 3 # requests still queued in the server when wrk stopped (a slow target's) finish before the next target
    rps=$(awk '/Requests\/sec/{print $2}' "$work/wrk-$name.txt")
    p50=$(awk '/^ +50%/{print $2}' "$work/wrk-$name.txt")
    p99=$(awk '/^ +99%/{print $2}' "$work/wrk-$name.txt")
    errors=$(awk '/Non-2xx|Socket errors/{printf "%s ", $0}' "$work/wrk-$name.txt")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$who" "$label" "$rps" "$p50" "$p99" "${errors:-none}"
  done <<TARGETS
admin /health?%d $forms /health
admin /api/forms/%d $forms /api/forms/{id}
admin /forms/%d $forms /forms/{id}
finance /forms?page=%d $(( visible / 50 )) /forms?page={random}
finance /api/forms?limit=50&offset=%d0 $(( visible / 10 )) /api/forms?limit=50&offset={random}
finance /forms?year=$year&status=submitted&page=%d 20 /forms?year&status=submitted&page={1–20}
finance /forms?year=$year&errors=true&sort=score&page=%d 20 /forms?year&errors=true&sort=score&page={1–20}
finance /forms?q=%d 9999 /forms?q={random number}
department /forms?status=submitted&page=%d 5 /forms?status=submitted&page={1–5}
unit /?%d 1 / (工作台)
department /?%d 1 / (工作台)
finance /?%d 1 / (工作台)
finance /dashboard?year=$year&r=%d 1 /dashboard?year
department /dashboard?year=$year&r=%d 1 /dashboard?year
TARGETS
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""
}

echo "| database | as | path | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---:|---:|---:|---|"
rm -f "$work/bench.db"*
for database in ${DATABASES:-sqlite postgresql}; do
  case $database in
    sqlite) run_one sqlite "$work/bench.db" ;;
    postgresql) run_one postgresql "$pgconn" ;;
  esac
done
