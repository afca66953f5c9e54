#!/usr/bin/env bash
# Creates the project-local virtualenv (.venv) holding the pinned moto server that the AWS
# tests talk to. Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
MOTO_VERSION="5.2.5"
if [ -x .venv/bin/moto_server ] && .venv/bin/python -c "import moto,sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet "moto[server]==$MOTO_VERSION"
