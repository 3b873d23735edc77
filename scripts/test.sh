#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run): style check, a -Werror
# release build and its tests, an ASan+UBSan build and its tests (the
# differential corpus with -v/--trace-ascii added), then the libFuzzer targets
# for a bounded time. Each stage is timed; the times are printed at the end.
# ctest runs the tests of a build in parallel: unit, each integration module and
# each shard of the differential corpus is its own test with its own servers.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs="$(nproc)"
# Tests wait on servers and child processes more than they compute: twice the
# cores keeps both busy without crowding a 2-core machine.
test_jobs=$((2 * jobs))

# A sanitizer report must not pass for one of curl's exit codes (LSan's
# default, 23, is curl's write error).
export ASAN_OPTIONS="detect_leaks=1:exitcode=199:abort_on_error=0"
# tests/lsan.supp: leaks inside glibc that no code of ours can free.
export LSAN_OPTIONS="exitcode=199:print_suppressions=0:suppressions=$PWD/tests/lsan.supp"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

stage_names=()
stage_seconds=()
print_times() {
  echo "== stage times"
  local total=0
  for i in "${!stage_names[@]}"; do
    printf '  %-22s %4d:%02d\n' "${stage_names[$i]}" $((stage_seconds[i] / 60)) $((stage_seconds[i] % 60))
    total=$((total + stage_seconds[i]))
  done
  printf '  %-22s %4d:%02d\n' total $((total / 60)) $((total % 60))
}
trap print_times EXIT
# stage NAME COMMAND...: runs one stage and records how long it took. (set -e
# does not apply inside COMMAND: a stage's function chains its steps with &&.)
stage() {
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  stage_names+=("$name")
  stage_seconds+=(0)
  local status=0
  "$@" || status=$?
  stage_seconds[-1]=$((SECONDS - start))
  if ((status != 0)); then
    echo "== $name failed (exit $status)"
    exit "$status"
  fi
}

configure() {  # configure BUILD_DIR CMAKE_ARGS...
  local dir=$1
  shift
  cmake -S . -B "$dir" -DDBCURL_WERROR=ON "$@" >/dev/null
}
release_build() {
  configure build -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build build -j"$jobs"
}
sanitizer_build() {
  configure build-asan -DCMAKE_BUILD_TYPE=Debug -DDBCURL_SANITIZE=ON && cmake --build build-asan -j"$jobs"
}
run_tests() {  # run_tests BUILD_DIR
  ctest --test-dir "$1" --output-on-failure -j"$test_jobs"
}
# curl's own tool tests against the release build: fails on a test the system
# curl passes and dbcurl fails, unless tests/curl-suite/known-failures.txt lists it.
curl_suite() {
  DBCURL_BIN=build/dbcurl scripts/curl-suite.sh
}

# The stages, in order. A new stage is one line here (and its function above).
stage "dependencies" scripts/install-deps.sh
stage "style" scripts/check-format.sh
stage "release build" release_build
stage "release tests" run_tests build
stage "sanitizer build" sanitizer_build
stage "sanitizer tests" run_tests build-asan
stage "fuzzers" scripts/fuzz.sh
stage "curl's test suite" curl_suite
