#!/usr/bin/env bash
# Runs the libFuzzer targets of the sanitizer build (cmake --preset sanitize,
# in build-asan) for a bounded time each, as many at once as there are cores:
# 30 s by default, FUZZ_SECONDS=600 scripts/fuzz.sh for a longer run by hand.
# Builds only the fuzz binary when the build is not there yet.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset sanitize >/dev/null
cmake --build build-asan -j"$(nproc)" --target fuzzers
seconds=${FUZZ_SECONDS:-30}
FUZZ_SECONDS=$seconds ctest --test-dir build-asan --output-on-failure -j"$(nproc)" --label-regex fuzz \
  --timeout $((seconds + 120))
