#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, on 127.0.0.1 and a free port.
#   pg-test-cluster.sh start   → prints two lines: the cluster folder, then an ADO.NET connection string
#   pg-test-cluster.sh stop DIR → stops the cluster and deletes the folder
# PostgreSQL refuses to run as root, so the cluster belongs to an unprivileged system user.
set -euo pipefail

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

case "${1:-}" in
  start)
    if ! bin=$(find_bin); then
      echo "installing PostgreSQL (Debian package postgresql)…" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
      bin=$(find_bin)
    fi
    user=jixiao_pg
    id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    dir=$(mktemp -d /tmp/jixiao-pg-XXXXXX)
    chown "$user" "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_user() { if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }
    as_user "$bin/initdb" -D "$dir/data" -A trust -U app -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "$dir"
    echo "Host=127.0.0.1;Port=$port;Username=app;Database=postgres;Pooling=true"
    ;;
  stop)
    dir=${2:?cluster folder}
    bin=$(find_bin) || exit 0
    if [ -d "$dir/data" ]; then
      if [ "$(id -u)" = 0 ]; then runuser -u jixiao_pg -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      else "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
