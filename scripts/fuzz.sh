#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time
# (default 30 s; FUZZ_SECONDS=600 scripts/fuzz.sh for a longer run by hand),
# as many at once as there are cores.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DDBCURL_TESTS=OFF -DDBCURL_FUZZ=ON -DDBCURL_FUZZ_SECONDS="${FUZZ_SECONDS:-30}" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzzers
ctest --test-dir build-fuzz --output-on-failure -j"$(nproc)"
