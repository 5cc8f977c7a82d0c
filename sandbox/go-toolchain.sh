# Makes a recent enough `go` the first on PATH for the sandbox build. Sourced after lib.sh, never run.
# Where the machine's go is missing or too old (Debian 12's golang-go is 1.19), Debian's golang-go is
# installed only to fetch the right toolchain: Go publishes each release as the Go module
# golang.org/toolchain, which even an old `go mod download` fetches (and checks against the checksum
# database). It is kept under $CACHE_ROOT/go, beside the sandbox binaries.
source "$SANDBOX_DIR/prereqs"

# Kubernetes 1.36's go.mod asks for Go 1.26; GO_TOOLCHAIN_VERSION is the release fetched when go is older.
GO_MIN_VERSION="1.26"
GO_TOOLCHAIN_VERSION="1.26.8"
GO_TOOLCHAIN_CACHE="$CACHE_ROOT/go"

# The version of the go binary first on PATH itself (GOTOOLCHAIN=local: no switching), e.g. 1.19.8.
go_local_version() {
  local v
  v=$(GOTOOLCHAIN=local go version 2>/dev/null | awk '{ print $3 }') || return 1
  printf '%s\n' "${v#go}"
}

go_is_recent_enough() {
  local v
  command -v go >/dev/null && v=$(go_local_version) && [ -n "$v" ] || return 1
  [ "$(printf '%s\n' "$GO_MIN_VERSION" "$v" | sort -V | head -n 1)" = "$GO_MIN_VERSION" ]
}

# Go's name for this machine's system and processor, as in the toolchain module's version.
go_platform() {
  local arch
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    i?86) arch=386 ;;
    armv6l | armv7l) arch=armv6l ;;
    *) arch="$(uname -m)" ;;
  esac
  printf '%s-%s\n' "$(uname -s | tr '[:upper:]' '[:lower:]')" "$arch"
}

ensure_go_toolchain() {
  go_is_recent_enough && return 0
  local module="golang.org/toolchain@v0.0.1-go$GO_TOOLCHAIN_VERSION.$(go_platform)"
  local goroot="$GO_TOOLCHAIN_CACHE/$module"
  if [ ! -x "$goroot/bin/go" ]; then
    if command -v go >/dev/null; then
      step "go $(go_local_version) is older than Go $GO_MIN_VERSION; fetching Go $GO_TOOLCHAIN_VERSION as the Go module $module"
    else
      step "no go here; installing Debian's golang-go to fetch Go $GO_TOOLCHAIN_VERSION as the Go module $module"
      ensure_debian_packages go:golang-go || return 1
    fi
    mkdir -p "$GO_TOOLCHAIN_CACHE"
    local out
    # -modcacherw keeps the unpacked files deletable, so removing the cache folder needs no chmod.
    out=$(cd "$GO_TOOLCHAIN_CACHE" && GOMODCACHE="$GO_TOOLCHAIN_CACHE" GOFLAGS=-modcacherw GOTOOLCHAIN=local \
      go mod download -json "$module" 2>&1) || { step "go mod download $module failed: $out"; return 1; }
    # Go before 1.21 unpacks modules without execute bits; set them as go itself does for the toolchains it fetches.
    local dir
    for dir in pkg/tool lib bin; do
      [ -d "$goroot/$dir" ] && find "$goroot/$dir" -type f -exec chmod a+x {} +
    done
    [ -x "$goroot/bin/go" ] || { step "$goroot/bin/go is missing after the download"; return 1; }
  fi
  export PATH="$goroot/bin:$PATH"
  go_is_recent_enough || { step "$goroot/bin/go does not run as Go $GO_MIN_VERSION or newer"; return 1; }
}
