#!/usr/bin/env bash
# Load test of advanceai-sandbox on loopback with wrk (Debian package `wrk`).
# Measures requests/s and p99 latency for Get Result and for database verification.
# Usage: scripts/bench-sandbox.sh [seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${2:-64}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }

cargo build --release -p advanceai-sandbox >/dev/null
WORK="$(mktemp -d)"
RUST_LOG=warn target/release/advanceai-sandbox --port 0 >"$WORK/out" 2>"$WORK/err" &
PID=$!
trap 'kill -TERM $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q listening "$WORK/out" && break; sleep 0.05; done
BASE="$(head -n1 "$WORK/out" | awk '{print $NF}')"

TS="$(($(date +%s%N) / 1000000))"
SIG="$(printf '%s' "sandbox-access-keysandbox-secret-key$TS" | sha256sum | cut -d' ' -f1)"
TOKEN="$(curl -s -H 'Content-Type: application/json' \
  -d "{\"accessKey\":\"sandbox-access-key\",\"timestamp\":\"$TS\",\"signature\":\"$SIG\",\"periodSecond\":86400}" \
  "$BASE/openapi/auth/ticket/v1/generate-token" | sed -E 's/.*"token":"([^"]+)".*/\1/')"
SIGNATURE_ID="$(curl -s -H 'Content-Type: application/json' -H "X-ACCESS-TOKEN: $TOKEN" \
  -d '{"bizId":"bench","userId":"u","region":"NGA","numberType":"BVN","returnUrl":"https://e.example/ok","failReturnUrl":"https://e.example/fail"}' \
  "$BASE/intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-url" | sed -E 's/.*"signatureId":"([^"]+)".*/\1/')"
curl -s -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"signatureId\":\"$SIGNATURE_ID\",\"outcome\":\"PASS\"}" "$BASE/sandbox/complete"

lua() { # $1 = JSON body
  cat <<LUA
wrk.method = "POST"
wrk.body = '$1'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-ACCESS-TOKEN"] = "$TOKEN"
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
LUA
}
lua "{\"signatureId\":\"$SIGNATURE_ID\"}" >"$WORK/result.lua"
lua '{"bizId":"bench","userId":"u","region":"NGA","numberType":"BVN","numberValue":"12345678901"}' >"$WORK/verify.lua"

# Every answer is HTTP 200, so wrk's error count cannot see an error envelope: check once,
# with the same token and bodies, that both requests really answer SUCCESS.
expect_success() { # $1 = path, $2 = JSON body
  curl -s -H 'Content-Type: application/json' -H "X-ACCESS-TOKEN: $TOKEN" -d "$2" "$BASE$1" \
    | grep -q '"code":"SUCCESS"' || { echo "not SUCCESS: $1" >&2; exit 1; }
}
expect_success /intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result "{\"signatureId\":\"$SIGNATURE_ID\"}"
expect_success /intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification \
  '{"bizId":"bench","userId":"u","region":"NGA","numberType":"BVN","numberValue":"12345678901"}'

echo "== Get Result ($DURATION s, $CONNECTIONS connections, 2 threads)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/result.lua" \
  "$BASE/intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result" | grep RESULT
echo "== database verification"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/verify.lua" \
  "$BASE/intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification" | grep RESULT
