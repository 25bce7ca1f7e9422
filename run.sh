#!/usr/bin/env bash
# The main job. For now: import the seed forms and print them (the web application takes this place later).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project src/Jixiao.Cli -- import samples/seeds "$@"
