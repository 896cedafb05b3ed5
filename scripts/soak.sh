#!/usr/bin/env bash
# Soak test: memory must stay flat under sustained load (Linux: reads /proc).
#
#   scripts/soak.sh [SANDBOX_SECONDS=300] [CLIENT_CALLS=1000000]
#
# (a) The sandbox binary (advanceai-sandbox, on a free loopback port) at full load for
#     SANDBOX_SECONDS: the load example (crates/transport/examples/load.rs) runs
#     LOAD_THREADS threads of database verification against it for that long; the
#     sandbox's resident memory (VmRSS) is sampled every SAMPLE_SECONDS.
# (b) One client process (the load example, CLIENT_THREADS threads sharing one Client)
#     making CLIENT_CALLS calls against the same sandbox; the client's VmRSS is sampled.
#
# Verdict of each run: the samples of the first fifth are dropped as warm-up (allocator
# arenas, the connection pool, tokio's buffers and the token cache fill then); of the rest,
# the median of the last quarter must not exceed the median of the first quarter by more
# than 10 % + 4 MiB. The slack absorbs allocator noise (glibc returns freed pages lazily,
# per-thread arenas), a few MiB on a process of this size; a leak does not hide in it: 16
# bytes per call over 1 000 000 calls is 15 MiB, and the sandbox serves millions of requests
# in 5 minutes. Exit 1 when a run is not flat, has too few samples to judge, or its load
# run failed (any failed call, or a counted run cut short by its time cap).
#
# Environment: SAMPLE_SECONDS (2), LOAD_THREADS (16), CLIENT_THREADS (4),
# CLIENT_MAX_SECONDS (3600: the client run's time cap), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
SANDBOX_SECONDS="${1:-300}"
CLIENT_CALLS="${2:-1000000}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-2}"
LOAD_THREADS="${LOAD_THREADS:-16}"
CLIENT_THREADS="${CLIENT_THREADS:-4}"
CLIENT_MAX_SECONDS="${CLIENT_MAX_SECONDS:-3600}"
TARGET="${CARGO_TARGET_DIR:-target}"

command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }
[[ -r /proc/self/status ]] || { echo "needs Linux /proc" >&2; exit 1; }

cargo build --release --quiet -p advanceai-sandbox --bin advanceai-sandbox
cargo build --release --quiet -p advanceai-transport --example load
SANDBOX_BIN="$TARGET/release/advanceai-sandbox"
LOAD_BIN="$TARGET/release/examples/load"

