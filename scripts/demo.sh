#!/usr/bin/env bash
# dbcurl's main job, end to end on this machine: build it, then send the
# Databricks docs' clusters/list request. With a workspace configured (the
# DATABRICKS_* variables or ~/.databrickscfg) it goes there; otherwise to the
# bundled sample workspace (the tests' fake server), started and stopped here.
set -euo pipefail
cd "$(dirname "$0")/.."

# Only what building and running dbcurl needs; scripts/test.sh adds the test toolchain.
scripts/install-deps.sh build
# Its own build directory, without the tests (build/ is the developers' and CI's).
build=build-release
echo "== Configuring the build in $build/ (cmake)"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDBCURL_TESTS=OFF >/dev/null
echo "== Building dbcurl, its man page and completions (a few minutes on 2 cores)"
# Of make's "[ 42%] Building ..." lines, one per quarter, as they come (bash's read, not mawk, which
# reads a pipe in blocks), so that a slow build does not look like a hang; compiler messages go to stderr.
next_mark=0
cmake --build "$build" -j"$(nproc)" | while IFS= read -r line; do
  if [[ $line =~ ^\[\ *([0-9]+)%\] ]] && ((BASH_REMATCH[1] >= next_mark)); then
    echo "   ${BASH_REMATCH[1]}% built"
    next_mark=$((BASH_REMATCH[1] - BASH_REMATCH[1] % 25 + 25))
  fi
done
dbcurl="$PWD/$build/dbcurl"

if "$dbcurl" --explain /api/2.0/clusters/list >/dev/null 2>&1; then
  echo "== Using the workspace configured in your environment."
else
  echo "== No workspace configured: starting the sample workspace on 127.0.0.1."
  state="$(mktemp -d)"
  python3 tests/fake_workspace.py --token dapi0123456789abcdef0123456789abcdef --ready-file "$state/ready" &
  server=$!
  trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$state"' EXIT
  for _ in $(seq 100); do [ -s "$state/ready" ] && break; sleep 0.1; done
  read -r port cafile <"$state/ready"
  export HOME="$state" DATABRICKS_HOST="https://127.0.0.1:$port"
  export DATABRICKS_TOKEN=dapi0123456789abcdef0123456789abcdef CURL_CA_BUNDLE="$cafile"
  unset DATABRICKS_CONFIG_PROFILE DATABRICKS_CONFIG_FILE
fi

echo
echo "\$ dbcurl --explain /api/2.0/clusters/list"
"$dbcurl" --explain /api/2.0/clusters/list
echo
echo "\$ dbcurl -sSv /api/2.0/clusters/list     (TLS details left out here)"
output="$(mktemp -d)"
status=0
"$dbcurl" -sSv /api/2.0/clusters/list >"$output/body" 2>"$output/verbose" || status=$?
grep -E '^[<>] |^\* (Connected|Server auth)|^dbcurl:' "$output/verbose" || true
cat "$output/body"
echo
rm -rf "$output"

deb="dbcurl_$("$dbcurl" --version | head -n 1 | cut -d' ' -f2)_$(dpkg --print-architecture).deb"
# Commands to paste from any directory, with sudo only where it is needed (root may not have it).
sudo="sudo "
[ "$(id -u)" -ne 0 ] || sudo=""
cat <<EOF
== dbcurl is built: $dbcurl
   To run it as plain 'dbcurl', do one of:
     ${sudo}cmake --install $PWD/$build     # into /usr/local: binary, man page, bash/zsh/fish completions
     (cd $PWD/$build && cpack -G DEB) && ${sudo}apt install $PWD/$build/$deb
     export PATH="$PWD/$build:\$PATH"     # this shell only
EOF
exit "$status"
