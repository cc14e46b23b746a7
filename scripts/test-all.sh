#!/usr/bin/env bash
# npm test: lint, typecheck, unit + integration (vitest), build, e2e (Playwright on Debian's Chromium).
# Ends with one line "N passed, N failed" for the whole run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
# Reports of an earlier run would be read as this one's (the failures listed at the end).
rm -f test-results/vitest.json test-results/e2e.json
passed=0
failed=0
failed_checks=()

step() { echo; echo "=== $*"; }
check() { # a named check that counts as one test
  local name=$1; shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failed_checks+=("$name"); echo "FAILED: $name"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  step "installing Debian's chromium for the browser tests"
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || echo "could not install chromium"
fi

if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null || true
fi

check "lint" npx eslint .
check "typecheck" bash -c 'npx next typegen >/dev/null && npx tsc --noEmit'

step "unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
read -r vp vf < <(node -e '
  try { const r = require("./test-results/vitest.json"); console.log(r.numPassedTests, r.numFailedTests + (r.success || r.numFailedTests ? 0 : 1)); }
  catch { console.log(0, 1); }')
passed=$((passed + vp)); failed=$((failed + vf))

check "build" npm run build
[ -f .next/BUILD_ID ] && check "no sandbox credential in the build" npx tsx scripts/check-bundle-secrets.ts
[ -f .next/BUILD_ID ] && check "no zod in a dashboard page's first-load scripts" npx tsx scripts/check-first-load.ts
if [ -f .next/BUILD_ID ]; then
  step "end-to-end tests (Playwright)"
  npx playwright test
  e2e_status=$?
  read -r ep ef < <(node -e '
    try { const s = require("./test-results/e2e.json").stats; console.log(s.expected + s.flaky, s.unexpected); }
    catch { console.log(0, 1); }')
  # A run that never started its tests (its server's port taken, a config error) reports no failed test but exits
  # non-zero: it counts as a failure, not as a pass.
  if [ "$e2e_status" -ne 0 ] && [ "$ef" -eq 0 ]; then ef=1; failed_checks+=("Playwright exited with $e2e_status"); echo "FAILED: Playwright exited with $e2e_status"; fi
  passed=$((passed + ep)); failed=$((failed + ef))
fi

echo
# CI keeps the log's tail: name what failed just above the closing line.
for name in "${failed_checks[@]}"; do echo "Failed check: $name"; done
node scripts/list-failures.mjs test-results/vitest.json test-results/e2e.json
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
