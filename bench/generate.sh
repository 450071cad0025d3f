#!/usr/bin/env bash
# Runs the benchmark data generator (bench/generate.sql) against the database given by the usual
# PG* variables and prints the elapsed time. Extra arguments go to psql, e.g. -v entries=200000.
set -euo pipefail
export PGHOST="${PGHOST:-localhost}" PGPORT="${PGPORT:-55432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}"
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "Generating benchmark data in ${PGUSER}@${PGHOST}:${PGPORT}/${PGDATABASE} …"
start=$(date +%s)
psql -X -v ON_ERROR_STOP=1 "$@" -f "$dir/generate.sql"
end=$(date +%s)
elapsed=$((end - start))
printf 'Elapsed: %dm %02ds (%d s)\n' $((elapsed / 60)) $((elapsed % 60)) "$elapsed"
