#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for the store tests: Debian's `postgresql` package, a cluster made with
# `initdb` in a temp dir as the unprivileged `postgres` user, started with `pg_ctl`, and one database.
#
#   source .ci/postgres.sh     # exports CROSSCHECK_TEST_DATABASE_URL into the calling shell
#   bash .ci/postgres.sh       # prints the export line
#
# Idempotent: a second run finds the server answering and only (re)creates nothing. Works as root on a fresh
# Debian 12 machine, and as the `postgres` user itself. Sourced, it leaves the caller's shell options and working
# directory as they were, and a failure returns non-zero (which `set -e` in the caller turns into a failed run).
# Settings: CROSSCHECK_PG_PORT (55432), CROSSCHECK_PG_DIR (${TMPDIR:-/tmp}/crosscheck-pg).

crosscheck_postgres() (
  set -euo pipefail
  local port="${CROSSCHECK_PG_PORT:-55432}"
  local dir="${CROSSCHECK_PG_DIR:-${TMPDIR:-/tmp}/crosscheck-pg}"
  local db=crosscheck_test

  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi

  # As the unprivileged cluster owner: root runs the server's tools through runuser, never as itself.
  local user
  user="$(id -un)"
  as_owner() {
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$@"
    else
      "$@"
    fi
  }
  if [ "$(id -u)" = 0 ]; then
    user=postgres
    id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    mkdir -p "$dir"
    chown postgres: "$dir"
  else
    mkdir -p "$dir"
  fi
  chmod 700 "$dir"
  # The server's tools run as its owner, who may not be allowed into the checkout (a clone under /root).
  cd "$dir"

  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      # Trust on loopback only: a test database that lives as long as the machine's temp dir.
      as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
    fi
    # A server killed without a clean stop (the end of a session) leaves its pid file behind; the server refuses
    # to start while that pid belongs to a live process, which after a reboot may be any process at all.
    local pidfile="$dir/data/postmaster.pid" pid
    if [ -f "$pidfile" ]; then
      pid="$(head -n 1 "$pidfile")"
      if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != postgres ]; then
        rm -f "$pidfile" "$dir"/.s.PGSQL."$port".lock
      fi
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >&2 || {
      echo "postgres.sh: the server did not start; its log:" >&2
      tail -n 30 "$dir/server.log" >&2
      exit 1
    }
  fi

  local exists
  exists="$(as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'")"
  if [ "$exists" != 1 ]; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db"
  fi
  echo "postgres://$user@127.0.0.1:$port/$db"
)

if CROSSCHECK_TEST_DATABASE_URL="$(crosscheck_postgres)"; then
  export CROSSCHECK_TEST_DATABASE_URL
  echo "export CROSSCHECK_TEST_DATABASE_URL=$CROSSCHECK_TEST_DATABASE_URL"
else
  echo "postgres.sh: could not provide a PostgreSQL for the tests" >&2
  # `return` when sourced, `exit` when run.
  return 1 2>/dev/null || exit 1
fi
