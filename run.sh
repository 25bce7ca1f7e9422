#!/usr/bin/env bash
# The main job: the web application on http://localhost:5000 (or ASPNETCORE_URLS, or --urls …), SQLite under
# src/Jixiao.Web/data, the seed forms as demo data, the Production environment (Chinese error pages, no stack traces).
# The administrator is `admin`; set Jixiao__AdminPassword, or read the generated password printed on first start.
# PDF downloads need Chromium and CJK fonts, .doc uploads LibreOffice: installed here when missing, as test.sh does.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
scripts/install-pdf-deps.sh || echo "run.sh: Chromium could not be installed; PDF downloads will fail until it is" >&2
scripts/install-word-deps.sh || echo "run.sh: LibreOffice could not be installed; .doc uploads will fail until it is" >&2
# No launch profile: it would override ASPNETCORE_URLS and set the Development environment.
exec dotnet run --no-launch-profile --project src/Jixiao.Web -- "$@"
