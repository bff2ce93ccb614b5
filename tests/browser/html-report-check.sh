#!/usr/bin/env bash
# Renders the HTML rule report in Debian's headless chromium, saves a screenshot to docs/images/html-report.png, and
# fails when the page logs a script error or when the highlighted cells (class "cell-flagged") are missing from the DOM.
#
# Input: ../shared/seeds when the text readers can read it (a run with at least one checked report), otherwise
# tests/data/examples. Override with: tests/browser/html-report-check.sh PATH...
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
    apt-get install -y chromium >/dev/null
    browser="$(command -v chromium)"
  else
    echo "chromium is not installed (apt-get install -y chromium)" >&2
    exit 2
  fi
fi

# Chinese labels need a CJK font for a readable screenshot (the report itself loads no font).
if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]] && [[ "$(id -u)" == "0" ]]; then
  apt-get install -y fonts-wqy-zenhei >/dev/null || echo "note: no CJK font; the screenshot will show boxes for Chinese text" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/GovStatsValidation.Cli -c Release -v quiet -nologo >/dev/null
govstats=(dotnet "src/GovStatsValidation.Cli/bin/Release/net10.0/govstats.dll")

if [[ $# -gt 0 ]]; then
  inputs=("$@")
else
  inputs=(tests/data/examples)
  if [[ -d ../shared/seeds ]]; then
    "${govstats[@]}" check ../shared/seeds --format json --fail-on never --out "$work/seeds.json" || true
    if [[ -f "$work/seeds.json" ]] && python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["summary"]["reports"] > 0 else 1)' "$work/seeds.json"; then
      inputs=(../shared/seeds)
    else
      echo "note: ../shared/seeds cannot be read by this build (no text reader yet); using tests/data/examples" >&2
    fi
  fi
fi

report="$work/report.html"
"${govstats[@]}" check "${inputs[@]}" --format html --fail-on never --out "$report"
echo "rendered ${inputs[*]} -> $(wc -c <"$report") bytes"

if grep -Eq '<(script|link|img|iframe)[^>]+(src|href)=' "$report"; then
  echo "FAIL: the report loads something from outside the file" >&2
  exit 1
fi

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --hide-scrollbars)

# 1. The DOM after scripts ran, with the console log on stderr.
"$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --enable-logging=stderr --v=0 \
  --virtual-time-budget=3000 --dump-dom "file://$report" >"$work/dom.html" 2>"$work/console.log" || true

if grep -E 'Uncaught|SyntaxError|ReferenceError|TypeError' "$work/console.log"; then
  echo "FAIL: the page logged script errors" >&2
  exit 1
fi

flagged=$(grep -o 'class="[^"]*cell-flagged[^"]*"' "$work/dom.html" | wc -l)
findings=$(grep -o 'class="finding sev-' "$work/dom.html" | wc -l)
echo "DOM: $flagged highlighted cells, $findings findings"
if [[ "$findings" -gt 0 && "$flagged" -eq 0 ]]; then
  echo "FAIL: findings are listed but no cell is highlighted" >&2
  exit 1
fi
if [[ "$findings" -eq 0 ]]; then
  echo "FAIL: the report shows no findings (expected some for the check inputs)" >&2
  exit 1
fi

# 2. The screenshot.
mkdir -p docs/images
"$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --window-size=1440,2200 \
  --screenshot="$work/shot.png" "file://$report" >/dev/null 2>&1 || true
if [[ ! -s "$work/shot.png" ]]; then
  echo "FAIL: no screenshot was written" >&2
  exit 1
fi
cp "$work/shot.png" docs/images/html-report.png
echo "screenshot: docs/images/html-report.png"
