#!/usr/bin/env bash
# assets/screenshots/xlsx-charts.png: the 嘉兴 sample projected by the command line, its 汇总 charts as
# LibreOffice renders them (its HTML export draws each chart object to a PNG), the first fan and the 亩均
# bars side by side, laid out by headless Chromium. Needs soffice and chromium on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node bin/parkplan.js simulate assets/samples/jiaxing-2017.xlsx --scenario assets/samples/jiaxing-2017.scenario.json --out "$out/projected.xlsx" >/dev/null
soffice "-env:UserInstallation=file://$out/profile" --headless --convert-to html --outdir "$out" "$out/projected.xlsx" >/dev/null
# In sheet order: the 亩均 chart first, then the fans.
mapfile -t charts < <(grep -o 'src="projected_html_[^"]*\.png"' "$out/projected.html" | sed 's/^src="//; s/"$//')
cat >"$out/shot.html" <<HTML
<html><body style="margin:0;background:#fff;display:flex;gap:12px;padding:8px">
<img src="${charts[1]}" width="560" height="300" style="border:1px solid #ccc">
<img src="${charts[0]}" width="560" height="300" style="border:1px solid #ccc">
</body></html>
HTML
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1154,318 \
  --screenshot="$PWD/assets/screenshots/xlsx-charts.png" "file://$out/shot.html" 2>/dev/null
echo "written: assets/screenshots/xlsx-charts.png"
