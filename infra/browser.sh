#!/usr/bin/env bash
# Browser suites' prerequisites, sourced by infra/test.sh (or run alone: prints CHROMIUM_PATH):
#  - Debian's Chromium and CJK fonts (the UI has a 简体中文 mode), installed with apt-get when missing;
#  - designer/dist, type-checked and rebuilt by Vite only when its sources (or the template
#    language it bundles) changed since the last build.
# Exports CHROMIUM_PATH for test/browser and test/bench/designer.bench.ts. Idempotent.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/designer-build.sh"

apt_install() { # apt_install PACKAGE... — refreshes the package lists once if the first try fails
  [ "$(id -u)" = 0 ] || die "need root to apt-get install $*; install them, or set CHROMIUM_PATH"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2 \
    || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2; }
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
  if ! command -v chromium >/dev/null; then
    log "installing Debian's chromium for the browser tests"
    apt_install chromium
  fi
  if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    log "installing fonts-noto-cjk (Chinese UI screenshots)"
    apt_install fonts-noto-cjk || log "fonts-noto-cjk not installed: Chinese text will show as boxes"
  fi
  CHROMIUM_PATH=$(command -v chromium)
}

ensure_chromium
ensure_designer_build
export CHROMIUM_PATH

# Run directly (not sourced): say where Chromium is.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then echo "$CHROMIUM_PATH"; fi
