#!/usr/bin/env bash
# Local Temporal dev server (official CLI) with a SQLite file under .data/ and OrderPath's search
# attributes registered.
#   infra/temporal.sh up     start it in the background unless something answers on TEMPORAL_PORT
#   infra/temporal.sh down   stop it, only if this project started it
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
PIDFILE="$DATA_DIR/temporal.pid"

up() {
  if port_open "$TEMPORAL_PORT"; then log "Temporal already answers on :$TEMPORAL_PORT"; return 0; fi
  local cli; cli=$("$ROOT/infra/tools.sh" temporal-cli)
  log "starting Temporal dev server on :$TEMPORAL_PORT (Web UI :$TEMPORAL_UI_PORT), data in $DATA_DIR/temporal.db"
  # WAL keeps the SQLite store fast and crash-safe for a single local server.
  nohup "$cli" server start-dev \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$DATA_DIR/temporal.db" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
    --search-attribute OrderStage=Keyword --search-attribute OrderStatus=Keyword \
    --search-attribute TemplateKey=Keyword \
    --ui-disable-news-fetch --log-level warn >"$DATA_DIR/temporal.log" 2>&1 &
  echo $! >"$PIDFILE"
  wait_for "Temporal" 60 port_open "$TEMPORAL_PORT"
  wait_for "Temporal namespace default" 60 "$cli" operator namespace describe -n default --address "127.0.0.1:$TEMPORAL_PORT"
}

down() {
  [ -f "$PIDFILE" ] || { log "Temporal was not started by OrderPath; leaving it alone"; return 0; }
  kill "$(cat "$PIDFILE")" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: infra/temporal.sh up|down" ;;
esac
