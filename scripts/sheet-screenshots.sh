#!/usr/bin/env bash
# The 嘉兴 sample projected by the command line (the README's quick start), as LibreOffice draws and prints it:
#   assets/screenshots/targets-sheet.png  the top left of the 达标 sheet, 1900 × 900, zoomed to $TARGETS_ZOOM %
#                                          (default 55): a copy whose 达标 prints at that scale on A2, converted
#                                          to PDF by LibreOffice, its first page drawn at 96 dpi and cropped by pdftoppm
#   assets/screenshots/print-page.png     one printed A4 landscape page of the handout as it is: the first page
#                                          of $PRINT_SHEET (default 达标) of the workbook written with
#                                          --lang $PRINT_LANG (default zh, the print variant) in LibreOffice's
#                                          PDF, at 110 dpi
# Needs soffice, python3, pdftotext and pdftoppm (poppler-utils) on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
sheet="${PRINT_SHEET:-达标}"
lang="${PRINT_LANG:-zh}"
zoom="${TARGETS_ZOOM:-55}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
project() {
  node bin/parkplan.js simulate assets/samples/jiaxing-2017.xlsx --scenario assets/samples/jiaxing-2017.scenario.json \
    --lang "$1" --out "$2" >/dev/null 2>"$out/simulate.log" || { cat "$out/simulate.log"; exit 1; }
}
project both "$out/projected.xlsx"
mkdir -p "$out/print"
project "$lang" "$out/print/projected.xlsx"
lo() { soffice "-env:UserInstallation=file://$out/profile" --headless --convert-to pdf --outdir "$(dirname "$1")" "$1" >/dev/null 2>&1; }
# The first page of a PDF whose header ends with the sheet's name (the header's right part is &A).
first_page() {
  pdftotext -raw -enc UTF-8 "$1" "$1.txt"
  awk -v s=" $2" 'BEGIN { RS = "\f" } !found { split($0, l, "\n"); if (substr(l[1], length(l[1]) - length(s) + 1) == s) { print NR; found = 1 } }' "$1.txt"
}

# One printed page, as the workbook prints.
lo "$out/print/projected.xlsx"
page=$(first_page "$out/print/projected.pdf" "$sheet")
pdftoppm -png -r 110 -f "$page" -l "$page" -singlefile "$out/print/projected.pdf" "$PWD/assets/screenshots/print-page"
echo "written: assets/screenshots/print-page.png (page $page of $(pdfinfo "$out/print/projected.pdf" | awk '/^Pages:/ { print $2 }'), $sheet, --lang $lang)"

# 达标 as on screen: the same workbook with 达标 printing at $zoom % (no fit to width) on A2 landscape, drawn at 96 dpi.
mkdir -p "$out/screen"
python3 - "$out/projected.xlsx" "$out/screen/projected.xlsx" "$zoom" <<'PY'
import re, sys, zipfile
src, dst, zoom = sys.argv[1], sys.argv[2], int(sys.argv[3])
with zipfile.ZipFile(src) as z:
    parts = {n: z.read(n) for n in z.namelist()}
wb = parts["xl/workbook.xml"].decode()
rel = re.search(r'<sheet [^>]*name="达标"[^>]*r:id="([^"]+)"', wb).group(1)
rels = parts["xl/_rels/workbook.xml.rels"].decode()
target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % rel, rels) or re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % rel, rels)
part = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
xml = parts[part].decode()
xml = xml.replace('<pageSetUpPr fitToPage="1"/>', "")
xml = re.sub(r'<pageSetup [^>]*/>', '<pageSetup paperSize="66" orientation="landscape" scale="%d"/>' % zoom, xml)
parts[part] = xml.encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(n, b)
PY
lo "$out/screen/projected.xlsx"
page=$(first_page "$out/screen/projected.pdf" 达标)
pdftoppm -png -r 96 -f "$page" -l "$page" -x 0 -y 44 -W 1900 -H 900 -singlefile "$out/screen/projected.pdf" \
  "$PWD/assets/screenshots/targets-sheet"
echo "written: assets/screenshots/targets-sheet.png (达标 at ${zoom} %)"
