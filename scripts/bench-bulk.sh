#!/usr/bin/env bash
# `advanceai bulk` throughput and memory against `advanceai sandbox` (loopback), in one run.
#
#   scripts/bench-bulk.sh [--rows N] [--small-rows M] [--concurrency "1 4 16 64"]
#
# Generates N rows (default 1 000 000; NGA BVN, the sandbox's passing test number
# 22222222222, so every row passes) and M rows (default 10 000) in a temporary directory,
# starts one `advanceai sandbox`, and for each concurrency C, one after the other:
#   1. baseline: the same N calls from the load example (crates/transport/examples/load.rs),
#      C threads sharing one Client, with no file read or written;
#   2. `advanceai bulk rows.csv --out out.jsonl --concurrency C` over the N rows;
#   3. the same over the M rows (small.csv).
# Each is timed (wall clock of the process) and its peak resident memory read exactly
# (getrusage(RUSAGE_CHILDREN).ru_maxrss of a process whose only child it was). Each run must
# exit 0, and each bulk output must have one PASS line per row.
#
# Figures are ratios to baselines of the same run: bulk rows/s over the load example's
# calls/s at the same C (bulk's own cost: reading, writing, bookkeeping), and bulk's peak
# memory over N rows over its peak over M rows (1.0: memory does not grow with the rows).
# Environment: CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=1000000
SMALL_ROWS=10000
CONCURRENCIES="1 4 16 64"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --small-rows) SMALL_ROWS="$2"; shift 2 ;;
    --concurrency) CONCURRENCIES="$2"; shift 2 ;;
    *) echo "usage: $0 [--rows N] [--small-rows M] [--concurrency \"1 4 16 64\"]" >&2; exit 2 ;;
  esac
done
TARGET="${CARGO_TARGET_DIR:-target}"
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }

cargo build --release --quiet -p advanceai-cli --bin advanceai
cargo build --release --quiet -p advanceai-transport --example load
CLI="$TARGET/release/advanceai"
LOAD="$TARGET/release/examples/load"

WORK="$(mktemp -d)"
SANDBOX_PID=""
cleanup() {
  [[ -n "$SANDBOX_PID" ]] && kill -TERM "$SANDBOX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

rows_csv() { # $1 = row count
  awk -v n="$1" 'BEGIN {
    print "bizId,userId,region,numberType,numberValue"
    for (i = 1; i <= n; i++) printf "bench-%d,user-%d,NGA,BVN,22222222222\n", i, i
  }'
}
rows_csv "$ROWS" >"$WORK/rows.csv"
rows_csv "$SMALL_ROWS" >"$WORK/small.csv"

"$CLI" sandbox --port 0 --json >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 200); do [[ -s "$WORK/sandbox.out" ]] && break; sleep 0.05; done
BASE="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["baseUrl"])' "$WORK/sandbox.out")"
export ADVANCEAI_BASE_URL="$BASE"
export ADVANCEAI_ACCESS_KEY=sandbox-access-key ADVANCEAI_SECRET_KEY=sandbox-secret-key

# measure NAME CMD...: runs CMD (stdout and stderr to $WORK/NAME.out / .err); prints
# "exit_code wall_seconds peak_rss_kib".
measure() {
  python3 - "$WORK/$1" "${@:2}" <<'PY'
import resource, subprocess, sys, time
base, command = sys.argv[1], sys.argv[2:]
with open(base + ".out", "wb") as out, open(base + ".err", "wb") as err:
    start = time.monotonic()
    code = subprocess.call(command, stdout=out, stderr=err)
    wall = time.monotonic() - start
print(code, f"{wall:.3f}", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}

fail() { echo "bench-bulk: $*" >&2; exit 1; }

# bulk NAME INPUT ROWS C: one bulk run, checked; prints "wall_seconds peak_rss_kib".
bulk() {
  local name="$1" input="$2" rows="$3" c="$4" out="$WORK/$1.jsonl" rc wall peak lines passed
  rm -f "$out"
  read -r rc wall peak <<<"$(measure "$name" "$CLI" bulk "$input" --out "$out" --concurrency "$c")"
  [[ "$rc" == 0 ]] || { tail -n 5 "$WORK/$name.err" >&2; fail "$name exited $rc"; }
  lines="$(wc -l <"$out")"
  passed="$(grep -c '"overallResult":"PASS"' "$out" || true)"
  [[ "$lines" == "$rows" && "$passed" == "$rows" ]] ||
    fail "$name: $lines lines, $passed PASS, $rows rows expected"
  rm -f "$out"
  echo "$wall $peak"
}

echo "bench-bulk: $ROWS rows (and $SMALL_ROWS for the memory baseline), concurrency $CONCURRENCIES, sandbox $BASE" >&2
RESULTS="$WORK/results"
: >"$RESULTS"
for c in $CONCURRENCIES; do
  echo "bench-bulk: concurrency $c: load baseline" >&2
  measured="$(measure "load-$c" "$LOAD" --calls "$ROWS" --threads "$c" --seconds 86400 \
    --report-every 0)"
  read -r rc load_wall load_peak <<<"$measured"
  [[ "$rc" == 0 ]] || { cat "$WORK/load-$c.err" >&2; fail "load at $c exited $rc"; }
  grep -q "^RESULT calls=$ROWS .* pass=$ROWS " "$WORK/load-$c.out" || fail "load at $c: not $ROWS passes"
  echo "bench-bulk: concurrency $c: bulk, $ROWS rows" >&2
  # An assignment, so that a failed check (exit in the subshell) stops the script.
  measured="$(bulk "bulk-$c" "$WORK/rows.csv" "$ROWS" "$c")"
  read -r bulk_wall bulk_peak <<<"$measured"
  echo "bench-bulk: concurrency $c: bulk, $SMALL_ROWS rows" >&2
  measured="$(bulk "small-$c" "$WORK/small.csv" "$SMALL_ROWS" "$c")"
  read -r _ small_peak <<<"$measured"
  echo "$c $load_wall $load_peak $bulk_wall $bulk_peak $small_peak" >>"$RESULTS"
done

python3 - "$ROWS" "$SMALL_ROWS" "$RESULTS" <<'PY'
import sys
rows, small, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
mib = lambda kib: f"{int(kib) / 1024:.1f}"
print(f"| concurrency | load example calls/s | bulk rows/s | bulk / load | bulk peak RSS, {rows:,} rows (MiB) "
      f"| bulk peak RSS, {small:,} rows (MiB) | {rows:,} / {small:,} rows |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for line in open(path):
    c, load_wall, load_peak, bulk_wall, bulk_peak, small_peak = line.split()
    load_rate = rows / float(load_wall)
    bulk_rate = rows / float(bulk_wall)
    print(f"| {c} | {load_rate:,.0f} | {bulk_rate:,.0f} | {bulk_rate / load_rate:.2f} | {mib(bulk_peak)} "
          f"| {mib(small_peak)} | {int(bulk_peak) / int(small_peak):.1f} |")
PY
