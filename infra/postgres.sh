#!/usr/bin/env bash
# Local PostgreSQL from the machine's Debian package, in a project-owned cluster.
#   infra/postgres.sh up        start the cluster if nothing answers on PGPORT (records that we started it)
#   infra/postgres.sh ready     exit 0 when something answers on PGPORT
#   infra/postgres.sh down      stop it, only if this project started it
#   infra/postgres.sh db NAME   create role `orderpath` and database NAME if missing; prints its URL
#   infra/postgres.sh recreate NAME   drop and create NAME (tests)
# Idempotent; runs as root (server processes run as the `postgres` user) or as a normal user.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PGPORT="${PGPORT:-5432}"
PG_USER_NAME=orderpath
PG_PASSWORD="${ORDERPATH_PG_PASSWORD:-orderpath}"

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$d" ]; then
    log "PostgreSQL is not installed; installing Debian's postgresql package"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2 || die "could not install postgresql"
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$d"
}

# The cluster must live where the `postgres` user can reach it; fall back to /var/tmp otherwise.
pg_dir() {
  local want="$DATA_DIR/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
    want="/var/tmp/orderpath-pg-$(echo "$ROOT" | md5sum | cut -c1-8)"
  fi
  echo "$want"
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; }

up() {
  if ready; then log "PostgreSQL already answers on :$PGPORT"; return 0; fi
  local dir; dir=$(pg_dir)
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $dir"
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"; chmod 700 "$dir"
    as_pg "$BIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
    cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
  fi
  sed -i "s/^port = .*//" "$dir/postgresql.conf"; echo "port = $PGPORT" >>"$dir/postgresql.conf"
  log "starting PostgreSQL on 127.0.0.1:$PGPORT"
  as_pg "$BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >&2 || { tail -20 "$dir/server.log" >&2; die "PostgreSQL did not start"; }
  echo "$dir" >"$DATA_DIR/pg.started-by-orderpath"
}

down() {
  local f="$DATA_DIR/pg.started-by-orderpath"
  [ -f "$f" ] || { log "PostgreSQL was not started by OrderPath; leaving it alone"; return 0; }
  as_pg "$BIN/pg_ctl" -D "$(cat "$f")" -m fast -w stop >&2 || true
  rm -f "$f"
}

psql_admin() { as_pg "$BIN/psql" -h "$(pg_dir)" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

ensure_db() {
  local name="$1"
  psql_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER_NAME') THEN CREATE ROLE $PG_USER_NAME LOGIN PASSWORD '$PG_PASSWORD'; END IF; END \$\$;" >&2
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    psql_admin -c "CREATE DATABASE \"$name\" OWNER $PG_USER_NAME" >&2
  fi
  echo "postgres://$PG_USER_NAME:$PG_PASSWORD@127.0.0.1:$PGPORT/$name"
}

recreate_db() {
  psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >&2
  ensure_db "$1"
}

BIN=$(pg_bin)
case "${1:-}" in
  up) up ;;
  ready) ready ;;
  down) down ;;
  db) ensure_db "${2:?database name}" ;;
  recreate) recreate_db "${2:?database name}" ;;
  *) die "usage: infra/postgres.sh up|down|db NAME|recreate NAME" ;;
esac
