#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL 15 server in a temporary directory.
# Installs Debian's postgresql package when it is missing; stops and removes the server afterwards.
set -euo pipefail

bindir=/usr/lib/postgresql/15/bin
if [ ! -x "$bindir/postgres" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

tmp=$(mktemp -d /tmp/coopnet-pg.XXXXXX)
chmod 755 "$tmp"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  run_as_postgres "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

run_as_postgres "$bindir/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_as_postgres "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/coopnet"
run_as_postgres "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres coopnet
"$@"
