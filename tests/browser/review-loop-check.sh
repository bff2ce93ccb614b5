#!/usr/bin/env bash
# The auditor's review loop in headless chromium (issue 15): runs ReviewLoopBrowserTests (decisions marked, reloaded, merged,
# exported and applied by check --baseline; a value corrected in the page and applied by check --corrections; who has not
# reported) and saves its screenshots to docs/images/review-*.png for docs/cli.md.
# The test itself runs in every `dotnet test` and is skipped, with the reason, when chromium is not installed.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
    apt-get install -y chromium >/dev/null
  else
    echo "chromium is not installed (apt-get install -y chromium)" >&2
    exit 2
  fi
fi

if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]] && [[ "$(id -u)" == "0" ]]; then
  apt-get install -y fonts-wqy-zenhei >/dev/null || echo "note: no CJK font; the screenshots will show boxes for Chinese text" >&2
fi

GOVSTATS_SCREENSHOTS="$root/docs/images" dotnet test tests/GovStatsValidation.Cli.Tests --filter "FullyQualifiedName~ReviewLoopBrowserTests" -nologo -v quiet
ls -l docs/images/review-*.png
