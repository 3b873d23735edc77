#!/usr/bin/env bash
# The benchmark (its budget: bench/notes.md): builds dbcurl (release), installs nginx, HTTPie and
# valgrind from Debian when missing, and runs bench.py, which prints the table
# and writes bench/results.md. Exits non-zero only if a run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
missing=()
for package in nginx-light httpie valgrind; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DDBCURL_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target dbcurl >/dev/null
exec python3 bench/bench.py --dbcurl build-bench/dbcurl "$@"
