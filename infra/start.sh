#!/usr/bin/env bash
# `npm start`: installs what is missing, starts PostgreSQL, Temporal, the worker and the API, waits
# until healthy, prints URLs and demo logins. Ctrl-C stops what this script started; data stays in
# .data/. Set DATABASE_URL / TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE to use existing services.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

started=()
children=()
cleanup() {
  trap - EXIT INT TERM
  log "stopping OrderPath"
  for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${children[@]}"; do wait "$pid" 2>/dev/null || true; done
  for s in "${started[@]}"; do "$ROOT/infra/$s.sh" down || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_node_modules

if [ -z "${DATABASE_URL:-}" ]; then
  "$ROOT/infra/postgres.sh" ready || started+=(postgres)
  "$ROOT/infra/postgres.sh" up
  export DATABASE_URL; DATABASE_URL=$("$ROOT/infra/postgres.sh" db orderpath)
fi
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  if ! port_open 7233; then started+=(temporal); fi
  "$ROOT/infra/temporal.sh" up
  export TEMPORAL_ADDRESS=127.0.0.1:7233
fi
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"

if [ "${NODE_ENV:-}" != production ] && [ -z "${JWT_SECRET:-}" ]; then
  # Demo mode: a secret generated once per install, so tokens survive restarts.
  [ -f "$DATA_DIR/jwt-secret" ] || (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DATA_DIR/jwt-secret")
  export JWT_SECRET; JWT_SECRET=$(cat "$DATA_DIR/jwt-secret")
fi

node -r @swc-node/register activities/db/migrate.ts
source "$ROOT/infra/designer-build.sh"
ensure_designer_build

PORT="${PORT:-3000}"
node -r @swc-node/register apps/worker/src/main.ts >"$DATA_DIR/worker.log" 2>&1 &
children+=($!)
node -r @swc-node/register apps/api/src/main.ts >"$DATA_DIR/api.log" 2>&1 &
children+=($!)

health() { curl -fsS "http://127.0.0.1:$PORT/api/health" 2>/dev/null | grep -q '"status":"ok"'; }
deadline=$((SECONDS + 120))
until health; do
  for pid in "${children[@]}"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$DATA_DIR/api.log" "$DATA_DIR/worker.log" >&2; die "a process exited during start; logs above"; }
  done
  [ "$SECONDS" -lt "$deadline" ] || die "API not healthy after 120s; see $DATA_DIR/api.log"
  sleep 0.5
done

cat <<MSG

  OrderPath is running.
    App            http://localhost:$PORT/            (designer, inbox, console, analytics)
    API            http://localhost:$PORT/api         (OpenAPI docs at /api/docs)
    Health         http://localhost:$PORT/api/health
    Temporal UI    http://localhost:8233/               (every order is a workflow: order-<id>)
    PostgreSQL     ${DATABASE_URL%%\?*}
    Logs           $DATA_DIR/api.log, $DATA_DIR/worker.log, $DATA_DIR/temporal.log
MSG
if [ "${NODE_ENV:-}" != production ]; then
  cat <<MSG
  Demo logins (demo mode only): admin, supervisor, rep1, rep2, rep3 — password: ${ORDERPATH_DEMO_PASSWORD:-demo}

MSG
fi
log "press Ctrl-C to stop"
wait -n "${children[@]}" || true
die "a process exited; see $DATA_DIR/api.log and $DATA_DIR/worker.log"
