# Shared by the team's SQL-level tests (team_policies.sh, team_numbering.sh, team_bypass.sh):
# psql as one of scripts/team-server.sh's demo logins (password NAME-demo), ok/FAIL lines and
# the final count. Sourced, not run.
psql_bin=${PSQL_BIN:-psql}
failures=0

as() {  # as USER SQL: the result rows, fields joined by '|'; errors on stdout too
  PGPASSWORD="$1-demo" "$psql_bin" -X -q -A -t -U "$1" -v ON_ERROR_STOP=1 -c "$2" 2>&1
}
pass() { echo "ok: $1"; }
fail() {  # fail WHAT DETAIL-LINE...
  echo "FAIL: $1"
  shift
  for line in "$@"; do echo "  $line"; done
  failures=$((failures + 1))
}
expect() {  # expect USER SQL EXPECTED WHAT
  local got
  got=$(as "$1" "$2")
  if [ "$got" = "$3" ]; then pass "$4"; else fail "$4 ($1)" "sql:      $2" "expected: $3" "got:      $got"; fi
}
finish() {  # finish WHAT: the exit status of the script
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all $1 checks passed"
}
