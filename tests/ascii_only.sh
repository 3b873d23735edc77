#!/usr/bin/env bash
# Protocol text is ASCII: src/ classifies characters and folds case with
# common/strings.hpp, never with <cctype>, <locale> or strcasecmp, which follow
# the user's locale. Comment lines are skipped. Usage: ascii_only.sh SRC_DIR
set -euo pipefail
pattern='<cctype>|<ctype\.h>|<locale>|std::locale|\b(to|is)(lower|upper|alnum|alpha|digit|xdigit|space|punct|print|cntrl|graph|blank)\(|strn?casecmp'
if grep -rnE "$pattern" "$1" | grep -vE '^[^:]+:[0-9]+:\s*//'; then
  echo "ascii_only: use the ASCII helpers of src/common/strings.hpp instead" >&2
  exit 1
fi
