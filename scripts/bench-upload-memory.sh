#!/usr/bin/env bash
# The web server's memory while it reads an uploaded xlsx that inflates to about 45 MB (a small file: a form in its
# first rows, then empty styled cells down to row 20,000), beside a normal upload (a seed form exported to xlsx), each
# POSTed to /api/imports (preview) on a fresh server, RUNS times. Reports the medians of the idle RSS (after start and
# login) and of the peak RSS during the upload (VmHWM, reset just before the upload; also sampled every 50 ms).
#   scripts/bench-upload-memory.sh [baseline-ref] > result.md
# With a baseline ref (a commit, e.g. the one before the streaming reader), that tree is built too (from git archive,
# in a scratch folder) and measured in the same run, before the working tree's build.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
baseline=${1:-}
runs=${RUNS:-5}
port=${PORT:-5393}
work=$(mktemp -d /tmp/jixiao-bench-upload.XXXXXX)
password="bench-$(date +%s)-password"
web_pid=""; sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release)…" >&2
dotnet build -c Release -v q --nologo src/Jixiao.Web >/dev/null
dotnet build -c Release -v q --nologo src/Jixiao.Cli >/dev/null
builds=()
if [ -n "$baseline" ]; then
  mkdir -p "$work/baseline"
  git archive "$baseline" | tar -x -C "$work/baseline"
  dotnet build -c Release -v q --nologo "$work/baseline/src/Jixiao.Web" >/dev/null
  builds+=("baseline $(git rev-parse --short "$baseline")|$work/baseline/src/Jixiao.Web/bin/Release/net10.0/Jixiao.Web.dll")
fi
builds+=("working tree $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo +changes)|src/Jixiao.Web/bin/Release/net10.0/Jixiao.Web.dll")

# The inflating file: written by zipfile at level 9, part by part, the sheet streamed into its entry.
python3 - "$work/bomb.xlsx" <<'PY'
import sys, zipfile
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
form = [
    ["财政项目支出绩效目标申报表"], ["（2025年度）"],
    ["项目名称", "社区食堂补贴", "项目性质", "其他经常性项目", "项目类别", "特定目标类"],
    ["主管部门", "某街道办事处", None, "实施单位", "某社区事务受理服务中心"],
    ["计划开始日期", "2025-01-01", None, "计划完成日期", "2025-12-31"],
    ["项目资金（元）", "项目资金总额", "300000", "年度资金申请总额", None, "300000"],
    [None, "其中：财政资金", "300000", "其中：当年财政拨款", None, "300000"],
    ["项目绩效目标", "项目总目标", None, "年度总体目标"], [None, None, None, "为辖区老年人提供助餐服务。"],
    ["一级指标", "二级指标", "三级指标", None, "年度(/项目)指标值"],
    ["产出指标", "数量指标", "助餐服务人次", None, "≥20000(人次)"],
    ["满意度指标", "服务对象满意度指标", "老年人满意度", None, "≥90(%)"],
]
def col(c):
    s = ""
    c += 1
    while c > 0:
        s = chr(ord("A") + (c - 1) % 26) + s
        c = (c - 1) // 26
    return s
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", decl + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", decl + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/_rels/workbook.xml.rels", decl + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/workbook.xml", decl + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>')
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write((decl + f'<worksheet xmlns="{main}"><sheetData>').encode())
        empty = b'<c s="0" t="n"><v></v></c>'
        for r in range(1, 20001):
            out = [f'<row r="{r}">'.encode()]
            texts = form[r - 1] if r <= len(form) else []
            for c, t in enumerate(texts):
                if t is None:
                    out.append(empty)
                elif t.isdigit():
                    out.append(f'<c r="{col(c)}{r}"><v>{t}</v></c>'.encode())
                else:
                    out.append(f'<c r="{col(c)}{r}" t="inlineStr"><is><t>{t}</t></is></c>'.encode())
            out.append(empty * (90 - len(texts)))
            out.append(b"</row>")
            f.write(b"".join(out))
        f.write(b"</sheetData></worksheet>")
with zipfile.ZipFile(sys.argv[1]) as z:
    inflated = sum(i.file_size for i in z.infolist())
print(f"bomb.xlsx: inflates to {inflated / 1048576:.1f} MB", file=sys.stderr)
PY
# The reference: a normal upload, the largest of the seed forms exported to xlsx.
dotnet src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll export samples/seeds --to xlsx --out "$work/seeds" >/dev/null 2>&1
cp "$(ls -S "$work"/seeds/*.xlsx | head -1)" "$work/reference.xlsx"

kb() { awk -v k="$2" '$1==k":"{print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

run_once() { # dll file → "idle peak sampled seconds forms"
  local dll=$1 file=$2 data jar
  data=$(mktemp -d "$work/data.XXXXXX"); jar="$data/cookies"
  Jixiao__DataDirectory="$data" Jixiao__AdminPassword="$password" \
    dotnet "$dll" --urls "http://127.0.0.1:$port" >"$data/web.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  curl -sf -c "$jar" -H 'Content-Type: application/json' -H 'X-Requested-With: jixiao' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/login" >/dev/null
  sleep 2
  local idle; idle=$(kb "$web_pid" VmRSS)
  echo 5 > "/proc/$web_pid/clear_refs"  # VmHWM from here on is the upload's peak
  ( while kill -0 "$web_pid" 2>/dev/null; do kb "$web_pid" VmRSS; sleep 0.05; done ) >"$data/samples" 2>/dev/null &
  sampler_pid=$!
  local out seconds
  out=$(curl -s -b "$jar" -H 'X-Requested-With: jixiao' -F "files=@$file" -w '\n%{time_total}' "http://127.0.0.1:$port/api/imports")
  seconds=$(echo "$out" | tail -1)
  local peak; peak=$(kb "$web_pid" VmHWM)
  kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
  local sampled; sampled=$(sort -n "$data/samples" | tail -1)
  local forms; forms=$(echo "$out" | head -n -1 | python3 -c 'import json,sys; print(sum(len(f.get("forms") or []) for f in json.load(sys.stdin)["files"]))' 2>/dev/null || echo "?")
  kill "$web_pid"; wait "$web_pid" 2>/dev/null || true; web_pid=""
  echo "$idle $peak ${sampled:-0} $seconds $forms"
}

echo "| build | upload | size | idle RSS | peak RSS (VmHWM) | peak RSS (sampled) | response | forms read |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for b in "${builds[@]}"; do
  name=${b%%|*}; dll=${b#*|}
  for upload in bomb reference; do
    file="$work/$upload.xlsx"
    : >"$work/results"
    for i in $(seq "$runs"); do
      echo "$name, $upload, run $i…" >&2
      run_once "$dll" "$file" >>"$work/results"
    done
    idle=$(awk '{print $1}' "$work/results" | median)
    peak=$(awk '{print $2}' "$work/results" | median)
    sampled=$(awk '{print $3}' "$work/results" | median)
    seconds=$(awk '{printf "%d\n", $4 * 1000}' "$work/results" | median)
    forms=$(awk '{print $5}' "$work/results" | sort | uniq | paste -sd/)
    printf '| %s | %s | %d KB | %d MB | %d MB | %d MB | %d ms | %s |\n' "$name" "$upload" "$(($(stat -c %s "$file") / 1024))" \
      "$((idle / 1024))" "$((peak / 1024))" "$((sampled / 1024))" "$seconds" "$forms"
  done
done
echo
echo "Medians of $runs runs, each on a fresh server; $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')."
