#!/usr/bin/env bash
# Fails when a C++ source is not formatted as .clang-format says.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cpp' '*.hpp' '*.hpp.in' 2>/dev/null || find src tests -name '*.[ch]pp')
clang-format --dry-run --Werror $files
