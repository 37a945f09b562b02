#!/usr/bin/env bash
# Builds the libFuzzer targets (ASan, own scratch path) and runs each for FUZZ_SECONDS (60 by
# default), seeded with a fresh copy of the test fixtures. A crash, sanitizer report, leak or an
# input slower than FUZZ_TIMEOUT seconds fails the run; the input is saved under
# .build-fuzz/artifacts/ (replay: .build-fuzz/debug/fuzz-html FILE).
# Usage: scripts/fuzz.sh [fuzz-html|fuzz-text …]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
timeout=${FUZZ_TIMEOUT:-10}
# Debug + ASan runs a 80 KB page a few times a second; shorter inputs explore far more.
max_len=${FUZZ_MAX_LEN:-16384}
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz-html fuzz-text)
command -v ld.lld >/dev/null || { echo "fuzz: ld.lld not found (Debian: apt-get install lld)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p .build-fuzz/artifacts
export SWIFT_BACKTRACE=enable=no

for target in "${targets[@]}"; do
  case "$target" in
    fuzz-html) patterns=(-name '*.html' -o -name '*.htm') ;;
    fuzz-text) patterns=(-name '*.txt' -o -name '*.md') ;;
    *) echo "fuzz: unknown target '$target' (fuzz-html, fuzz-text)" >&2; exit 2 ;;
  esac
  # `--sanitize fuzzer` alone instruments only C code (CYaml): Swift 6.3 needs the coverage
  # flags spelled out, or libFuzzer runs blind (a few thousand counters, no new units).
  swift build -c debug --scratch-path .build-fuzz --product "$target" \
    --sanitize fuzzer --sanitize address -Xswiftc -use-ld=lld \
    -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table
  # The seed corpus is a copy, so what libFuzzer adds never lands in the repository.
  corpus="$work/$target"
  mkdir -p "$corpus"
  find Tests corpus -type f \( "${patterns[@]}" \) -print0 | while IFS= read -r -d '' f; do
    cp "$f" "$corpus/$(echo "$f" | tr '/' '_')"
  done
  echo "fuzz: $target for ${seconds}s on $(ls "$corpus" | wc -l) seeds"
  ".build-fuzz/debug/$target" "$corpus" -max_total_time="$seconds" -timeout="$timeout" -max_len="$max_len" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$target-"
done
