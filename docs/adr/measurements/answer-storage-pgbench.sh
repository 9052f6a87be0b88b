#!/usr/bin/env bash
# Per-interview read and write rates for both answer shapes, after answer-storage.sql has run in database $1.
# Usage: docs/adr/measurements/answer-storage-pgbench.sh DBNAME   (PGHOST/PGPORT/PGUSER from the environment)
set -euo pipefail
db=${1:?database name}
here=$(dirname "$0")
psql -X -q -d "$db" -c "create table if not exists ids as select row_number() over () n, id from t_interview;
  create unique index if not exists ids_n on ids(n);
  create table if not exists tmpl as select question, item, code, num, txt from t_answer
    where interview_id = (select id from t_interview limit 1);"
pgbench=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pgbench
for f in typed-read jsonb-read typed-write jsonb-write; do
  printf '%-12s ' "$f"
  "$pgbench" -n -c 4 -j 2 -T 8 -f "$here/$f.pgbench" "$db" 2>/dev/null | grep -E 'tps|latency average' | tr '\n' ' '
  echo
done
