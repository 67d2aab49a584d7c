#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests: installed from Debian if missing,
# initialised in a fresh folder, listening on 127.0.0.1 only, on a free port, with no
# password (trust, local tests only). Prints the URL to export as SPRO_TEST_POSTGRES_URL.
# Works as root in a container without systemd: the server runs as the `postgres` user.
# Stop it with: scripts/test_postgres.sh stop FOLDER
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
  folder="$2"
  runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" \
    -D "$folder/data" -m fast stop >/dev/null
  rm -rf "$folder"
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_postgres=()
[ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)

folder="$(mktemp -d /tmp/spro-test-postgres.XXXXXX)"
chmod 755 "$folder"
[ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"${as_postgres[@]}" "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 \
  --locale=C.UTF-8 >/dev/null
# fsync off: a throwaway test cluster, durability is not what the tests measure there. The
# benchmarks compare with SQLite's synchronous=FULL: SPRO_TEST_POSTGRES_FSYNC=on keeps it.
durability="-c fsync=off"
[ "${SPRO_TEST_POSTGRES_FSYNC:-off}" = "on" ] && durability=""
"${as_postgres[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c max_connections=200 $durability" \
  start >/dev/null
echo "postgresql://postgres@127.0.0.1:$port/postgres"
echo "$folder" >&2
