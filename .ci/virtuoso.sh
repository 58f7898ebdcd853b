#!/usr/bin/env bash
# A throw-away Virtuoso (Debian's virtuoso-opensource-7) for the publish tests: its own database in DIR,
# listening on loopback only, with a user that may write through the Graph Store Protocol.
#
#   .ci/virtuoso.sh start DIR HTTP_PORT SQL_PORT   # needs PHARMALD_VIRTUOSO_PASSWORD in the environment
#   .ci/virtuoso.sh stop DIR
#
# After start: SPARQL at http://127.0.0.1:HTTP_PORT/sparql (read, no login), the Graph Store Protocol at
# http://127.0.0.1:HTTP_PORT/sparql-graph-crud-auth (HTTP Digest), user "pharmald" with the SPARQL_UPDATE
# role and the password from PHARMALD_VIRTUOSO_PASSWORD. dba keeps the fresh database's password "dba":
# the server listens on 127.0.0.1 only and is deleted with DIR.
set -euo pipefail

die() { echo "virtuoso.sh: $*" >&2; exit 1; }
command -v virtuoso-t >/dev/null || die "virtuoso-t not found: install the Debian package virtuoso-opensource-7"
command -v isql-vt >/dev/null || die "isql-vt not found: install the Debian package virtuoso-opensource-7"

isql() { isql-vt "127.0.0.1:$1" dba dba "exec=$2" >/dev/null 2>&1; }

case "${1:-}" in
start)
  [ $# -eq 4 ] || die "usage: $0 start DIR HTTP_PORT SQL_PORT"
  dir=$(realpath "$2"); http=$3; sql=$4
  : "${PHARMALD_VIRTUOSO_PASSWORD:?set PHARMALD_VIRTUOSO_PASSWORD to the password for user pharmald}"
  case "$PHARMALD_VIRTUOSO_PASSWORD" in *"'"*) die "the password may not contain a single quote";; esac
  mkdir -p "$dir"
  cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort         = 127.0.0.1:$sql
DisableUnixSocket  = 1
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = ., $dir
; about 1.3 GB of buffers at most; Virtuoso's default (10 000 buffers, 80 MB) is for small data
NumberOfBuffers    = 170000
MaxDirtyBuffers    = 130000
MaxQueryMem        = 1G

[HTTPServer]
ServerPort           = 127.0.0.1:$http
ServerRoot           = $dir
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8

[SPARQL]
; the default 10 000 would cut long answers short, silently for a client that ignores X-SPARQL-MaxRows
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 300
MaxQueryCostEstimationTime = 0
INI
  # exec: the pid recorded is virtuoso-t's own, so `stop` signals the server and not a shell around it.
  (cd "$dir" && exec virtuoso-t +configfile "$dir/virtuoso.ini" +foreground </dev/null >"$dir/stdout.log" 2>&1) &
  echo $! >"$dir/virtuoso.pid"
  for _ in $(seq 1 120); do
    if isql "$sql" "status();" && grep -q "HTTP server online" "$dir/virtuoso.log" 2>/dev/null; then break; fi
    kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null || die "virtuoso-t exited: $(tail -5 "$dir/virtuoso.log" "$dir/stdout.log" 2>/dev/null | tr '\n' ' ')"
    sleep 0.5
  done
  isql "$sql" "status();" || die "virtuoso-t did not answer on 127.0.0.1:$sql within 60 s"
  # The Graph Store Protocol at /sparql-graph-crud-auth lets in users with the SPARQL_UPDATE role.
  isql-vt "127.0.0.1:$sql" dba dba >"$dir/setup.log" 2>&1 <<SQL || die "setting up user pharmald failed: $(tail -3 "$dir/setup.log" | tr '\n' ' ')"
DB.DBA.USER_CREATE ('pharmald', '$PHARMALD_VIRTUOSO_PASSWORD');
GRANT SPARQL_UPDATE TO "pharmald";
SQL
  grep -q '\*\*\* Error' "$dir/setup.log" && die "setting up user pharmald failed: $(grep -m1 '\*\*\* Error' "$dir/setup.log")"
  echo "virtuoso: http://127.0.0.1:$http/sparql (pid $(cat "$dir/virtuoso.pid"), database in $dir)"
  ;;
stop)
  [ $# -eq 2 ] || die "usage: $0 stop DIR"
  dir=$2
  [ -f "$dir/virtuoso.pid" ] || exit 0
  pid=$(cat "$dir/virtuoso.pid")
  kill "$pid" 2>/dev/null || exit 0
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  ;;
*)
  die "usage: $0 start DIR HTTP_PORT SQL_PORT | stop DIR"
  ;;
esac
