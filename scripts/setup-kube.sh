#!/usr/bin/env bash
# Builds the real kube-apiserver and etcd that the cluster-app tests and benchmarks start on
# 127.0.0.1. Both come from Go modules (no images, no downloads at test time) and are cached:
# a second run with the binaries present does nothing.
#   BALLAST_KUBE_CACHE  where the binaries and build modules live (default: <repo>/.cache/kube);
#                       point several checkouts at one folder to build once.
set -euo pipefail
cd "$(dirname "$0")/.."
K8S_VERSION="1.37.2"
STAGING_VERSION="0.37.2"
ETCD_VERSION="3.6.16"
CACHE="${BALLAST_KUBE_CACHE:-$PWD/.cache/kube}"
BIN="$CACHE/bin"
STAMP="$BIN/versions"
WANT="kube-apiserver v$K8S_VERSION; etcd v$ETCD_VERSION"
if [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/etcd" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$WANT" ]; then
  exit 0
fi
if ! command -v go >/dev/null; then
  echo "setup-kube: Go is needed to build kube-apiserver and etcd (https://go.dev/dl/)" >&2
  exit 1
fi
mkdir -p "$BIN"
# One build at a time per cache folder (several test runs may start together).
exec 9>"$CACHE/.lock"
flock 9
if [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/etcd" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$WANT" ]; then
  exit 0
fi
start=$(date +%s)
export GOFLAGS="-buildvcs=false -mod=mod"
export CGO_ENABLED=0

# etcd: a wrapper main around etcdmain, the same entry point as the etcd binary.
ETCD_MOD="$CACHE/src/etcd"
mkdir -p "$ETCD_MOD"
cat >"$ETCD_MOD/main.go" <<'GO'
// Wrapper so the etcd server can be built from its Go module alone.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
if [ ! -f "$ETCD_MOD/go.mod" ] || ! grep -q "v$ETCD_VERSION" "$ETCD_MOD/go.mod"; then
  rm -f "$ETCD_MOD/go.mod" "$ETCD_MOD/go.sum"
  (cd "$ETCD_MOD" && go mod init ballast.dev/kube-etcd >/dev/null 2>&1 && go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" >/dev/null && go mod tidy >/dev/null)
fi
echo "setup-kube: building etcd v$ETCD_VERSION" >&2
(cd "$ETCD_MOD" && go build -trimpath -ldflags='-s -w' -o "$BIN/etcd" .)

# kube-apiserver: k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with
# local folders, which a dependent module cannot see. The wrapper replaces each one with the
# published release of the same Kubernetes version.
API_MOD="$CACHE/src/kube-apiserver"
mkdir -p "$API_MOD"
if [ ! -f "$API_MOD/go.mod" ] || ! grep -q "k8s.io/kubernetes v$K8S_VERSION" "$API_MOD/go.mod"; then
  rm -f "$API_MOD/go.mod" "$API_MOD/go.sum"
  kmod=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')
  staging=$(sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9./-]*\) => ./staging/.*#\1#p' "$kmod")
  if [ -z "$staging" ]; then
    echo "setup-kube: found no staging modules in $kmod" >&2
    exit 1
  fi
  {
    echo "module ballast.dev/kube-apiserver"
    echo
    echo "go $(sed -n 's/^go \(.*\)/\1/p' "$kmod")"
    echo
    echo "require k8s.io/kubernetes v$K8S_VERSION"
    echo
    echo "replace ("
    for m in $staging; do echo "	$m => $m v$STAGING_VERSION"; done
    echo ")"
  } >"$API_MOD/go.mod"
  cat >"$API_MOD/main.go" <<'GO'
// Wrapper so kube-apiserver can be built from the k8s.io/kubernetes module.
package main

import (
	"os"

	_ "time/tzdata"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() { os.Exit(cli.Run(app.NewAPIServerCommand())) }
GO
  (cd "$API_MOD" && go mod tidy >/dev/null)
fi
echo "setup-kube: building kube-apiserver v$K8S_VERSION" >&2
(cd "$API_MOD" && go build -trimpath -ldflags='-s -w' -o "$BIN/kube-apiserver" .)

echo "$WANT" >"$STAMP"
echo "setup-kube: built $WANT into $BIN in $(( $(date +%s) - start ))s" >&2
