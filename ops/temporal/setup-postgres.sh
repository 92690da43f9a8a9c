#!/bin/sh
# One-shot schema setup of Temporal's two databases on PostgreSQL (the `temporal-schema` service of
# docker-compose.yml, run by temporalio/admin-tools before the server starts), as in Temporal's own compose
# examples. Safe to run again: `create` accepts an existing database, `setup-schema -v 0.0` keeps a newer
# version, `update-schema` applies only what is missing, so upgrading the images upgrades the schema.
set -eu
: "${POSTGRES_SEEDS:?POSTGRES_SEEDS is required}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD is required}"
PORT="${DB_PORT:-5432}"
SCHEMA=/etc/temporal/schema/postgresql/v12

echo "Waiting for PostgreSQL at ${POSTGRES_SEEDS}:${PORT}..."
nc -z -w 10 "${POSTGRES_SEEDS}" "${PORT}"

sql() {
  temporal-sql-tool --plugin postgres12 --ep "${POSTGRES_SEEDS}" -p "${PORT}" -u "${POSTGRES_USER}" "$@"
}

for pair in temporal:temporal temporal_visibility:visibility; do
  db="${pair%%:*}"
  dir="${pair##*:}"
  echo "Schema of ${db}..."
  sql --db "${db}" create
  sql --db "${db}" setup-schema -v 0.0
  sql --db "${db}" update-schema -d "${SCHEMA}/${dir}/versioned"
done
echo "Temporal schema is up to date."
