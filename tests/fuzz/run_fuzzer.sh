#!/usr/bin/env bash
# Runs one fuzzer for FUZZ_SECONDS (default 30) on a copy of its seed corpus,
# so new inputs never land in the repository by accident.
# Usage: run_fuzzer.sh BINARY TARGET SEEDS (TARGET: parse, ini, ...)
set -euo pipefail
binary=$1 seeds=$3
export DBCURL_FUZZ_TARGET=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
"$binary" -max_total_time="${FUZZ_SECONDS:-30}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds"
