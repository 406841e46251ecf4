#!/usr/bin/env bash
# `npm run bench [-- NAME…]`: the benchmarks of test/bench against real services — PostgreSQL (the
# database orderpath_bench, recreated each run) and throwaway Temporal dev servers on free ports —
# so a running `npm start` is never touched. Prints a table, writes test/bench/results/latest.json.
# Stops what it started. Exit status 1 only when a benchmark crashed (a missed target is not).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

started_pg=0
cleanup() { if [ "$started_pg" = 1 ]; then "$ROOT/infra/postgres.sh" down || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -d "$ROOT/node_modules/@swc-node/register" ] || die "dependencies are missing: run \`npm ci\` (or \`npm test\` / \`npm start\`, which install them) first"

"$ROOT/infra/postgres.sh" ready || started_pg=1
"$ROOT/infra/postgres.sh" up
export DATABASE_URL; DATABASE_URL=$("$ROOT/infra/postgres.sh" recreate orderpath_bench)
node -r @swc-node/register activities/db/migrate.ts >&2
export TEMPORAL_CLI_PATH; TEMPORAL_CLI_PATH=$("$ROOT/infra/tools.sh" temporal-cli)
# The designer benchmarks need a current designer/dist and Chromium (exports CHROMIUM_PATH).
source "$ROOT/infra/browser.sh"

log "benchmarks: ${*:-all} (each takes up to ~3 minutes; other load on this machine skews the figures)"
node -r @swc-node/register test/bench/run.ts "$@"
