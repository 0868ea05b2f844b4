#!/usr/bin/env bash
# Fuzzes the advisor with libFuzzer: the knowledge loader, the expression parser and type checker,
# the answers-file reader and the TUI key handler, each for a bounded time. Any crash, trap, hang
# (> 1 s on one input), sanitizer report or memory blow-up fails the run; the input that caused it
# is left in $FUZZ_OUT (reproduce with the command printed). The committed corpus is only read.
#
# Usage: bash Tests/Fuzz/run.sh [seconds per target, default 60] [targets...]
# Environment: FUZZ_OUT (default /tmp/advisor-fuzz), FUZZ_JOBS (parallel targets, default 1).
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(loader expression answers keys)
out=${FUZZ_OUT:-/tmp/advisor-fuzz}
mkdir -p "$out"

echo "== building advisor-fuzz with libFuzzer and AddressSanitizer"
# The -DADVISOR_FUZZING flag drops the replay main(); libFuzzer supplies its own.
swift build -c release --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address \
  -Xswiftc -DADVISOR_FUZZING --product advisor-fuzz >"$out/build.log" 2>&1 \
  || { tail -30 "$out/build.log"; echo "fuzz: build failed"; exit 1; }
binary=.build-fuzz/release/advisor-fuzz

status=0
total=0
for target in "${targets[@]}"; do
  work="$out/$target"
  rm -rf "$work"; mkdir -p "$work/corpus" "$work/artifacts"
  dict=()
  [ -f "Tests/Fuzz/$target.dict" ] && dict=("-dict=Tests/Fuzz/$target.dict")
  max_len=4096
  [ "$target" = loader ] && max_len=16384
  # Swift's own crash handler would swallow the crash before libFuzzer saw it.
  SWIFT_BACKTRACE=enable=no ADVISOR_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 \
    "$binary" "$work/corpus" "Tests/Fuzz/corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=$max_len \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" >"$work/log" 2>&1
  code=$?
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work/log" | grep -Eo '[0-9]+$' | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  cov=$(grep -Eo 'cov: [0-9]+' "$work/log" | tail -1)
  if [ $code -ne 0 ] || ls "$work/artifacts" | grep -q .; then
    echo "fuzz: $target FAILED (exit $code) after $runs executions"
    grep -E 'ERROR|invariant|Fatal error|deadly signal|timeout|out-of-memory' "$work/log" | head -5
    for a in "$work"/artifacts/*; do
      [ -e "$a" ] && echo "  reproduce: ADVISOR_FUZZ_TARGET=$target $binary $a"
    done
    status=1
  else
    echo "fuzz: $target ok: $runs executions in ${seconds}s, $cov"
  fi
done
echo "fuzz: $total executions in total"
exit $status
