#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it: style check, the libFuzzer
# targets for a bounded time, the unit, integration and differential tests on
# an ASan+UBSan build, then the same tests on a -Werror release build.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/check-format.sh

jobs="$(nproc)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDBCURL_WERROR=ON >/dev/null
cmake --build build -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDBCURL_WERROR=ON -DDBCURL_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"

# A sanitizer report must not pass for one of curl's exit codes (LSan's
# default, 23, is curl's write error).
export ASAN_OPTIONS="detect_leaks=1:exitcode=199:abort_on_error=0"
export LSAN_OPTIONS="exitcode=199"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

echo "== fuzzers (${FUZZ_SECONDS:-30} s each)"
scripts/fuzz.sh

echo "== sanitizer build (ASan+UBSan)"
ctest --test-dir build-asan --output-on-failure
echo "== release build"
ctest --test-dir build --output-on-failure
