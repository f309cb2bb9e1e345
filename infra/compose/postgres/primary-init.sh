#!/bin/sh
# Runs once, when the primary's data directory is created: one database per service and a replication role.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE DATABASE vision;
CREATE DATABASE pilot;
CREATE DATABASE pd;
CREATE DATABASE partnership;
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
