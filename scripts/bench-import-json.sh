#!/usr/bin/env bash
# End-to-end `jixiao import DIR --json` over 13,000 seed-derived forms (scripts/seed-forms.sh), as a whole process,
# beside two references measured in the same run, in turn (A B C D A B C D …): the reader alone on both cores
# (bench --parse-only, forms thrown away, without dynamic PGO as the CLI) and `cat` of the same files. With a
# baseline ref, that tree's CLI is built (git archive into a scratch folder) and measured in the same rounds. Prints
# medians (min–max) of wall, user, sys and peak RSS from /usr/bin/time, and checks that every build wrote the same
# bytes (sha256sum).
#   scripts/bench-import-json.sh [baseline-ref]        # RUNS=5 rounds after one warm-up; FORMS_DIR to reuse inputs
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
baseline=${1:-}
runs=${RUNS:-5}
work=$(mktemp -d /tmp/jixiao-bench-json.XXXXXX)
trap 'rm -rf "$work"' EXIT
forms=${FORMS_DIR:-/tmp/jixiao-bench-json-forms}
[ -d "$forms" ] || scripts/seed-forms.sh "$forms" 1000

echo "building (Release)…" >&2
dotnet build -c Release -v q --nologo src/Jixiao.Cli >/dev/null
dotnet build -c Release -v q --nologo bench/Jixiao.Benchmarks >/dev/null
names=(); commands=()
if [ -n "$baseline" ]; then
  mkdir -p "$work/baseline"
  git archive "$baseline" | tar -x -C "$work/baseline"
  dotnet build -c Release -v q --nologo "$work/baseline/src/Jixiao.Cli" >/dev/null
  names+=("import --json, $(git rev-parse --short "$baseline")")
  commands+=("dotnet $work/baseline/src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll import $forms --json")
fi
names+=("import --json, $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)")
commands+=("dotnet src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll import $forms --json")
names+=("reference: reader alone, both cores")
# run as the CLI runs (its runtimeconfig turns dynamic PGO off)
commands+=("env DOTNET_TieredPGO=0 dotnet bench/Jixiao.Benchmarks/bin/Release/net10.0/Jixiao.Benchmarks.dll --parse-only $forms")
names+=("reference: cat of the files")
commands+=("sh -c 'find $forms -type f -print0 | sort -z | xargs -0 cat'")

for ((round = 0; round <= runs; round++)); do
  for i in "${!commands[@]}"; do
    # round 0 is the warm-up (page cache, JIT of nothing: each run is a new process)
    /usr/bin/time -f "$i $round %e %U %S %M" -a -o "$work/times" sh -c "${commands[$i]} > $work/out-$i 2>/dev/null" || true
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(find "$forms" -type f | wc -l) files"
python3 - "$work/times" "${names[@]}" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l[0].isdigit()]
names = sys.argv[2:]
print("| command | wall | user | sys | peak RSS | forms/s (13,000 ÷ wall) |")
print("|---|---:|---:|---:|---:|---:|")
for i, name in enumerate(names):
    r = [x for x in rows if int(x[0]) == i and int(x[1]) > 0]
    def col(k, f=float): v = [f(x[k]) for x in r]; return statistics.median(v), min(v), max(v)
    w, u, s, m = col(2), col(3), col(4), col(5)
    print(f"| {name} | {w[0]:.2f} s ({w[1]:.2f}–{w[2]:.2f}) | {u[0]:.2f} s | {s[0]:.2f} s | {m[0]/1024:.0f} MB | {13000 / w[0]:,.0f} |")
PY
sha256sum "$work"/out-0 ${baseline:+"$work"/out-1} | sed "s|$work/||"
