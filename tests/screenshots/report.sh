#!/bin/sh
# The HTML report of the bundled sample, rendered by headless Chromium.
#   tests/screenshots/report.sh [build-dir] [out.png]
# Writes <build-dir>/sample-report.html and the PNG (default
# docs/images/report.png). Needs Debian's chromium (apt-get install chromium).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
png=${2:-$here/docs/images/report.png}
html=$build/sample-report.html
cd "$here"
# Exit 1 is expected: the sample has error-severity findings.
"$build/scrqm" check --format html --output "$html" \
    --register tests/fixtures/register/sample-register.json \
    --allow-file addin/data/sample/sample-scr-report.allow.txt \
    addin/data/sample/sample-scr-report.docx || [ $? -eq 1 ]
mkdir -p "$(dirname "$png")"
# --no-sandbox: the sandbox refuses to run as root (CI containers).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size=1200,${HEIGHT:-2000} "file://$html" 2>/dev/null
echo "$html"
echo "$png"
