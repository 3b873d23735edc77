#!/usr/bin/env bash
# Formats every C++ source as .clang-format says (scripts/check-format.sh checks it in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -co --exclude-standard '*.cpp' '*.hpp' '*.hpp.in' | xargs clang-format -i
