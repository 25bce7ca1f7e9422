#!/usr/bin/env bash
# Remakes the Word fixtures of this folder from the seed cases: each seed's forms exported in the official layout as
# HTML (jixiao export --to html, one file per form, in the seed's order), put into one document, then converted by
# LibreOffice's Writer to .docx (its Word 2007 filter) and that .docx to .doc (its Word 97 filter): Word files as an
# office program writes them, with real merged cells, made from forms whose expected model is written by hand.
# Needs LibreOffice (scripts/install-word-deps.sh). Run from anywhere: tests/data/word/make-fixtures.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dotnet build "$root/src/Jixiao.Cli" -v q -nologo >/dev/null
jixiao="$root/src/Jixiao.Cli/bin/Debug/net10.0/jixiao"
soffice=(soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile")
for seed in seed-000 seed-001 seed-003 seed-004; do
  mapfile -t files < <("$jixiao" export "$root/tests/data/cases/$seed/input.txt" --to html -o "$tmp/$seed" 2>&1 \
                       | sed -n 's/^已导出 [0-9]*\/[0-9]*：//p')
  {
    sed -n '1,/<body>/p' "${files[0]}"
    for f in "${files[@]}"; do sed -n '/<section/,/<\/section>/p' "$f"; done
    echo '</body></html>'
  } > "$tmp/$seed.html"
  "${soffice[@]}" --infilter="HTML (StarWriter)" --convert-to "docx:MS Word 2007 XML" --outdir "$here" "$tmp/$seed.html" >/dev/null
done
for seed in seed-000 seed-003; do
  "${soffice[@]}" --convert-to "doc:MS Word 97" --outdir "$here" "$here/$seed.docx" >/dev/null
done
ls -l "$here"
