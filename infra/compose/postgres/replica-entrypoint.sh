#!/bin/sh
# A streaming replica: on first start copy the primary with pg_basebackup (-R writes primary_conninfo and
# standby.signal), then run as a hot standby. Later starts reuse the copy and resume streaming.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres -U "$POSTGRES_USER"; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h postgres -U replicator -D "$PGDATA" -R -X stream -C -S replica_1 -P
  chmod 0700 "$PGDATA"
fi
exec docker-entrypoint.sh postgres -c hot_standby=on
