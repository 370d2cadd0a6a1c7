#!/usr/bin/env bash
# Debian's chromium for the HTML report test; idempotent, skips when it is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
