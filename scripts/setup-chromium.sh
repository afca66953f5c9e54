#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the web UI's browser tests
# (test/ui-browser.test.ts drives it with playwright-core). Does nothing when it is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "warning: /usr/bin/chromium is missing and this is not root; the browser tests will be skipped" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