WORK="$(mktemp -d)"
SANDBOX_PID=""
LOAD_PID=""
cleanup() {
  [[ -n "$LOAD_PID" ]] && kill -TERM "$LOAD_PID" 2>/dev/null || true
  [[ -n "$SANDBOX_PID" ]] && kill -TERM "$SANDBOX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

RUST_LOG=warn "$SANDBOX_BIN" --port 0 >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 200); do grep -q listening "$WORK/sandbox.out" && break; sleep 0.05; done
BASE="$(head -n1 "$WORK/sandbox.out" | awk '{print $NF}')"
[[ "$BASE" == http://127.0.0.1:* ]] || { echo "sandbox did not start" >&2; cat "$WORK/sandbox.err" >&2; exit 1; }
export ADVANCEAI_ACCESS_KEY=sandbox-access-key ADVANCEAI_SECRET_KEY=sandbox-secret-key

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# sample WATCHED_PID FILE: "seconds RSS_KiB" every SAMPLE_SECONDS while the load runs.
sample() {
  local pid="$1" file="$2" start now rss
  start="$(date +%s.%N)"
  : >"$file"
  while kill -0 "$LOAD_PID" 2>/dev/null; do
    rss="$(rss_kib "$pid")"
    now="$(date +%s.%N)"
    # 0 or nothing: the process is still being started (exec) or has just ended.
    [[ -n "$rss" && "$rss" != 0 ]] && echo "$(awk -v a="$now" -v b="$start" 'BEGIN {printf "%.1f", a - b}') $rss" >>"$file"
    sleep "$SAMPLE_SECONDS"
  done
}

# verdict NAME FILE: prints the samples and whether they stay flat; returns 1 if not.
verdict() {
  python3 - "$1" "$2" <<'PY'
import math, statistics, sys
name, path = sys.argv[1], sys.argv[2]
rows = [(float(t), int(kib)) for t, kib in (line.split() for line in open(path) if line.strip())]
print(f"{'t (s)':>8} {'RSS (MiB)':>10}")
for t, kib in rows:
    print(f"{t:8.1f} {kib / 1024:10.1f}")
rest = rows[math.ceil(len(rows) / 5):]
if len(rest) < 8:
    print(f"{name}: INCONCLUSIVE: {len(rest)} samples after warm-up, 8 needed "
          "(run longer or lower SAMPLE_SECONDS)")
    sys.exit(1)
quarter = len(rest) // 4
first = statistics.median(k for _, k in rest[:quarter])
last = statistics.median(k for _, k in rest[-quarter:])
limit = first * 1.10 + 4096
growth = last - first
peak = max(k for _, k in rows)
flat = last <= limit
print(f"{name}: {len(rows)} samples; after warm-up median first quarter {first / 1024:.1f} MiB, "
      f"last quarter {last / 1024:.1f} MiB, growth {growth / 1024:+.1f} MiB "
      f"({100 * growth / first:+.1f} %), limit {limit / 1024:.1f} MiB, peak {peak / 1024:.1f} MiB: "
      + ("FLAT" if flat else "NOT FLAT"))
sys.exit(0 if flat else 1)
PY
}

STATUS=0
TICKS="$(getconf CLK_TCK)"

echo "== (a) sandbox at full load: $SANDBOX_SECONDS s, $LOAD_THREADS client threads, sample every $SAMPLE_SECONDS s"
cpu_before="$(cpu_ticks "$SANDBOX_PID")"
"$LOAD_BIN" --base-url "$BASE" --duration "$SANDBOX_SECONDS" --threads "$LOAD_THREADS" \
  --report-every 0 >"$WORK/load-a.out" 2>"$WORK/load-a.err" &
LOAD_PID=$!
sample "$SANDBOX_PID" "$WORK/sandbox.rss"
load_rc=0; wait "$LOAD_PID" || load_rc=$?; LOAD_PID=""
cpu_after="$(cpu_ticks "$SANDBOX_PID")"
grep -v '^RESULT' "$WORK/load-a.out" || true
cat "$WORK/load-a.err" >&2
awk -v t="$((cpu_after - cpu_before))" -v hz="$TICKS" -v s="$SANDBOX_SECONDS" \
  'BEGIN {printf "sandbox CPU: %.0f s over %d s (%.2f cores busy on average)\n", t / hz, s, t / hz / s}'
if [[ "$load_rc" != 0 ]]; then echo "(a): the load run failed (exit $load_rc)"; STATUS=1; fi
verdict "sandbox" "$WORK/sandbox.rss" || STATUS=1
kill -0 "$SANDBOX_PID" 2>/dev/null || { echo "(a): the sandbox died" >&2; STATUS=1; }

echo
echo "== (b) one client process: $CLIENT_CALLS calls, $CLIENT_THREADS threads, sample every $SAMPLE_SECONDS s"
"$LOAD_BIN" --base-url "$BASE" --calls "$CLIENT_CALLS" --threads "$CLIENT_THREADS" \
  --seconds "$CLIENT_MAX_SECONDS" --report-every 0 >"$WORK/load-b.out" 2>"$WORK/load-b.err" &
LOAD_PID=$!
sample "$LOAD_PID" "$WORK/client.rss"
load_rc=0; wait "$LOAD_PID" || load_rc=$?; LOAD_PID=""
grep -v '^RESULT' "$WORK/load-b.out" || true
cat "$WORK/load-b.err" >&2
if [[ "$load_rc" != 0 ]]; then echo "(b): the client run failed (exit $load_rc)"; STATUS=1; fi
verdict "client" "$WORK/client.rss" || STATUS=1

echo
if [[ "$STATUS" == 0 ]]; then echo "soak: PASS (both flat)"; else echo "soak: FAIL"; fi
exit "$STATUS"
