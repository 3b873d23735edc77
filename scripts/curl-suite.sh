#!/usr/bin/env bash
# curl's own tool tests, from Debian's source of the installed curl, run against
# the system curl and against dbcurl (through a `curl` symlink, so messages say
# "curl:"); prints the tests curl passes and dbcurl fails.
#
#   scripts/curl-suite.sh [--record] [--fresh-curl] [TEST...]
#
# The system curl's result is recorded in tests/curl-suite/curl-passes.txt,
# keyed on the curl package version and a hash of the tool tests' data files;
# it is recomputed (in parallel with dbcurl's run) when either differs or with
# --fresh-curl, and rewritten with --record. The exit status
# is 1 when dbcurl fails a test that curl passes and that is not listed in
# tests/curl-suite/known-failures.txt. --record rewrites both lists.
#
# DBCURL_BIN is the binary under test (build/dbcurl); CURL_SUITE_DIR holds the
# source, the built test servers and the logs (build/curl-suite). Needs root
# (or sudo) once: the deb-src entry, build dependencies and ::1 ip6-localhost.
set -Eeuo pipefail
# set -e stops without a word; say where, or CI shows only "exit 1".
trap 'echo "curl-suite: stopped at line $LINENO (exit $?): $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
repo=$PWD
dbcurl=$(realpath "${DBCURL_BIN:-$repo/build/dbcurl}")
work=${CURL_SUITE_DIR:-$repo/build/curl-suite}
lists=$repo/tests/curl-suite
record=0 fresh_curl=0 selected=()
for arg in "$@"; do
  case $arg in
    --record) record=1 fresh_curl=1 ;;
    --fresh-curl) fresh_curl=1 ;;
    *) selected+=("$arg") ;;
  esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
version=$(dpkg-query -W -f='${Version}' curl)
source_dir=$work/curl-$version
mkdir -p "$work"

# 1. Debian's source of the installed curl, with a deb-src entry when apt has none.
if [ ! -d "$source_dir/tests" ]; then
  if ! apt-get source --print-uris "curl=$version" >/dev/null 2>&1; then
    $sudo tee /etc/apt/sources.list.d/dbcurl-curl-suite-src.sources >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    $sudo apt-get update -qq
  fi
  (cd "$work" && apt-get source --download-only -qq "curl=$version" 2>/dev/null)
  rm -rf "$source_dir.tmp"
  # Debian's keyring may be missing: apt already checked the files' hashes.
  dpkg-source --no-check -x "$work/curl_$version.dsc" "$source_dir.tmp" >/dev/null
  mv "$source_dir.tmp" "$source_dir"
fi

# 2. Only what runtests.pl needs: the test servers (not libcurl, not libtest).
#    configure's feature switches do not matter to the tool tests: runtests
#    reads the features from the curl under test.
if [ ! -x "$source_dir/tests/server/sws" ]; then
  (cd "$source_dir" &&
    ./configure -q --disable-shared --without-ssl --without-libpsl --without-zlib --without-brotli \
      --without-zstd --without-nghttp2 --without-libidn2 --without-librtmp --without-libssh2 >/dev/null &&
    make -s -C tests/server -j"$(nproc)" >/dev/null)
fi

# 3. The environment curl's tests expect.
if ! grep -Eq '^[[:space:]]*::1[[:space:]].*\bip6-localhost\b' /etc/hosts; then
  echo "::1 ip6-localhost" | $sudo tee -a /etc/hosts >/dev/null
fi
locale_env=()
if ! locale -a 2>/dev/null | grep -qix 'en_US\.utf-\?8'; then
  if [ ! -d "$work/locale/en_US.UTF-8" ]; then
    mkdir -p "$work/locale"
    localedef -i en_US -f UTF-8 "$work/locale/en_US.UTF-8"
  fi
  locale_env=("LOCPATH=$work/locale")
fi
# runtests will not start its SSH server as root (sshserver.pl): as root, it
# runs as the system user dbcurl-suite, created once (with a shell: the SSH
# server runs sftp-server and scp through it).
as_tester=() tester=""
if [ "$(id -u)" -eq 0 ]; then
  tester="dbcurl-suite"
  id -u "$tester" >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /bin/sh "$tester"
  as_tester=(setpriv --reuid="$tester" --regid="$tester" --init-groups)
fi
mkdir -p "$work/bin"
ln -sfn "$dbcurl" "$work/bin/curl"

