#!/usr/bin/env bash
# Installs the Debian packages dbcurl needs to build and test, when missing.
# Safe to run again: it installs nothing when everything is there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config          # toolchain
  libcurl4-openssl-dev libtomlplusplus-dev  # libcurl, toml++ (used header-only)
  libboost-dev                              # Boost.Process (header-only)
  nlohmann-json3-dev                        # JSON: databricks CLI output, token cache, pages
  catch2                                    # unit tests
  curl openssl python3                      # integration tests: reference curl, test certificates, servers
  nginx-light                               # integration tests: a real HTTP/2 server (canary matrix)
  python3-keyring python3-keyrings.alt      # the keyring recipe, tested with the real keyring CLI
  clang-format                              # style check
  clang libclang-rt-dev                     # libFuzzer targets
  bash-completion zsh fish tmux             # completion tests, in the real shells
  groff-base man-db mandoc                  # man page rendering and lint
  dpkg-dev rpm lintian                      # packages: shlibdeps, rpmbuild, lint
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
