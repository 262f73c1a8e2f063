#!/usr/bin/env bash
# The customer list benchmark: a scratch database with 1,000,000 customers, the query plans of
# the list, contact list, customer page and cap check, written to bench/results/explain-<date>.txt.
# See bench/README.md.
#
#   bench/explain-customer-list.sh                 # create, load, explain, drop
#   KEEP=1 bench/explain-customer-list.sh          # keep the database "tidecrm_bench" afterwards
#   REUSE=1 bench/explain-customer-list.sh         # explain again on a kept database, as it is
#   ROWS=50000 OUT=/tmp/x.txt bench/...            # a quick smaller run
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-tidecrm_bench}
ROWS=${ROWS:-1000000}
OUT=${OUT:-bench/results/explain-$(date +%F).txt}
MIGRATIONS=src/main/resources/db/migration
INDEX_MIGRATION=V9__customer_list_indexes.sql
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
log() { echo "[$(date +%T)] $*" >&2; }

mkdir -p "$(dirname "$OUT")"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/plans"

# Migrations in version order, as Flyway applies them.
migrations() { for f in "$MIGRATIONS"/V*__*.sql; do v=${f##*/V}; echo "${v%%__*} $f"; done | sort -V | cut -d' ' -f2-; }

explain_phase() { # $1 = phase name
    log "explain ($1): warming the cache"
    psql_db -v now="$NOW" -f bench/explain-customer-list.sql >/dev/null
    log "explain ($1)"
    { echo; echo "################ phase: $1 ################"; echo
      psql_db -v now="$NOW" -f bench/explain-customer-list.sql; } | tee -a "$WORK/plans" >/dev/null
    if [[ -f bench/explain-proposed.sql && "$1" != before* ]]; then
        log "explain ($1): proposed SQL"
        psql_db -v now="$NOW" -f bench/explain-proposed.sql >/dev/null
        { echo; echo "################ phase: $1, proposed SQL (not yet in the code) ################"; echo
          psql_db -v now="$NOW" -f bench/explain-proposed.sql; } | tee -a "$WORK/plans" >/dev/null
    fi
}

GENERATION="(reused database)"
if [[ "${REUSE:-0}" != 1 ]]; then
    NOW=${NOW:-$(date +'%Y-%m-%d %H:%M:%S%z')}
    log "creating database $DB on $PGHOST:$PGPORT"
    psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB ENCODING 'UTF8'"
    for f in $(migrations); do
        [[ ${f##*/} == "$INDEX_MIGRATION" ]] && continue # applied after the first measurement
        psql_db -f "$f" >/dev/null
    done
    log "generating $ROWS customers"
    start=$(date +%s)
    psql_db -v now="$NOW" -v rows="$ROWS" -f bench/customers-1m.sql >/dev/null
    GENERATION="$(( $(date +%s) - start )) s"
    log "generated in $GENERATION"
    psql_db -c "CREATE TABLE bench_meta AS SELECT CAST('$NOW' AS timestamptz) AS now"
    explain_phase "before $INDEX_MIGRATION (migrations as they were)"
    if [[ -f "$MIGRATIONS/$INDEX_MIGRATION" ]]; then
        log "applying $INDEX_MIGRATION"
        start=$(date +%s)
        psql_db -f "$MIGRATIONS/$INDEX_MIGRATION" >/dev/null
        V9_TIME="$(( $(date +%s) - start )) s"
        psql_db -c "VACUUM (ANALYZE) customer" >/dev/null
        explain_phase "after $INDEX_MIGRATION (applied in $V9_TIME on the loaded table)"
    fi
else
    NOW=$(psql_db -At -c "SELECT CAST(now AS text) FROM bench_meta")
    explain_phase "current state of the kept database"
fi

{
    echo "Tide CRM customer list benchmark, $(date +'%F %T %z')"
    echo "Commit $(git describe --always --dirty 2>/dev/null || echo "?"), $(psql_db -At -c 'SELECT version()')"
    echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB RAM;" \
        "shared_buffers $(psql_db -At -c 'SHOW shared_buffers'), work_mem $(psql_db -At -c 'SHOW work_mem')," \
        "random_page_cost $(psql_db -At -c 'SHOW random_page_cost')"
    echo "Data generated in $GENERATION (bench/customers-1m.sql, including index builds and VACUUM ANALYZE); now = $NOW"
    echo
    echo "== data"
    psql_db -P footer=off -c "
        SELECT (SELECT count(*) FROM customer) AS customers,
               (SELECT count(*) FROM customer WHERE owner_id IS NULL) AS in_pool,
               (SELECT count(*) FROM customer WHERE tags <> '{}') AS tagged,
               (SELECT count(*) FROM customer WHERE next_follow_up_at IS NOT NULL) AS with_next_follow_up,
               (SELECT count(*) FROM contact) AS contacts,
               (SELECT count(*) FROM follow_up) AS follow_ups,
               (SELECT count(*) FROM app_user) AS users" \
        -c "
        SELECT min(n) AS min_per_rep, percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median_per_rep,
               max(n) AS max_per_rep, count(*) AS owners
        FROM (SELECT count(*) AS n FROM customer WHERE owner_id IS NOT NULL GROUP BY owner_id) x" \
        -c "
        SELECT relname AS \"table\", pg_size_pretty(pg_table_size(oid)) AS heap,
               pg_size_pretty(pg_indexes_size(oid)) AS indexes
        FROM pg_class WHERE relname IN ('customer', 'contact', 'follow_up') ORDER BY relname" \
        -c "
        SELECT indexrelname AS index, pg_size_pretty(pg_relation_size(indexrelid)) AS size
        FROM pg_stat_user_indexes WHERE relname = 'customer' ORDER BY indexrelname"
    echo "== summary (ms = execution time of EXPLAIN ANALYZE, warm cache; buffers = pages touched by the"
    echo "   whole statement; 'removed' = rows read and thrown away by filters)"
    echo
    awk '
        function flush() {
            if (id == "") return
            printf "%-5s %9s ms %8s buf %9s removed  %-62s %s\n", id, ms, buf, removed, substr(idx, 3), notes
        }
        /^################ phase:/ { flush(); id = ""; print ""; print; next }
        /^=== / { flush(); id = $2; ms = "?"; buf = 0; gotbuf = 0; removed = 0; idx = ""; notes = "";
                  label = substr($0, 5 + length($2)); print_label[id] = label; next }
        id == "" { next }
        /Execution Time:/ { ms = $3 }
        /Buffers: shared/ && !gotbuf && !planning {
            n = 0; if (match($0, /hit=[0-9]+/)) n += substr($0, RSTART + 4, RLENGTH - 4)
            if (match($0, /read=[0-9]+/)) n += substr($0, RSTART + 5, RLENGTH - 5); buf = n; gotbuf = 1 }
        /^ *Planning:/ { planning = 1 }
        /Planning Time:/ { planning = 0 }
        /Rows Removed by (Filter|Index Recheck):/ { removed += $NF }
        /(Index|Index Only) Scan( Backward)? using/ {
            for (i = 1; i <= NF; i++) if ($i == "using") name = $(i + 1)
            if (index(idx, ", " name) == 0) idx = idx ", " name }
        /Bitmap Index Scan on/ {
            for (i = 1; i <= NF; i++) if ($i == "on") name = $(i + 1)
            if (index(idx, ", " name) == 0) idx = idx ", " name "(bitmap)" }
        /Seq Scan on/ { for (i = 1; i <= NF; i++) if ($i == "on") t = $(i + 1); if (index(notes, "SEQ SCAN " t) == 0) notes = notes " SEQ SCAN " t }
        /Sort Method:/ { sub(/.*Sort Method: /, ""); sub(/  Memory.*|  Disk.*/, ""); if (index(notes, "sort " $0) == 0) notes = notes " sort " $0 }
        END { flush() }
    ' "$WORK/plans" | sed 's/^/  /'
    echo
    echo "== labels"
    cat bench/explain-customer-list.sql $([[ -f bench/explain-proposed.sql ]] && echo bench/explain-proposed.sql) \
        | grep "^.echo '=== " | sed "s/^.echo '=== /  /; s/'\$//; s/''/'/g"
    echo
    echo "== plans"
    cat "$WORK/plans"
} >"$OUT"
log "wrote $OUT ($(du -h "$OUT" | cut -f1))"

if [[ "${KEEP:-0}" == 1 || "${REUSE:-0}" == 1 ]]; then
    log "kept database $DB (drop it with: psql -h $PGHOST -U $PGUSER -c 'DROP DATABASE $DB')"
else
    psql_admin -c "DROP DATABASE $DB WITH (FORCE)"
    log "dropped database $DB"
fi
