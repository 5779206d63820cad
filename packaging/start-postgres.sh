#!/bin/sh
# Makes sure a PostgreSQL 15 cluster runs on 127.0.0.1:5432 with a role the tests can use, and prints
# the base URL the server tests take from CUNZHAN_TEST_PG. Idempotent; run as root on Debian 12
# (no systemd needed: pg_ctlcluster starts the server directly). Diagnostics go to stderr, so
# `export CUNZHAN_TEST_PG="$(./packaging/start-postgres.sh)"` captures the URL only.
set -eu

VERSION=15
CLUSTER=main
ROLE=cunzhan
PASSWORD=cunzhan

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1 "/" $2}' | grep -qx "$VERSION/$CLUSTER"; then
    echo "start-postgres: creating cluster $VERSION/$CLUSTER" >&2
    pg_createcluster "$VERSION" "$CLUSTER" >&2
fi
if ! pg_lsclusters -h | awk -v c="$CLUSTER" '$1 == "'"$VERSION"'" && $2 == c {print $4}' | grep -qx online; then
    echo "start-postgres: starting cluster $VERSION/$CLUSTER" >&2
    pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# Wait until the server accepts connections (a fresh start takes a moment).
tries=0
until su postgres -c "psql -qAtc 'SELECT 1'" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
        echo "start-postgres: the server does not accept connections" >&2
        exit 1
    fi
    sleep 1
done

su postgres -c "psql -qAt" >&2 <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
        CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
    ELSE
        ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
    END IF;
END
\$\$;
SQL

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:5432/"
