#!/usr/bin/env bash
# What reading legacy Word 97-2003 files (.doc) needs: LibreOffice's Writer without a GUI, which converts each .doc to
# .docx in a child process (decision 0021; about 85 MB to download, 260 MB installed). .docx is read without it.
# Installed only when missing, so a machine that has it goes on at once. Used by run.sh (uploads of .doc must work on
# a machine set up with it alone) and test.sh.
set -euo pipefail
if ! command -v soffice >/dev/null 2>&1; then
  echo "installing libreoffice-writer-nogui (.doc import)" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
fi
