#!/usr/bin/env bash
# CI step: the marketplace sample (src/Clients.Samples.Marketplace) driven in a real headless Chromium.
# Installs Debian's chromium if missing, runs tests/Clients.Samples.Marketplace.BrowserTests (not in Clients.sln: a
# fresh clone has no browser), keeps the screenshots, prints one closing "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "== installing chromium (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 900 apt-get install -y -qq chromium >/dev/null
fi
"$chromium" --version 2>/dev/null | grep -i chromium || { echo "marketplace: no chromium at $chromium"; echo "marketplace: 0 passed, 1 failed"; exit 1; }

export CHROMIUM_PATH="$chromium"
export MARKETPLACE_SCREENSHOTS="${MARKETPLACE_SCREENSHOTS:-$PWD/TestResults/marketplace-screenshots}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== dotnet test tests/Clients.Samples.Marketplace.BrowserTests"
start=$(date +%s)
status=0
timeout 1800 dotnet test tests/Clients.Samples.Marketplace.BrowserTests --blame-hang-timeout 5m 2>&1 | tee "$log" || status=$?
end=$(date +%s)

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # build failure, timeout or crash: never report it as green
fi
echo "marketplace: screenshots in $MARKETPLACE_SCREENSHOTS ($(ls "$MARKETPLACE_SCREENSHOTS" 2>/dev/null | wc -l) files); wall time $((end - start)) s (build + browser tests)"
echo "marketplace: ${passed} passed, ${failed} failed"
exit "$status"
