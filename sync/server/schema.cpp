#include "schema.h"

#include "accounts.h"
#include "catalogue.h"
#include "orders.h"
#include "prices.h"
#include "store.h"

namespace cz::county {

namespace {

// The only type SQLite and PostgreSQL spell differently: an always-increasing 64-bit key.
QString serialKey(Backend backend) {
    return backend == Backend::Postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                        : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
}

QStringList version1(Backend backend) {
    return {
        QStringLiteral(
            "CREATE TABLE stations (id TEXT PRIMARY KEY, name TEXT NOT NULL, township TEXT NOT NULL,"
            " token_hash TEXT UNIQUE, enrol_code_hash TEXT UNIQUE, enrol_expires_at BIGINT,"
            " revoked_at BIGINT, created_at BIGINT NOT NULL, last_seen_at BIGINT)"),
        QStringLiteral(
            "CREATE TABLE reviewers (id TEXT PRIMARY KEY, name TEXT NOT NULL, township TEXT NOT NULL,"
            " token_hash TEXT NOT NULL UNIQUE, revoked_at BIGINT, created_at BIGINT NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE ops (op_id TEXT PRIMARY KEY, station_id TEXT NOT NULL REFERENCES stations(id),"
            " seq BIGINT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL,"
            " digest TEXT NOT NULL, payload TEXT NOT NULL, schema_version INTEGER NOT NULL,"
            " created_at BIGINT NOT NULL, received_at BIGINT NOT NULL, outcome TEXT NOT NULL,"
            " reason_code TEXT, reason TEXT)"),
        QStringLiteral("CREATE INDEX ops_station ON ops(station_id, outcome)"),
        QStringLiteral("CREATE TABLE parcels (station_id TEXT NOT NULL REFERENCES stations(id),"
                       " parcel_id TEXT NOT NULL, waybill TEXT NOT NULL, status TEXT NOT NULL,"
                       " updated_at BIGINT NOT NULL, PRIMARY KEY (station_id, parcel_id))"),
        QStringLiteral("CREATE TABLE changes (seq %1, station_id TEXT, kind TEXT NOT NULL, key TEXT NOT NULL,"
                       " data TEXT, created_at BIGINT NOT NULL)")
            .arg(serialKey(backend)),
        QStringLiteral("CREATE INDEX changes_key ON changes(kind, key, station_id)"),
        QStringLiteral(
            "CREATE TABLE notices (id TEXT PRIMARY KEY, station_id TEXT NOT NULL REFERENCES stations(id),"
            " parcel_id TEXT NOT NULL, kind TEXT NOT NULL, phone TEXT NOT NULL,"
            " pickup_code TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX notices_state ON notices(state)"),
    };
}

// Abuse hardening: parcels ordered by the station's own op sequence, not its clock; enrolment
// codes found by a public id and checked against a salted slow hash; indexes for the high-water
// mark of a station's ops and for the SMS quotas.
QStringList version2() {
    return {
        QStringLiteral("ALTER TABLE parcels ADD COLUMN seq BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE stations ADD COLUMN enrol_code_id TEXT"),
        QStringLiteral("CREATE INDEX stations_enrol_code ON stations(enrol_code_id)"),
        QStringLiteral("CREATE INDEX ops_station_seq ON ops(station_id, seq)"),
        QStringLiteral("CREATE INDEX notices_phone ON notices(phone, created_at)"),
        QStringLiteral("CREATE INDEX notices_station ON notices(station_id, created_at)"),
        QStringLiteral("CREATE INDEX notices_parcel ON notices(station_id, parcel_id)"),
    };
}

} // namespace

QList<QStringList> migrations(Backend backend) {
    return {
        version1(backend),        version2(),
        ordersSchema(backend),    // 3: proxy orders (orders.cpp)
        pricesSchema(backend),    // 4: waybill blocks assigned to stations (prices.cpp)
        catalogueSchema(),        // 5: the county's catalogue (catalogue.cpp)
        pricesWithdrawalSchema(), // 6: withdrawn waybill blocks (prices.cpp)
        batchKeySchema(),         // 7: stations' batch-signing keys (accounts.cpp)
    };
}

} // namespace cz::county
