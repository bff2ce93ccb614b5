#!/usr/bin/env bash
# Renders the HTML rule report in Debian's headless chromium, saves a screenshot to docs/images/html-report.png (and one of
# the jurisdiction views to docs/images/html-report-jurisdictions.png), and fails when the page logs a script error, when the
# highlighted cells (class "cell-flagged") are missing from the DOM, or, over ../shared/seeds, when the 桐乡市 jurisdiction
# view (its government 003 and departments 000 and 004 side by side) is missing.
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

# The jurisdiction view: over the seeds, 桐乡市 has its government (003) and two departments (000, 004) side by side.
views=$(grep -o '<section class="jurisdiction"' "$work/dom.html" | wc -l)
echo "DOM: $views jurisdiction view(s)"
if [[ " ${inputs[*]} " == *" ../shared/seeds "* ]]; then
  python3 - "$work/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<section class="jurisdiction"[^>]*data-jurisdiction="桐乡市".*?</section>', dom, re.S)
if not m:
    sys.exit("FAIL: no jurisdiction view for 桐乡市")
section = m.group(0)
head = re.search(r'<thead>(.*?)</thead>', section, re.S)
columns = re.findall(r'<th class="report-col[^"]*" data-source="([^"]+)"', head.group(1) if head else "")
names = [c.rsplit("/", 1)[-1][:3] for c in columns]
if names != ["003", "000", "004"]:
    sys.exit(f"FAIL: the 桐乡市 view should show 003 (government), 000 and 004 side by side, not {names}")
if 'th class="report-col jurisdiction-wide"' not in section:
    sys.exit("FAIL: the 桐乡市 government report is not marked jurisdiction-wide")
rows = re.findall(r'<tr class="concept" data-row="([^"]+)"', section)
for needed in ["applications.received", "applications.handled", "reviews.total", "lawsuits.total"]:
    if needed not in rows:
        sys.exit(f"FAIL: the 桐乡市 view lacks the row {needed} (rows: {rows})")
if '<ol class="cross-findings">' not in section:
    sys.exit("FAIL: the 桐乡市 view lists no cross-report findings")
print(f"jurisdiction view 桐乡市: columns {names}, {len(rows)} rows")
PY
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

# 3. A screenshot of the jurisdiction views alone (the same file with the per-report sections hidden by one added style rule).
if [[ "$views" -gt 0 ]]; then
  sed 's|</head>|<style>#summary, section.report { display: none; }</style></head>|' "$report" >"$work/jurisdictions.html"
  "$browser" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$work")" --window-size=1440,1500 \
    --screenshot="$work/jurisdictions.png" "file://$work/jurisdictions.html" >/dev/null 2>&1 || true
  if [[ ! -s "$work/jurisdictions.png" ]]; then
    echo "FAIL: no screenshot of the jurisdiction view was written" >&2
    exit 1
  fi
  cp "$work/jurisdictions.png" docs/images/html-report-jurisdictions.png
  echo "screenshot: docs/images/html-report-jurisdictions.png"
fi
