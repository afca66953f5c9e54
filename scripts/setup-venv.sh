#!/usr/bin/env bash
# Creates the project-local virtualenv (.venv) holding the pinned moto server that the AWS
# tests talk to. Idempotent: does nothing when the pinned version is already there.
# scripts/run-tests.mjs (npm test, npm run test:unit, ...) runs it before any test that needs moto.
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_VERSION="5.2.5"
if [ -x .venv/bin/moto_server ] && .venv/bin/python -c "import moto,sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "setup-venv: python3 is not installed; the AWS tests need it for their moto server (Debian/Ubuntu: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if [ -L .venv ] && [ ! -e .venv ]; then
  # a dangling or looping link cannot be repaired from here; a local virtualenv replaces the link
  echo "setup-venv: .venv is a broken symlink (-> $(readlink .venv)); replacing it with a local virtualenv" >&2
  rm .venv
elif [ -L .venv ]; then
  # a shared virtualenv (a link to another checkout's) is never modified from here
  echo "setup-venv: .venv links to $(readlink .venv), which does not hold moto $MOTO_VERSION; fix that virtualenv or remove the link and run again" >&2
  exit 1
fi
echo "setup-venv: installing moto[server]==$MOTO_VERSION into .venv (once)" >&2
if ! python3 -m venv .venv; then
  echo "setup-venv: python3 cannot create a virtualenv (Debian/Ubuntu: apt-get install python3-venv)" >&2
  exit 1
fi
.venv/bin/pip install --quiet "moto[server]==$MOTO_VERSION"