# Tool tests: every test whose client is the curl tool (libtest ones name a <tool>).
mapfile -t tool_tests < <(cd "$source_dir/tests/data" && grep -L '<tool>' test[0-9]* | sed 's/^test//' | sort -n)
if ((${#selected[@]} == 0)); then selected=("${tool_tests[@]}"); fi
# What curl's recorded result came from: the package and the tool tests' files.
curl_key=("# curl $version"
  "# tests $(cd "$source_dir/tests/data" && sha256sum "${tool_tests[@]/#/test}" | sha256sum | cut -d' ' -f1)")

# One runtests.pl in its own copy of tests/ (its logs live there), with an
# empty HOME and none of the user's DATABRICKS_*, CURL_* or proxy variables.
run_suite() {
  local name=$1 tested=$2
  shift 2
  local dir=$source_dir/tests-$name home
  rm -rf "$dir"
  cp -a "$source_dir/tests" "$dir"
  # runtests' automake style (-am) names no skipped test, and its summary only
  # nine per reason: have it print "SKIP: N - reason" where it records one.
  perl -0pi -e '$n = s/^([ \t]*)(\$teststat\[\$testnum\]=\$why;.*\n)/$1$2$1logmsg "SKIP: \$testnum - \$why\\n";\n/mg;
    END { die "curl-suite: runtests.pl records skips elsewhere\n" if $n != 1 }' "$dir/runtests.pl"
  # runtests seeds the random walk that picks its TLS, SSH and HTTP/2 servers'
  # ports with the minute and the tested curl's version: runtests started
  # together would try the same ports in the same order, and the later ones give
  # up after ten tries (the test fails). Each gets a seed of its own.
  local seed=$((SRANDOM % 1000000000 + 1))
  home=$(mktemp -d "$work/home-$name.XXXXXX")
  if [ -n "$tester" ]; then chown -R "$tester:" "$dir" "$home"; fi
  (cd "$dir" &&
    "${as_tester[@]}" env -i PATH="$PATH" HOME="$home" USER="${tester:-$(id -un)}" LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "${locale_env[@]}" \
      perl ./runtests.pl -a -am -n -c "$tested" -vc /usr/bin/curl --seed="$seed" "$@" >"$work/$name.log" 2>&1) || true
  rm -rf "$home"
  results PASS "$work/$name.log" >"$work/$name.passed"
}
# results PASS|FAIL LOG: the test numbers runtests reported so, anywhere on a line
# ("RUN: couldn't start SSH ...PASS: 647 ..."); none is an empty list, not an error.
results() {
  { grep -oE "$1: [0-9]+ " "$2" || true; } | awk '{print $2}' | sort -u
}

# The tests mostly wait on their servers (a whole run takes about two minutes
# of CPU time): several runtests at once, each in its own copy of tests/ with
# ports of its own, keep two cores busy. CURL_SUITE_SHARDS says how many.
shards=${CURL_SUITE_SHARDS:-6}
# run_shards NAME CURL: the selected tests in $shards runtests at once (the
# i-th test in shard i mod $shards); NAME.passed lists the tests that passed.
run_shards() {
  local name=$1 tested=$2 shard i pids=() pid
  rm -f "$work/$name"-shard-*.passed "$work/$name"-shard-*.log
  for ((shard = 0; shard < shards && shard < ${#selected[@]}; shard++)); do
    local part=()
    for ((i = shard; i < ${#selected[@]}; i += shards)); do part+=("${selected[$i]}"); done
    run_suite "$name-shard-$shard" "$tested" "${part[@]}" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  cat "$work/$name"-shard-*.passed | sort -u >"$work/$name.passed"
}

started=$(date +%s)
curl_list=$lists/curl-passes.txt
curl_current=0
if [ "$fresh_curl" = 0 ] && [ -f "$curl_list" ] && [ "$(head -n 2 "$curl_list")" = "$(printf '%s\n' "${curl_key[@]}")" ]; then
  curl_current=1
fi
if [ "$curl_current" = 1 ]; then
  grep -v '^#' "$curl_list" | sort -u >"$work/curl.passed"
  run_shards dbcurl "$work/bin/curl"
else
  if [ "$fresh_curl" = 0 ]; then
    echo "curl-suite: $curl_list is not for curl $version and these test files: curl runs too" \
      "(scripts/curl-suite.sh --record rewrites it)"
  fi
  run_shards curl /usr/bin/curl &
  first=$!
  run_shards dbcurl "$work/bin/curl"
  wait "$first"
fi
dbcurl_logs=("$work"/dbcurl-shard-*.log)
# Tests 31 and 327 once crashed dbcurl intermittently (-b missing -c jar
# --trace-ascii): those of them dbcurl passed must pass 20 runs in a row.
mapfile -t repeated < <(printf '%s\n' 31 327 | comm -12 - "$work/dbcurl.passed")
repeat_failures=0
if ((${#repeated[@]} > 0)); then
  run_suite repeat "$work/bin/curl" --repeat=20 "${repeated[@]}"
  repeat_failures=$({ grep -oE 'FAIL: [0-9]+ ' "$work/repeat.log" || true; } | wc -l)
fi
elapsed=$(($(date +%s) - started))

# Only the tests asked for count (curl's recorded list covers all tool tests).
printf '%s\n' "${selected[@]}" | sort -u >"$work/selected"
comm -12 "$work/curl.passed" "$work/selected" >"$work/curl.selected-passed"
comm -23 "$work/curl.selected-passed" "$work/dbcurl.passed" >"$work/failures"
comm -23 "$work/selected" "$work/curl.passed" | comm -23 - "$work/dbcurl.passed" >"$work/neither"
# The tests neither passes, grouped by why: runtests' skip reason in dbcurl's
# run, or its failure there; the most frequent reason first.
perl -e '
  open(my $list, "<", shift) or die "$!\n";
  my %neither = map { chomp; ($_ => 1) } <$list>;
  my %why;
  while (<>) {
    $why{$1} = $2 if /SKIP: (\d+) - (.*)$/ && $neither{$1};
    $why{$1} //= "runs and fails (curl does not pass it either)" if /FAIL: (\d+) / && $neither{$1};
    # Some failures (a postcheck) print no FAIL line, only a number in the summary.
    if (/TESTFAIL: These test cases failed: ([\d ]+)/) {
      $why{$_} //= "runs and fails (curl does not pass it either)" for grep { $neither{$_} } split " ", $1;
    }
  }
  my %group;
  # No result: runtests could not run it (a unit test named only by its keyword has no tool built).
  push @{$group{$why{$_} // "no result in the log (not run)"}}, $_ for sort { $a <=> $b } keys %neither;
  for (sort { @{$group{$b}} <=> @{$group{$a}} || $a cmp $b } keys %group) {
    printf "%s (%d): %s\n", $_, scalar @{$group{$_}}, join(" ", @{$group{$_}});
  }' "$work/neither" "${dbcurl_logs[@]}" >"$work/skipped-for-both.txt"

if [ "$record" = 1 ]; then
  mkdir -p "$lists"
  { printf '%s\n' "${curl_key[@]}"; sort -n "$work/curl.passed"; } >"$curl_list"
  { echo "# Tool tests curl $version passes and dbcurl fails (scripts/curl-suite.sh --record)."; sort -n "$work/failures"; } \
    >"$lists/known-failures.txt"
fi
grep -v '^#' "$lists/known-failures.txt" 2>/dev/null | sort -u >"$work/known" || true
comm -23 "$work/failures" "$work/known" >"$work/new-failures"
comm -13 "$work/failures" "$work/known" | comm -12 - "$work/selected" >"$work/now-passing"

echo "curl-suite: curl $version, ${#selected[@]} tool tests, ${elapsed}s"
echo "curl-suite: curl passes $(wc -l <"$work/curl.selected-passed"), dbcurl passes $(wc -l <"$work/dbcurl.passed")"
echo "curl-suite: curl passes and dbcurl fails ($(wc -l <"$work/failures")): $(sort -n "$work/failures" | tr '\n' ' ')"
echo "curl-suite: neither passes ($(wc -l <"$work/neither")), by runtests' reason ($work/skipped-for-both.txt):"
sed 's/^/curl-suite:   /' "$work/skipped-for-both.txt"
if [ -s "$work/now-passing" ]; then
  echo "curl-suite: listed as known failures but passing now: $(sort -n "$work/now-passing" | tr '\n' ' ')"
fi
status=0
if [ -s "$work/new-failures" ]; then
  echo "curl-suite: NEW failures (not in tests/curl-suite/known-failures.txt): $(sort -n "$work/new-failures" | tr '\n' ' ')"
  echo "curl-suite: logs in $source_dir/tests-dbcurl*/log and $work/*.log"
  status=1
fi
if [ "$repeat_failures" != 0 ]; then
  echo "curl-suite: ${repeated[*]} failed $repeat_failures of their 20 repeated runs (see $work/repeat.log)"
  status=1
fi
exit "$status"
