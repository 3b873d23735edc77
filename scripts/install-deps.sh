#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages dbcurl needs, when missing (apt, as root
# or through sudo). Safe to run again: it installs nothing when everything is
# there.
#
#   scripts/install-deps.sh build   what building and running dbcurl needs (scripts/demo.sh)
#   scripts/install-deps.sh         that and the test toolchain (scripts/test.sh, CI)
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config          # toolchain (dpkg-dev, for cpack -G DEB, comes with it)
  file                                      # cpack -G DEB: finds the ELF files for dpkg-shlibdeps
  libcurl4-openssl-dev libtomlplusplus-dev  # libcurl, toml++ (used header-only)
  libboost-dev                              # Boost.Process (header-only)
  libssl-dev                                # SHA-256 (OpenSSL's libcrypto, which libcurl loads too)
  nlohmann-json3-dev                        # JSON: databricks CLI output, token cache, pages
  groff-base                                # renders the man page for --manual
  python3 openssl                           # the demo's sample workspace (tests/fake_workspace.py)
)
test_packages=(
  catch2                                    # unit tests
  curl                                      # integration tests: the reference curl
  nginx-light                               # integration tests: a real HTTP/2 server (canary matrix)
  locales                                   # localedef sources: tests under single-byte locales
  python3-keyring python3-keyrings.alt      # the keyring recipe, tested with the real keyring CLI
  clang-format                              # style check
  clang libclang-rt-dev                     # the sanitizer build and its libFuzzer targets
  llvm                                      # llvm-symbolizer: sanitizer reports name functions (tests/lsan.supp)
  bash-completion zsh fish tmux             # completion tests, in the real shells
  man-db mandoc                             # man page rendering and lint
  rpm lintian                               # packages: rpmbuild, lint
  ruby                                      # the Homebrew formula's syntax check
  stunnel4 gnutls-bin                       # curl's tool tests (scripts/curl-suite.sh): HTTPS, FTPS, TLS-SRP servers
  openssh-server openssh-sftp-server        #   SCP and SFTP (runtests finds sshd, sftp-server in /usr/sbin, /usr/lib/openssh)
  nghttp2-proxy                             #   HTTP/2 (nghttpx)
)

case "${1:-test}" in
  build) packages=("${build_packages[@]}") ;;
  test) packages=("${build_packages[@]}" "${test_packages[@]}") ;;
  *)
    echo "usage: scripts/install-deps.sh [build|test]" >&2
    exit 2
    ;;
esac

if ! command -v apt-get >/dev/null; then
  echo "install-deps: this script needs Debian or Ubuntu (apt-get). Elsewhere, install a C++20 compiler," >&2
  echo "install-deps: CMake >= 3.25, libcurl, toml++, Boost and nlohmann-json, then build with CMake (README)." >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
((${#missing[@]} > 0)) || exit 0

# sudo resets the environment: the variable goes through env.
as_root=(env DEBIAN_FRONTEND=noninteractive)
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: run this as root, or install sudo (missing: ${missing[*]})" >&2
    exit 1
  fi
  as_root=(sudo "${as_root[@]}")
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# apt's own output goes to a log, shown only when it fails.
run_logged() {
  if ! "${as_root[@]}" "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "install-deps: failed: $*" >&2
    exit 1
  fi
}
echo "install-deps: updating the package lists (apt-get update)"
run_logged apt-get update
echo "install-deps: installing ${missing[*]} and what they need (apt-get install;" \
  "a few minutes on a fresh machine)"
run_logged apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: installed $(grep -c '^Setting up ' "$log") packages"
