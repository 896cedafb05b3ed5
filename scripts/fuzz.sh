#!/usr/bin/env bash
# Coverage-guided fuzzing of every target (fuzz/README.md): runs each cargo-fuzz target in
# turn, copies any crash, timeout or out-of-memory input into fuzz/regressions/NAME/ (which
# `cargo test` replays on stable Rust), and prints one line per target: executions,
# seconds, executions per second, crashes. Exits 1 if any target crashed, 2 if nightly Rust
# or cargo-fuzz cannot be had.
#
# Usage: scripts/fuzz.sh [--runs N] [--merge] SECONDS [TARGET...]
#   SECONDS    how long each target runs (at most, with --runs)
#   --runs N   stop a target after N executions (or SECONDS, whichever comes first)
#   --merge    afterwards, make fuzz/corpus/NAME/ the seeds and the smallest inputs
#              of a set cover of what it and the new inputs reach (16 KB per target)
#   TARGET...  only these targets (default: every target of fuzz/Cargo.toml)
#
# New inputs go to fuzz/work/NAME/ (not committed; kept between runs), the committed corpus
# fuzz/corpus/NAME/ is read as well. The C ABI's targets run under AddressSanitizer (they
# exercise unsafe code); the others, safe Rust only, run without a sanitizer, several times
# faster. Each sanitizer builds in its own target directory, under $CARGO_TARGET_DIR when set.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '/^# Usage:/,/^#   TARGET/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

runs=0
merge=0
# What --merge keeps per target besides the seeds, in bytes: the committed corpus stays a
# few hundred KB; the whole corpus stays in fuzz/work/NAME/.
corpus_budget=16000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --merge) merge=1; shift ;;
    -h|--help) usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
seconds="$1"
shift
[[ "$seconds" =~ ^[0-9]+$ && "$runs" =~ ^[0-9]+$ ]] || usage

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: the nightly Rust toolchain is missing (cargo-fuzz needs it):" >&2
  echo "  rustup toolchain install nightly" >&2
  echo "On stable, \`cargo test -p advanceai-fuzz-targets\` replays the corpus and regressions." >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz is missing; installing it (cargo install cargo-fuzz --locked)" >&2
  if ! cargo install cargo-fuzz --locked >&2; then
    echo "fuzz.sh: cannot install cargo-fuzz" >&2
    exit 2
  fi
fi

# The fuzzed code is built with exactly the dependency versions the workspace ships: the
# fuzz crate's lock file starts as the workspace's (cargo adds libFuzzer's own packages).
cp Cargo.lock fuzz/Cargo.lock

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

target_base="${CARGO_TARGET_DIR:-$PWD/fuzz/target}"
sanitizer_of() {
  case "$1" in
    ffi_*) echo address ;;
    *) echo none ;;
  esac
}

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

limits=(-max_total_time="$seconds" -print_final_stats=1 -timeout=10 -dict=fuzz/fuzz.dict)
[ "$runs" -gt 0 ] && limits+=(-runs="$runs")

rows=()
crashed=0
for target in "${targets[@]}"; do
  sanitizer="$(sanitizer_of "$target")"
  fuzz=(cargo +nightly fuzz run --sanitizer "$sanitizer" --target-dir "$target_base/fuzz-$sanitizer")
  work="fuzz/work/$target"
  artifacts="$scratch/artifacts/$target/"
  mkdir -p "$work" "fuzz/corpus/$target" "$artifacts"
  log="$scratch/$target.log"
  bound="${seconds}s"
  [ "$runs" -gt 0 ] && bound="$runs runs or $bound"
  echo "== $target ($sanitizer sanitizer): $bound" >&2
  # Build first, so the build is not counted in the run's time.
  cargo +nightly fuzz build --sanitizer "$sanitizer" --target-dir "$target_base/fuzz-$sanitizer" \
    "$target" >&2
  status=0
  "${fuzz[@]}" "$target" "$work" "fuzz/corpus/$target" -- "${limits[@]}" \
    -artifact_prefix="$artifacts" >"$log" 2>&1 || status=$?
  executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  if [ -z "$executions" ]; then
    # A crash ends the run before the final stats: take the last progress line's count.
    executions="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')"
  fi
  elapsed="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)"
  crashes=0
  for artifact in "$artifacts"*; do
    [ -e "$artifact" ] || continue
    mkdir -p "fuzz/regressions/$target"
    cp "$artifact" "fuzz/regressions/$target/"
    echo "$target: kept $(basename "$artifact") in fuzz/regressions/$target/" >&2
    crashes=$((crashes + 1))
  done
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    echo "$target: libFuzzer exited with $status and left no input; its log:" >&2
    tail -n 40 "$log" >&2
    crashes=1
  fi
  if [ "$crashes" -gt 0 ]; then
    crashed=1
    grep -E 'panicked at|ERROR: |SUMMARY: ' "$log" | head -n 5 >&2 || true
  fi
  if [ "$merge" -eq 1 ]; then
    # A set cover of the edges (hit counts and comparisons ignored) that the committed
    # corpus and the new inputs reach; of it, the smallest inputs up to $corpus_budget bytes
    # become the committed corpus (the seeds come back below).
    merged="$scratch/merged/$target"
    mkdir -p "$merged"
    if "${fuzz[@]}" "$target" "$merged" "fuzz/corpus/$target" "$work" -- -set_cover_merge=1 \
      -use_counters=0 -use_cmp=0 >"$log.merge" 2>&1; then
      find "fuzz/corpus/$target" -type f -delete
      total=0
      while read -r size file; do
        total=$((total + size))
        [ "$total" -le "$corpus_budget" ] || break
        cp "$file" "fuzz/corpus/$target/"
      done < <(find "$merged" -type f -printf '%s %p\n' | sort -n)
      echo "$target: corpus merged, $(find "fuzz/corpus/$target" -type f | wc -l) files" >&2
    else
      echo "$target: merging the corpus failed; its log:" >&2
      tail -n 20 "$log.merge" >&2
    fi
  fi
  executions="${executions:-0}"
  elapsed="${elapsed:-?}"
  rate="?"
  [[ "$elapsed" =~ ^[1-9][0-9]*$ ]] && rate=$((executions / elapsed))
  rows+=("$(printf '%-24s %12s %8s %8s %7s' "$target" "$executions" "$elapsed" "$rate" "$crashes")")
done

if [ "$merge" -eq 1 ]; then
  # A seed the merge left out (its edges reached by another input) comes back.
  cargo run -q -p advanceai-fuzz-targets --example seed_corpus >&2
fi

printf '%-24s %12s %8s %8s %7s\n' target executions seconds exec/s crashes
printf '%s\n' "${rows[@]}"
exit "$crashed"
