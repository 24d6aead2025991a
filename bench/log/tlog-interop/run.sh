#!/usr/bin/env bash
# Builds tlog-interop offline (GOPATH mode against Debian's golang-golang-x-mod-dev) and runs it
# with the given arguments, e.g.
#   ./run.sh -url http://localhost:8080/log -key "$(curl -s localhost:8080/log/key)"
# Exit status: that of tlog-interop (0 OK, 1 a check failed, 2 usage), or 3 when Go or x/mod is
# missing or the build fails.
# TLOG_INTEROP_BIN_DIR: where the binary goes (default ${TMPDIR:-/tmp}/labtrust-tlog-interop).
# GOPATH_XMOD: the GOPATH that holds golang.org/x/mod (default /usr/share/gocode).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin_dir=${TLOG_INTEROP_BIN_DIR:-${TMPDIR:-/tmp}/labtrust-tlog-interop}
xmod_gopath=${GOPATH_XMOD:-/usr/share/gocode}
apt_hint="install them with: apt-get install -y golang-go golang-golang-x-mod-dev"

# build_go DIR OUTPUT: builds the main package in DIR without network access.
build_go() {
  if ! command -v go >/dev/null 2>&1; then
    echo "run.sh: the go command is not installed (Debian package golang-go); $apt_hint" >&2
    exit 3
  fi
  for pkg in note tlog; do
    if [ ! -d "$xmod_gopath/src/golang.org/x/mod/sumdb/$pkg" ]; then
      echo "run.sh: golang.org/x/mod/sumdb/$pkg not found under $xmod_gopath/src" \
        "(Debian package golang-golang-x-mod-dev); $apt_hint" >&2
      exit 3
    fi
  done
  mkdir -p "$bin_dir"
  local gocache=${GOCACHE:-}
  if [ -z "$gocache" ] && [ -z "${HOME:-}" ]; then gocache=$bin_dir/gocache; fi
  if ! (cd "$1" && env GO111MODULE=off GOPATH="$xmod_gopath" GOPROXY=off GOFLAGS= \
          ${gocache:+GOCACHE="$gocache"} go build -o "$2" .); then
    echo "run.sh: building $1 failed (go: $(go version 2>&1))" >&2
    exit 3
  fi
}

# Sourced by selftest.sh for build_go only.
if [ "${TLOG_INTEROP_SOURCE_ONLY:-}" = 1 ]; then return 0; fi

build_go "$here" "$bin_dir/tlog-interop"
exec "$bin_dir/tlog-interop" "$@"
