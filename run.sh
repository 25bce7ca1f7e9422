#!/usr/bin/env bash
# The main job: the web application on http://localhost:5000, SQLite under ./data, the seed forms as demo data.
# The administrator is `admin`; set Jixiao__AdminPassword, or read the generated password printed on first start.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Jixiao.Web -- "$@"
