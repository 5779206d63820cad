#include "migrations.h"

#include "accounts.h"
#include "catalogue.h"
#include "dispatch.h"
#include "orders.h"
#include "shelves.h"
#include "staff.h"

namespace cz {

namespace {

QStringList version1() {
    return {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
        // The sync outbox: one row per state change, written in the same transaction.
        QStringLiteral("CREATE TABLE outbox ("
                       " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " op_id TEXT NOT NULL UNIQUE,"
                       " entity TEXT NOT NULL,"
                       " entity_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " payload TEXT NOT NULL,"
                       " schema_version INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " acked_at INTEGER,"
                       " result TEXT)"),
        QStringLiteral("CREATE INDEX outbox_pending ON outbox(seq) WHERE acked_at IS NULL"),
        QStringLiteral("CREATE TABLE carrier ("
                       " code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
                       " sort INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE carrier_rule ("
                       " id INTEGER PRIMARY KEY,"
                       " carrier TEXT NOT NULL REFERENCES carrier(code),"
                       " pattern TEXT NOT NULL,"
                       " priority INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE slot ("
                       " shelf TEXT NOT NULL, layer INTEGER NOT NULL, capacity INTEGER NOT NULL,"
                       " shelf_sort INTEGER NOT NULL, PRIMARY KEY (shelf, layer))"),
        // Current state of each parcel, kept alongside its append-only events.
        QStringLiteral("CREATE TABLE parcel ("
                       " id TEXT PRIMARY KEY,"
                       " waybill TEXT NOT NULL,"
                       " carrier TEXT NOT NULL REFERENCES carrier(code),"
                       " phone TEXT,"
                       " phone_tail TEXT NOT NULL,"
                       " name TEXT,"
                       " delivery_pref TEXT NOT NULL,"
                       " shelf TEXT,"
                       " layer INTEGER,"
                       " code_seq INTEGER,"
                       " pickup_code TEXT,"
                       " status TEXT NOT NULL,"
                       " in_station INTEGER NOT NULL,"
                       " received_at INTEGER NOT NULL,"
                       " picked_up_at INTEGER,"
                       " collector TEXT,"
                       " fee_fen INTEGER NOT NULL DEFAULT 0,"
                       " return_reason TEXT,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE UNIQUE INDEX parcel_code_in_station ON parcel(pickup_code) WHERE in_station = 1"),
        QStringLiteral(
            "CREATE UNIQUE INDEX parcel_waybill_in_station ON parcel(waybill) WHERE in_station = 1"),
        QStringLiteral("CREATE INDEX parcel_tail_in_station ON parcel(phone_tail) WHERE in_station = 1"),
        QStringLiteral("CREATE INDEX parcel_slot_waiting ON parcel(shelf, layer) WHERE status = 'waiting'"),
        QStringLiteral("CREATE INDEX parcel_waybill ON parcel(waybill)"),
        QStringLiteral("CREATE INDEX parcel_phone ON parcel(phone, received_at)"),
        QStringLiteral("CREATE INDEX parcel_status_received ON parcel(status, received_at)"),
        QStringLiteral("CREATE INDEX parcel_received ON parcel(received_at)"),
        QStringLiteral("CREATE TABLE parcel_event ("
                       " id TEXT PRIMARY KEY,"
                       " parcel_id TEXT NOT NULL REFERENCES parcel(id),"
                       " kind TEXT NOT NULL,"
                       " at INTEGER NOT NULL,"
                       " data TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX parcel_event_parcel ON parcel_event(parcel_id, at)"),
        // Carriers and rules of shared/REFERENCE.md; the county replaces them through sync later.
        QStringLiteral("INSERT INTO carrier(code, name_zh, name_en, sort) VALUES"
                       " ('SF', '顺丰', 'SF Express', 1),"
                       " ('EMS', '中国邮政/EMS', 'China Post / EMS', 2),"
                       " ('YTO', '圆通', 'YTO Express', 3),"
                       " ('ZTO', '中通', 'ZTO Express', 4),"
                       " ('STO', '申通', 'STO Express', 5),"
                       " ('YUNDA', '韵达', 'Yunda Express', 6),"
                       " ('JT', '极兔', 'J&T Express', 7),"
                       " ('JD', '京东', 'JD Logistics', 8),"
                       " ('DEPPON', '德邦', 'Deppon', 9),"
                       " ('BEST', '百世', 'Best Express', 10),"
                       " ('CAINIAO', '菜鸟', 'Cainiao', 11),"
                       " ('OTHER', '其他', 'Other', 99)"),
        QStringLiteral("INSERT INTO carrier_rule(carrier, pattern, priority) VALUES"
                       " ('SF', '^SF\\d{13}$', 100),"
                       " ('SF', '^\\d{12}$', 10),"
                       " ('EMS', '^[981]\\d{12}$', 40),"
                       " ('EMS', '^P[A-Z]\\d{11}$', 90),"
                       " ('EMS', '^[A-Z]{2}\\d{9}[A-Z]{2}$', 90),"
                       " ('YTO', '^YT\\d{12,13}$', 100),"
                       " ('ZTO', '^7\\d{13}$', 50),"
                       " ('ZTO', '^\\d{12}$', 10),"
                       " ('STO', '^(77|43)\\d{12,15}$', 50),"
                       " ('YUNDA', '^[34]\\d{14}$', 40),"
                       " ('YUNDA', '^5\\d{12}$', 40),"
                       " ('JT', '^JT\\d{12,13}$', 100),"
                       " ('JD', '^JD[A-Z0-9]{2}\\d{11}$', 100),"
                       " ('JD', '^JD[XK]\\d{12}$', 100),"
                       " ('JD', '^JDV[A-Z]\\d{11}$', 100),"
                       " ('DEPPON', '^DPK\\d{12}$', 100),"
                       " ('DEPPON', '^\\d{8,10}$', 10),"
                       " ('BEST', '^[ABDE]\\d{12}$', 80),"
                       " ('BEST', '^BXA\\d{10}$', 100),"
                       " ('CAINIAO', '^621\\d{12}$', 60)"),
        QStringLiteral("INSERT INTO setting(key, value) VALUES"
                       " ('free_days', '3'), ('fee_per_day_fen', '0'), ('undo_window_min', '10')"),
    };
}

// Version 2: notices to villagers (arrival, overdue reminders), at most one reminder per parcel per
// local day, enforced by the unique key; indexes for searching the whole history.
QStringList version2() {
    return {
        QStringLiteral("CREATE TABLE notification ("
                       " id TEXT PRIMARY KEY,"
                       " parcel_id TEXT NOT NULL REFERENCES parcel(id),"
                       " kind TEXT NOT NULL,"
                       " day TEXT NOT NULL,"
                       " phone TEXT,"
                       " phone_tail TEXT NOT NULL,"
                       " pickup_code TEXT,"
                       " created_at INTEGER NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'queued',"
                       " UNIQUE (parcel_id, kind, day))"),
        QStringLiteral("CREATE INDEX notification_state ON notification(state, created_at)"),
        // Searching the whole history (Parcels page, cunzhanctl list --search) by code or phone tail.
        QStringLiteral("CREATE INDEX parcel_code ON parcel(pickup_code)"),
        QStringLiteral("CREATE INDEX parcel_tail ON parcel(phone_tail, received_at)"),
        QStringLiteral("INSERT INTO setting(key, value) VALUES ('unclaimed_after_days', '7')"),
    };
}

// Version 3: sending parcels (寄件). Dispatches with the sender's real name (the resident ID is kept
// because the law asks for it at acceptance, and is shown masked everywhere), zone rates and
// waybill number blocks as data, the cash book's first entries, and manifests for the county van.

QStringList version3() {
    return {
        QStringLiteral("CREATE TABLE rate ("
                       " carrier TEXT NOT NULL REFERENCES carrier(code),"
                       " province TEXT NOT NULL,"
                       " zone TEXT NOT NULL,"
                       " first_fen INTEGER NOT NULL,"
                       " extra_fen_per_kg INTEGER NOT NULL,"
                       " max_weight_g INTEGER NOT NULL,"
                       " PRIMARY KEY (carrier, province))"),
        QStringLiteral("CREATE TABLE waybill_block ("
                       " id INTEGER PRIMARY KEY,"
                       " carrier TEXT NOT NULL REFERENCES carrier(code),"
                       " prefix TEXT NOT NULL,"
                       " digits INTEGER NOT NULL,"
                       " next_no INTEGER NOT NULL,"
                       " last_no INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE dispatch ("
                       " id TEXT PRIMARY KEY,"
                       " waybill TEXT NOT NULL UNIQUE,"
                       " carrier TEXT NOT NULL REFERENCES carrier(code),"
                       " status TEXT NOT NULL,"
                       " sender_name TEXT NOT NULL,"
                       " sender_phone TEXT NOT NULL,"
                       " sender_id_no TEXT NOT NULL,"
                       " recipient_name TEXT NOT NULL,"
                       " recipient_phone TEXT NOT NULL,"
                       " province TEXT NOT NULL,"
                       " city TEXT NOT NULL,"
                       " district TEXT NOT NULL,"
                       " address TEXT NOT NULL,"
                       " contents TEXT NOT NULL,"
                       " contents_note TEXT,"
                       " weight_g INTEGER NOT NULL,"
                       " fee_fen INTEGER NOT NULL,"
                       " zone TEXT NOT NULL,"
                       " accepted_at INTEGER NOT NULL,"
                       " bag_id TEXT,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX dispatch_status ON dispatch(status, accepted_at)"),
        QStringLiteral("CREATE TABLE dispatch_event ("
                       " id TEXT PRIMARY KEY,"
                       " dispatch_id TEXT NOT NULL REFERENCES dispatch(id),"
                       " kind TEXT NOT NULL,"
                       " at INTEGER NOT NULL,"
                       " data TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX dispatch_event_dispatch ON dispatch_event(dispatch_id, at)"),
        QStringLiteral("CREATE TABLE cash_entry ("
                       " id TEXT PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " amount_fen INTEGER NOT NULL,"
                       " ref TEXT,"
                       " note TEXT)"),
        QStringLiteral("CREATE INDEX cash_entry_at ON cash_entry(at)"),
        QStringLiteral("CREATE TABLE manifest ("
                       " id TEXT PRIMARY KEY,"
                       " status TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " driver TEXT,"
                       " plate TEXT,"
                       " handed_at INTEGER)"),
        QStringLiteral("CREATE TABLE bag ("
                       " id TEXT PRIMARY KEY,"
                       " manifest_id TEXT NOT NULL REFERENCES manifest(id),"
                       " bag_no TEXT NOT NULL,"
                       " seal TEXT NOT NULL,"
                       " UNIQUE (manifest_id, bag_no))"),
        // A bag holds dispatches and parcels going back (the return list).
        QStringLiteral("CREATE TABLE bag_item ("
                       " bag_id TEXT NOT NULL REFERENCES bag(id),"
                       " kind TEXT NOT NULL,"
                       " ref_id TEXT NOT NULL,"
                       " waybill TEXT NOT NULL,"
                       " added_at INTEGER NOT NULL,"
                       " PRIMARY KEY (kind, ref_id))"),
        QStringLiteral("CREATE INDEX bag_item_bag ON bag_item(bag_id)"),
    };
}

// Version 4: sync with the county. sync_state holds the enrolment and the sync bookkeeping (server
// url, station id, token, epoch, cursor, last attempt/success/error); rejected ops keep the server's
// reason for the clerk; pre-alerts are rows the county sends down ahead of the van.
QStringList version4() {
    return {
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN reason_code TEXT"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN reason TEXT"),
        QStringLiteral(
            "CREATE INDEX outbox_rejected ON outbox(seq) WHERE result IN ('rejected', 'conflict')"),
        QStringLiteral("CREATE TABLE prealert ("
                       " waybill TEXT PRIMARY KEY,"
                       " carrier TEXT,"
                       " phone TEXT NOT NULL,"
                       " name TEXT,"
                       " van_date TEXT NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX prealert_van_date ON prealert(van_date)"),
    };
}

// Version 5: who did it, and storage that lasts years. Events and cash entries record the acting
// user (rows from before were the station's own). An outbox op's actor stays NULL for older ops:
// they were sent without one, and a re-send must carry the same body. Acknowledged ops are pruned
// after outbox_retention_days (retention.cpp), found by when they were acknowledged.
// parcel_event is kept in the order it is read, by parcel: a WITHOUT ROWID table keyed by
// (parcel_id, at, id) needs neither the id's own index nor parcel_event_parcel, which cost more than
// the events themselves (about 220 of 560 bytes a parcel at a million parcels).
QStringList version5() {
    return {
        QStringLiteral("CREATE TABLE parcel_event_v5 ("
                       " parcel_id TEXT NOT NULL REFERENCES parcel(id),"
                       " at INTEGER NOT NULL,"
                       " id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " data TEXT NOT NULL,"
                       " actor TEXT NOT NULL DEFAULT 'station',"
                       " PRIMARY KEY (parcel_id, at, id)) WITHOUT ROWID"),
        QStringLiteral("INSERT INTO parcel_event_v5(parcel_id, at, id, kind, data)"
                       " SELECT parcel_id, at, id, kind, data FROM parcel_event"),
        QStringLiteral("DROP TABLE parcel_event"),
        QStringLiteral("ALTER TABLE parcel_event_v5 RENAME TO parcel_event"),
        QStringLiteral("ALTER TABLE dispatch_event ADD COLUMN actor TEXT NOT NULL DEFAULT 'station'"),
        QStringLiteral("ALTER TABLE cash_entry ADD COLUMN actor TEXT NOT NULL DEFAULT 'station'"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN actor TEXT"),
        QStringLiteral("CREATE INDEX outbox_acked ON outbox(acked_at)"
                       " WHERE result IN ('applied', 'already_applied')"),
        QStringLiteral("INSERT OR IGNORE INTO setting(key, value) VALUES ('outbox_retention_days', '30')"),
    };
}

// Version 6: every receive needs the number of waiting parcels on each place (choosePlace,
// slotLoads). Counting them (3 000 index entries in 100 subqueries, each looking up the table row:
// the partial index did not cover status) was half of a receive's CPU at a million parcels. The
// count is kept in slot.waiting by triggers on parcel, so it changes in the same transaction as
// the parcel whatever code writes it; a place (re)created by a layout change counts its parcels.
QStringList version6() {
    return {
        QStringLiteral("ALTER TABLE slot ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE slot SET waiting = (SELECT count(*) FROM parcel p WHERE p.status = 'waiting'"
                       " AND p.shelf = slot.shelf AND p.layer = slot.layer)"),
        QStringLiteral("CREATE TRIGGER slot_waiting_new AFTER INSERT ON slot BEGIN"
                       " UPDATE slot SET waiting = (SELECT count(*) FROM parcel p WHERE p.status = 'waiting'"
                       " AND p.shelf = new.shelf AND p.layer = new.layer)"
                       " WHERE shelf = new.shelf AND layer = new.layer; END"),
        QStringLiteral(
            "CREATE TRIGGER parcel_waiting_insert AFTER INSERT ON parcel"
            " WHEN new.status = 'waiting' BEGIN"
            " UPDATE slot SET waiting = waiting + 1 WHERE shelf = new.shelf AND layer = new.layer; END"),
        QStringLiteral("CREATE TRIGGER parcel_waiting_update AFTER UPDATE OF status, shelf, layer ON parcel"
                       " WHEN (old.status = 'waiting') OR (new.status = 'waiting') BEGIN"
                       " UPDATE slot SET waiting = waiting - 1"
                       "  WHERE old.status = 'waiting' AND shelf = old.shelf AND layer = old.layer;"
                       " UPDATE slot SET waiting = waiting + 1"
                       "  WHERE new.status = 'waiting' AND shelf = new.shelf AND layer = new.layer; END"),
        QStringLiteral(
            "CREATE TRIGGER parcel_waiting_delete AFTER DELETE ON parcel"
            " WHEN old.status = 'waiting' BEGIN"
            " UPDATE slot SET waiting = waiting - 1 WHERE shelf = old.shelf AND layer = old.layer; END"),
    };
}

// Version 7: fewer b-trees written per receive. Every index a new parcel enters is a page written to
// the WAL at commit and again at the checkpoint (tens of microseconds of a receive each at a million
// parcels).
// - Pickup code and waybill each had a full index for history searches and a partial unique one for
//   the parcels in the station. The full index serves both lookups (a code or waybill has a row or a
//   few in all the history), and "unique among parcels that have not left" stays a database
//   guarantee through triggers: a parcel may not enter (or stay in) the station with a code or
//   waybill that another parcel there holds, failing as the unique indexes did (SQLITE_CONSTRAINT).
// - notification_state: nothing on the station reads notices by state (sync updates them by id).
// - The phone tails of the parcels in the station are indexed with their arrival time. Without
//   ANALYZE's statistics, which a station's database never has, SQLite preferred parcel_tail for
//   "this tail in the station, by arrival" (the pickup lookup, the place choice), because it gave the
//   order, and walked every parcel that ever had the tail; now the small index gives the order too,
//   and has statistics.
QStringList version7() {
    const QString unique = QStringLiteral(
        " SELECT RAISE(ABORT, 'UNIQUE constraint failed: parcel.pickup_code in the station') WHERE EXISTS"
        " (SELECT 1 FROM parcel p WHERE p.pickup_code = new.pickup_code AND p.in_station = 1%1);"
        " SELECT RAISE(ABORT, 'UNIQUE constraint failed: parcel.waybill in the station') WHERE EXISTS"
        " (SELECT 1 FROM parcel p WHERE p.waybill = new.waybill AND p.in_station = 1%1);");
    return {
        QStringLiteral("DROP INDEX notification_state"),
        QStringLiteral("DROP INDEX parcel_code_in_station"),
        QStringLiteral("DROP INDEX parcel_waybill_in_station"),
        QStringLiteral("CREATE TRIGGER parcel_in_station_unique_insert BEFORE INSERT ON parcel"
                       " WHEN new.in_station = 1 BEGIN") +
            unique.arg(QString()) + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER parcel_in_station_unique_update"
                       " BEFORE UPDATE OF pickup_code, waybill, in_station ON parcel"
                       " WHEN new.in_station = 1 BEGIN") +
            unique.arg(QStringLiteral(" AND p.rowid <> old.rowid")) + QStringLiteral(" END"),
        QStringLiteral("DROP INDEX parcel_tail_in_station"),
        QStringLiteral(
            "CREATE INDEX parcel_tail_in_station ON parcel(phone_tail, received_at) WHERE in_station = 1"),
        // Its statistics (a few thousand rows, about two per tail; reading only this small index), so
        // that the planner prefers it whether the other indexes have statistics (a database ANALYZEd
        // before, as the benchmark's) or not (a station's).
        QStringLiteral("ANALYZE parcel_tail_in_station"),
    };
}
// Version 8: the ledger of applied steps by name (schema_step), so a database migrated by another
// build whose step N was a different one is refused instead of silently missing a step.
QStringList version8() {
    QStringList statements{
        QStringLiteral("CREATE TABLE schema_step (version INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)")};
    const auto& steps = schemaSteps();
    for (int v = 1; v <= kSchemaStepLedgerVersion; ++v)
        statements << QStringLiteral("INSERT INTO schema_step(version, id) VALUES (%1, '%2')")
                          .arg(v)
                          .arg(QString::fromLatin1(steps[static_cast<size_t>(v - 1)].id));
    return statements;
}
} // namespace

const std::vector<SchemaStep>& schemaSteps() {
    // Append only. A step's id never changes; a domain's new step is defined in the domain's own
    // file and listed here, so two branches that both add a step conflict here, visibly.
    static const std::vector<SchemaStep> all{
        {"station.initial", &version1},
        {"parcels.notices", &version2},
        {"dispatch.initial", &version3},
        {"sync.initial", &version4},
        {"storage.actor_and_retention", &version5},
        {"shelves.waiting_counts", &version6},
        {"parcels.fewer_indexes", &version7},
        {"schema.step_ledger", &version8},
        {"catalogue.initial", &catalogueSchemaStep},
        {"shelves.fill_order", &shelvesFillOrderStep},
        {"dispatch.county_prices", &countyPricesSchemaStep},
        {"catalogue.search", &catalogueSearchSchemaStep},
        {"accounts.initial", &accountsSchemaStep},
        {"orders.initial", &ordersSchemaStep},
        {"staff.initial", &staffSchemaStep},
        {"orders.refunds_and_reports", &ordersRefundsSchemaStep},
        {"catalogue.pinyin_inside", &catalogueInnerPinyinSchemaStep},
    };
    return all;
}

} // namespace cz
