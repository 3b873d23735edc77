#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run): style check, a -Werror
# release build and its tests (with the sanitizer build compiling alongside:
# clang, ASan+UBSan, the tests and the libFuzzer targets), the sanitizer
# build's tests (the differential corpus with -v/--trace-ascii added), then the
# libFuzzer targets for a bounded time, and curl's own tool tests against the
# release build. Each
# stage is timed; the times are printed at the end. curl's tool tests mostly
# wait on their servers: they run in the background from the release build on,
# their output kept in a log that is printed when they end.
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
stage_cpu=()
# A stage's CPU seconds (user + system, all its processes): its share of the
# cores shows whether another stage could overlap it. Read from `times` run
# at the end of the stage's own subshell, so the background stage's processes
# are never counted in a stage that happens to reap them.
times_file=$(mktemp "${TMPDIR:-/tmp}/dbcurl-times.XXXXXX")
cpu_seconds_of_times_file() {
  local minutes seconds total=0
  for field in $(tail -n 1 "$times_file"); do
    minutes=${field%%m*}
    seconds=${field#*m}
    seconds=${seconds%s}
    total=$((total + minutes * 60 + 10#${seconds%.*}))
  done
  echo "$total"
}
print_times() {
  echo "== stage times (wall, and CPU seconds as a share of $jobs cores)"
  for i in "${!stage_names[@]}"; do
    printf '  %-32s %4d:%02d' "${stage_names[$i]}" $((stage_seconds[i] / 60)) $((stage_seconds[i] % 60))
    if [ -n "${stage_cpu[$i]}" ] && ((stage_seconds[i] > 0)); then
      printf '  cpu %5ds %3d%%' "${stage_cpu[$i]}" $((100 * stage_cpu[i] / (jobs * stage_seconds[i])))
    fi
    printf '\n'
  done
  # Background stages overlap the others: the total is the run's own time.
  printf '  %-32s %4d:%02d\n' total $((SECONDS / 60)) $((SECONDS % 60))
}
background_pid=""
on_exit() {
  if [ -n "$background_pid" ]; then
    kill -- -"$background_pid" 2>/dev/null || true
    rm -f "$background_log"
  fi
  print_times
  rm -f "$times_file"
}
trap on_exit EXIT
# stage NAME COMMAND...: runs one stage and records how long it took. (set -e
# does not apply inside COMMAND: a stage's function chains its steps with &&.)
stage() {
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  stage_names+=("$name")
  stage_seconds+=(0)
  stage_cpu+=("")
  local status=0
  : >"$times_file"
  (
    status=0
    "$@" || status=$?
    times >"$times_file"
    exit "$status"
  ) || status=$?
  stage_seconds[-1]=$((SECONDS - start))
  stage_cpu[-1]=$(cpu_seconds_of_times_file)
  if ((status != 0)); then
    echo "== $name failed (exit $status)"
    exit "$status"
  fi
}
# background_stage NAME COMMAND...: starts one stage in its own process group,
# its output to a log; finish_background_stage waits for it, prints the log and
# records its time like stage does. One at a time.
background_log=""
background_stage() {
  local name=$1
  shift
  echo "== $name: started in the background"
  background_name=$name background_start=$SECONDS
  background_log=$(mktemp "${TMPDIR:-/tmp}/dbcurl-stage.XXXXXX")
  set -m
  "$@" >"$background_log" 2>&1 &
  background_pid=$!
  set +m
}
finish_background_stage() {
  local status=0
  wait "$background_pid" || status=$?
  background_pid=""
  echo "== $background_name (background, its output follows)"
  cat "$background_log"
  rm -f "$background_log"
  stage_names+=("$background_name (background)")
  stage_seconds+=($((SECONDS - background_start)))
  stage_cpu+=("")
  if ((status != 0)); then
    echo "== $background_name failed (exit $status)"
    exit "$status"
  fi
}

release_build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDBCURL_WERROR=ON >/dev/null &&
    cmake --build build -j"$jobs"
}
# CMakePresets.json: the same build scripts/fuzz.sh uses.
sanitizer_build() {
  cmake --preset sanitize -DDBCURL_WERROR=ON >/dev/null && cmake --build build-asan -j"$jobs"
}
run_tests() {  # run_tests BUILD_DIR [CTEST_ARGS...]
  local dir=$1
  shift
  ctest --test-dir "$dir" --output-on-failure -j"$test_jobs" "$@"
}
# The release tests wait on their servers more than they compute (about 60% of
# two cores, with curl's suite beside them): the sanitizer build takes the
# rest meanwhile. Its output is printed only when it fails.
release_tests_and_sanitizer_build() {
  local build_log build_pid status=0
  build_log=$(mktemp "${TMPDIR:-/tmp}/dbcurl-asan-build.XXXXXX")
  sanitizer_build >"$build_log" 2>&1 &
  build_pid=$!
  run_tests build || status=$?
  if ! wait "$build_pid"; then
    echo "== the sanitizer build failed:"
    cat "$build_log"
    status=1
  fi
  rm -f "$build_log"
  return "$status"
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
background_stage "curl's test suite" curl_suite
stage "release tests, sanitizer build" release_tests_and_sanitizer_build
stage "sanitizer tests" run_tests build-asan --label-exclude fuzz
stage "fuzzers" scripts/fuzz.sh
finish_background_stage
