# A throwaway PostgreSQL cluster for tests: a temporary folder, a unix socket only (no TCP),
# removed on exit. Source this file, then call start_throwaway_postgres; it exports
# MAPLACE_TEST_POSTGRES_URL.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

# Runs a PostgreSQL program as a user it accepts: initdb refuses to run as root.
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_throwaway_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=
}

start_throwaway_postgres() {
  pg_dir=$(mktemp -d /tmp/maplace-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
  as_pg_user "$pg_bin/initdb" -D "$pg_dir/data" -U maplace --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log"; return 1; }
  as_pg_user "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$pg_dir' -c fsync=on" \
    start >/dev/null || { cat "$pg_dir/server.log"; return 1; }
  as_pg_user "$pg_bin/createdb" -h "$pg_dir" -U maplace maplace_test
  export MAPLACE_TEST_POSTGRES_URL="postgresql://maplace@/maplace_test?host=$pg_dir"
}
