#!/usr/bin/env bash
# make bench [N=1000]: Dossier's throughput on a synthetic corpus of N documents, reported
# next to the cmark command-line tool rendering the same volume of Markdown (a reference run
# on the same machine, in the same script, so the ratio means something anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
OUT=bench/out
echo "bench: building dossier (release)…"
swift build -c release --product dossier --scratch-path .build-bench >/dev/null
BIN=.build-bench/release/dossier
rm -rf "$OUT"
python3 scripts/make_bench_corpus.py --n "$N" --out "$OUT"
python3 scripts/run_bench.py --bin "$BIN" --dir "$OUT"
