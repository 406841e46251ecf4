#!/usr/bin/env bash
# `npm test`: every test, against real services in their own database and Temporal servers, so a
# running `npm start` is never touched. Extra arguments go to Jest (e.g. `npm test -- --selectProjects unit`).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

started_pg=0
cleanup() { [ "$started_pg" = 1 ] && "$ROOT/infra/postgres.sh" down || true; }
trap cleanup EXIT

ensure_node_modules

log "type-checking and linting"
npx tsc -p tsconfig.json --noEmit
npx eslint --max-warnings 0 .

"$ROOT/infra/postgres.sh" ready || started_pg=1
"$ROOT/infra/postgres.sh" up
export TEST_DATABASE_URL; TEST_DATABASE_URL=$("$ROOT/infra/postgres.sh" recreate orderpath_test)
DATABASE_URL="$TEST_DATABASE_URL" node -r @swc-node/register activities/db/migrate.ts
# Each Jest file starts its own throwaway Temporal dev server / time-skipping server from these.
export TEMPORAL_CLI_PATH; TEMPORAL_CLI_PATH=$("$ROOT/infra/tools.sh" temporal-cli)
export TEMPORAL_TEST_SERVER_PATH; TEMPORAL_TEST_SERVER_PATH=$("$ROOT/infra/tools.sh" test-server)
export ORDERPATH_LOGIN_LIMIT=100000

# Browser suites: Chromium (+ CJK fonts) and a current designer/dist; exports CHROMIUM_PATH.
source "$ROOT/infra/browser.sh"

npx jest --ci --maxWorkers=2 "$@"
