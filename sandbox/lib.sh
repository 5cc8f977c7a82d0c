# Shared settings and helpers for the sandbox scripts. Sourced, never run.
# Everything built or started lives outside the repository, under $WHEELHOUSE_CACHE.

K8S_VERSION="${WHEELHOUSE_K8S_VERSION:-1.36.1}"
KWOK_VERSION="0.8.0"
CLUSTER_NAME="${WHEELHOUSE_CLUSTER:-wheelhouse}"

CACHE_ROOT="${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}"
SANDBOX_BIN="$CACHE_ROOT/sandbox/$K8S_VERSION/bin"
SANDBOX_STATE="$CACHE_ROOT/sandbox/state/$CLUSTER_NAME"
SANDBOX_KUBECONFIG="$SANDBOX_STATE/kubeconfig"
# kwokctl keeps its clusters under this folder (instead of ~/.kwok).
export KWOK_WORKDIR="$CACHE_ROOT/sandbox/kwok"

SANDBOX_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Ports for the API server and the helper; override if taken. kwokctl itself picks free ports
# counting down from 32767 for the other components, so stay clear of that range.
SANDBOX_APISERVER_PORT="${WHEELHOUSE_APISERVER_PORT:-36443}"
SANDBOX_ECHO_PORT="${WHEELHOUSE_ECHO_PORT:-38080}"

step() { printf '[sandbox] %s\n' "$*" >&2; }
fail() { printf '[sandbox] FAILED: %s\n' "$*" >&2; exit 1; }

kubectl_sb() { "$SANDBOX_BIN/kubectl" --kubeconfig "$SANDBOX_KUBECONFIG" "$@"; }
