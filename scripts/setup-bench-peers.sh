#!/usr/bin/env bash
# Builds OpenTofu from the Go module proxy, as a benchmark peer beside terraform (benchmarks only:
# no test needs it). The module's go.mod has a replace directive, so `go install module@version`
# refuses it; it is built from the downloaded module source instead. Prints the folder to put on
# the PATH:  PATH="$(bash scripts/setup-bench-peers.sh):$PATH" npm run bench -- startup
set -euo pipefail
VERSION="${BALLAST_TOFU_VERSION:-v1.12.6}"
OUT="${BALLAST_BENCH_PEERS_DIR:-$HOME/.cache/ballast/bench-peers}"
BIN="$OUT/tofu-$VERSION"
if [ ! -x "$BIN/tofu" ]; then
  src="$(cd "$(mktemp -d)" && go mod download -json "github.com/opentofu/opentofu@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  work="$OUT/src-$VERSION"
  rm -rf "$work" && mkdir -p "$OUT" && cp -r "$src" "$work" && chmod -R u+w "$work"
  (cd "$work" && go build -trimpath -ldflags="-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$BIN/tofu.tmp" ./cmd/tofu) >&2
  mv "$BIN/tofu.tmp" "$BIN/tofu"
  rm -rf "$work"
fi
echo "$BIN"
