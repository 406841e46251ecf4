#!/usr/bin/env bash
# Defines ensure_designer_build: type-checks and builds designer/dist (the SPA the API serves) when
# its sources, or the template language it bundles, changed since the last build. Sourced by
# infra/start.sh and infra/browser.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Everything Vite bundles into designer/dist: a change in any of it means a rebuild.
designer_inputs_hash() {
  (cd "$ROOT" && find designer/src designer/index.html designer/bench.html designer/vite.config.mjs designer/tsconfig.json \
      designer/package.json workflows/definition -type f ! -name '*.spec.ts' -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

ensure_designer_build() {
  local stamp="$ROOT/designer/dist/.inputs-sha256" hash
  hash=$(designer_inputs_hash)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then return; fi
  log "type-checking and building the designer (designer/dist)"
  (cd "$ROOT" && npx tsc -p designer/tsconfig.json && npm run build -w @orderpath/designer --silent) >&2
  echo "$hash" >"$stamp"
}
