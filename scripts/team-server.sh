#!/usr/bin/env bash
# A throw-away PostgreSQL on this machine with DealSheet's team tables and a demo team, for
# trying Sync with team. It listens on 127.0.0.1 only and runs until Ctrl-C; the server and
# its folder are removed on every exit.
#   bash scripts/team-server.sh [PORT]      (default 55432)
#   bash scripts/team-server.sh --check     starts, checks every demo login, stops
#   bash scripts/team-server.sh --run CMD   starts, runs CMD (PGHOST, PGPORT, PGDATABASE set;
#                                           e.g. tests/team_policies.sh), stops; CMD's status
#                                           (DEALSHEET_OWNER_PSQL: psql as the owner, for upgrades)
# DEALSHEET_TEAM_SQL_FILE: another register SQL to start from (an older release's, to test upgrades).
# Demo team: zhang (lead, 张伟), li and wang (members, 李娜 and 王强), zhao (viewer, 赵敏);
# each password is NAME-demo.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
check=0
run=""
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
if [ "${1:-}" = "--run" ]; then check=1; run=$2; shift 2; fi
default_port=55432
[ "$check" = 1 ] && default_port=$((50000 + RANDOM % 10000))
port=${1:-$default_port}
sql="${DEALSHEET_TEAM_SQL_FILE:-$here/server/dealsheet-team.sql}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL is not installed: bash scripts/deps.sh" >&2; exit 1
fi

dir=$(mktemp -d /tmp/dealsheet-team-XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
  chown postgres: "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log"
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -w -l "$dir/server.log" \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
psql=("${as_pg[@]}" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres)
"${psql[@]}" -d postgres -c "CREATE DATABASE dealsheet"
"${psql[@]}" -d dealsheet <"$sql"
"${psql[@]}" -d dealsheet >/dev/null <<'SQL'
SELECT dealsheet.add_salesperson('zhang', '张伟', 'lead', 'zhang-demo');
SELECT dealsheet.add_salesperson('li', '李娜', 'member', 'li-demo');
SELECT dealsheet.add_salesperson('wang', '王强', 'member', 'wang-demo');
SELECT dealsheet.add_salesperson('zhao', '赵敏', 'viewer', 'zhao-demo');
SQL

if [ -n "$run" ]; then
  PGHOST=127.0.0.1 PGPORT=$port PGDATABASE=dealsheet PSQL_BIN="$bin/psql" \
    DEALSHEET_OWNER_PSQL="${psql[*]} -d dealsheet" bash -c "$run"
  exit $?
fi

if [ "$check" = 1 ]; then
  for user in zhang li wang zhao; do
    got=$(PGPASSWORD="$user-demo" "$bin/psql" -X -A -t -h 127.0.0.1 -p "$port" -U "$user" \
      -d dealsheet -c "SELECT value FROM dealsheet.meta WHERE name = 'schema_version'")
    [ -n "$got" ] || { echo "login $user failed" >&2; exit 1; }
  done
  echo "team server: schema version $got, logins zhang li wang zhao work on port $port"
  exit 0
fi

cat <<EOF2
DealSheet team server on 127.0.0.1:$port (folder $dir), database "dealsheet".
In the workbook's Settings sheet (设置):
  团队数据库 / Team database        host=127.0.0.1 port=$port dbname=dealsheet
  团队数据库用户 / Team database user li      (or zhang, wang, zhao)
Passwords are never stored in the workbook. In a window, LibreOffice asks for it (li-demo);
for a headless office, start it with PGPASSWORD=li-demo or a ~/.pgpass line:
  127.0.0.1:$port:dealsheet:li:li-demo
Press Ctrl-C to stop the server and remove everything.
EOF2
while "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; do sleep 2; done
echo "the server stopped" >&2
exit 1
