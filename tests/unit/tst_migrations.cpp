// Schema migrations: from an empty file, from a version-1 database (golden SQL in tests/data),
// and the durability pragmas on every connection.
#include "fixture.h"
#include "shelves.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>

using namespace cz;

class TestMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fromEmpty();
    void fromVersion1Golden();
    void stepByStep();
    void reopenIsNoop();
    void inStationUniqueAfterVersion7();
    void lookupsUseIndexes();

private:
    static void loadSql(const QString& dbPath, const QString& sqlFile);
};

void TestMigrations::loadSql(const QString& dbPath, const QString& sqlFile) {
    QFile f(sqlFile);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(sqlFile));
    const QString sql = QString::fromUtf8(f.readAll());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("loader"));
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString& statement : sql.split(QStringLiteral(";\n"), Qt::SkipEmptyParts)) {
            if (statement.trimmed().isEmpty())
                continue;
            QVERIFY2(q.exec(statement), qPrintable(statement + QStringLiteral(": ") + q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("loader"));
}

void TestMigrations::fromEmpty() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/dir/new.db")); // folders are created
    auto db = Database::open(path);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 2);
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA synchronous"))->toInt(), 2); // FULL
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA user_version"))->toInt(), Database::latestSchemaVersion());
    QVERIFY((*db)->scalar(QStringLiteral("SELECT count(*) FROM carrier_rule"))->toInt() >= 15);
    QCOMPARE((*db)
                 ->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'notification'"))
                 ->toInt(),
             1);
    // Foreign keys are enforced: an event for a parcel that does not exist is refused.
    auto bad = (*db)->exec(QStringLiteral("INSERT INTO parcel_event(id, parcel_id, kind, at, data)"
                                          " VALUES ('e', 'nope', 'received', 0, '{}')"));
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().kind, ErrorKind::Conflict);
}

void TestMigrations::fromVersion1Golden() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    loadSql(path, QStringLiteral(CUNZHAN_TEST_DATA "/station_v1.sql"));

    auto clock = std::make_shared<ManualClock>(test::kStart);
    auto s = StationContext::open(path, {}, clock);
    QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
    StationContext& st = **s;
    Inbound inbound(st);
    Pickup pickup(st);
    QCOMPARE(st.database().schemaVersion(), Database::latestSchemaVersion());
    // Data written by version 1 survives and is usable.
    QCOMPARE(st.stationId(), QStringLiteral("0192f000-0000-7000-8000-000000000001"));
    QCOMPARE(st.settings().stationName, QStringLiteral("老版本站"));
    auto found = pickup.findByCode(QStringLiteral("1-1-1001"));
    QVERIFY(found.has_value());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().waybill, QStringLiteral("YT764306505052"));
    QCOMPARE(found->first().phone, QStringLiteral("13812345678"));
    QCOMPARE(st.settings().unclaimedAfterDays, 7); // added by migration 2

    // Version-2 features work on the migrated file: receiving writes an arrival notice.
    auto r = inbound.receive(
        {QStringLiteral("YT764306505099"), QStringLiteral("13812345678"), {}, {}, std::nullopt});
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QVERIFY(r->keptTogether); // beside the same person's parcel from version 1
    QCOMPARE(r->parcel.slotName(), QStringLiteral("1-1"));
    QCOMPARE(r->parcel.pickupCode, QStringLiteral("1-1-1003")); // the counter carried over
    QCOMPARE(st.database().scalar(QStringLiteral("SELECT count(*) FROM notification"))->toInt(), 1);
    auto handed = pickup.handOver({found->first().id});
    QVERIFY(handed.has_value());
}

void TestMigrations::stepByStep() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("steps.db"));
    {
        auto db = Database::open(path, {5000, 1});
        QVERIFY(db.has_value());
        QCOMPARE((*db)->schemaVersion(), 1);
        QCOMPARE(
            (*db)
                ->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'notification'"))
                ->toInt(),
            0);
    }
    auto db = Database::open(path);
    QVERIFY(db.has_value());
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE((*db)
                 ->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'notification'"))
                 ->toInt(),
             1);
    QCOMPARE((*db)
                 ->scalar(QStringLiteral("SELECT value FROM setting WHERE key = 'unclaimed_after_days'"))
                 ->toString(),
             QStringLiteral("7"));
}

void TestMigrations::reopenIsNoop() {
    test::Fixture f;
    f.receive(QStringLiteral("YT000000000001"), QStringLiteral("1234"));
    const auto before = f.snapshot();
    const QString path = f.path();
    f.station.reset();
    auto s = test::StationServices::open(path);
    QVERIFY(s.has_value());
    f.station = std::move(*s);
    QCOMPARE(f.snapshot(), before);
    QVERIFY(f.station->ctx->isInitialised());
}

// Version 7 replaced the partial unique indexes on pickup code and waybill by triggers: a station
// upgraded from version 6 still refuses a second parcel in the station with the same code or waybill,
// on insert and on update, and still allows them once the other parcel has left.
void TestMigrations::inStationUniqueAfterVersion7() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.db"));
    auto clock = std::make_shared<ManualClock>(test::kStart);
    QString first;
    {
        auto old = test::StationServices::open(path, OpenOptions{5000, 6}, clock);
        QVERIFY(old.has_value());
        QCOMPARE((*old)->ctx->database().schemaVersion(), 6);
        QVERIFY((*old)->setup.initialise(QStringLiteral("测试站"), QStringLiteral("1-2:2x3")).has_value());
        auto r = (*old)->inbound.receive({QStringLiteral("YT000000000001"),
                                          QStringLiteral("13800000001"),
                                          {},
                                          {},
                                          DeliveryPref::DoorDelivery});
        QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
        first = r->parcel.pickupCode;
    }
    auto s = test::StationServices::open(path, {}, clock);
    QVERIFY(s.has_value());
    test::StationServices& st = **s;
    Database& db = st.ctx->database();
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());

    const auto insert = [&db](const QString& id, const QString& waybill, const QString& code, int inStation) {
        if (auto b = db.beginWrite(); !b)
            return Status(fail(b.error()));
        auto q = db.exec(QStringLiteral("INSERT INTO parcel(id, waybill, carrier, phone_tail, delivery_pref,"
                                        " pickup_code, status, in_station, received_at, updated_at)"
                                        " VALUES (?, ?, 'YTO', '0009', 'pickup', ?, ?, ?, 1, 1)"),
                         {id, waybill, code,
                          inStation ? QStringLiteral("to_return") : QStringLiteral("picked_up"), inStation});
        if (!q) {
            db.rollback();
            return Status(fail(q.error()));
        }
        return db.commit();
    };
    // The same code or waybill as the parcel in the station: refused.
    auto sameCode = insert(QStringLiteral("p2"), QStringLiteral("YT000000000002"), first, 1);
    QVERIFY(!sameCode.has_value());
    QCOMPARE(sameCode.error().code, QStringLiteral("db.constraint"));
    auto sameWaybill =
        insert(QStringLiteral("p3"), QStringLiteral("YT000000000001"), QStringLiteral("9-9-9999"), 1);
    QVERIFY(!sameWaybill.has_value());
    QCOMPARE(sameWaybill.error().code, QStringLiteral("db.constraint"));
    // Parcels that left may share them.
    QVERIFY(insert(QStringLiteral("p4"), QStringLiteral("YT000000000001"), first, 0).has_value());
    // Another parcel in the station may not take the code by an update either, nor come back with it.
    QVERIFY(insert(QStringLiteral("p5"), QStringLiteral("YT000000000005"), QStringLiteral("2-2-2222"), 1)
                .has_value());
    for (const char* sql : {"UPDATE parcel SET pickup_code = ? WHERE id = 'p5'",
                            "UPDATE parcel SET in_station = 1, pickup_code = ? WHERE id = 'p4'"}) {
        QVERIFY(db.beginWrite().has_value());
        auto u = db.exec(QString::fromLatin1(sql), {first});
        db.rollback();
        QVERIFY2(!u.has_value(), sql);
        QCOMPARE(u.error().code, QStringLiteral("db.constraint"));
    }
    // An update that keeps a parcel's own code is fine.
    QVERIFY(db.beginWrite().has_value());
    QVERIFY(db.exec(QStringLiteral("UPDATE parcel SET pickup_code = '2-2-2222', status = 'to_return'"
                                   " WHERE id = 'p5'"))
                .has_value());
    db.rollback();

    // The services still work on the upgraded file: the preference of the version-6 parcel is found,
    // and lookups by code, tail and waybill find the parcel.
    const Parcel second = [&] {
        auto r = st.inbound.receive(
            {QStringLiteral("YT000000000006"), QStringLiteral("13800000001"), {}, {}, std::nullopt});
        return r ? r->parcel : Parcel{};
    }();
    QCOMPARE(toString(second.pref), toString(DeliveryPref::DoorDelivery));
    QCOMPARE(st.pickup.findByCode(first)->size(), 1);
    QCOMPARE(st.pickup.findByPhoneTail(QStringLiteral("0001"))->size(), 2);
    QCOMPARE(st.pickup.findByWaybill(QStringLiteral("YT000000000006"))->size(), 1);
}

// The lookups of the receive and of the counter find their rows through the index meant for them,
// whatever statistics the planner has: those schema 7 takes of parcel_tail_in_station only (a
// station's database), those of an ANALYZE before the upgrade (the benchmark's) and a full ANALYZE.
// The index named must appear in the plan; no plan may scan the parcels. The statements are copies
// of those in inbound.cpp, parcelstore.cpp, pickup.cpp, query.cpp and prealert.cpp.
void TestMigrations::lookupsUseIndexes() {
    // Statistics taken on schema 6 and kept through the upgrade (the benchmark's database): the
    // index schema 7 creates has none while the others have theirs.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("stats.db"));
    {
        auto old = test::StationServices::open(path, OpenOptions{5000, 6});
        QVERIFY(old.has_value());
        QVERIFY((*old)->setup.initialise(QStringLiteral("测试站"), QStringLiteral("1-2:2x3")).has_value());
        for (int i = 0; i < 30; ++i)
            QVERIFY((*old)
                        ->inbound
                        .receive({QStringLiteral("YT%1").arg(100000000000LL + i),
                                  QStringLiteral("138000000%1").arg(10 + i % 7),
                                  {},
                                  {},
                                  std::nullopt})
                        .has_value());
        QVERIFY((*old)->ctx->database().exec(QStringLiteral("ANALYZE")).has_value());
    }
    auto upgraded = Database::open(path);
    QVERIFY(upgraded.has_value());
    test::Fixture f;
    Database& db = f.station->ctx->database();
    const QString same = QStringLiteral(
        "SELECT s.shelf, s.layer, s.waiting < s.capacity FROM parcel p"
        " INDEXED BY parcel_tail_in_station LEFT JOIN slot s ON s.shelf = p.shelf AND s.layer = p.layer"
        " WHERE p.phone_tail = ? AND p.in_station = 1 AND p.status = 'waiting' AND %1"
        " ORDER BY p.received_at DESC LIMIT 1");
    const QList<std::pair<QString, QString>> queries{
        // Receive (inbound.cpp, ParcelStore::allocateCode).
        {QStringLiteral("SELECT pickup_code FROM parcel WHERE waybill = ? AND in_station = 1"),
         QStringLiteral("parcel_waybill")},
        {QStringLiteral("SELECT delivery_pref FROM parcel WHERE phone = ? ORDER BY received_at DESC LIMIT 1"),
         QStringLiteral("parcel_phone")},
        {same.arg(QStringLiteral("p.phone = ?")), QStringLiteral("parcel_tail_in_station")},
        {same.arg(QStringLiteral("p.phone IS NULL")), QStringLiteral("parcel_tail_in_station")},
        {QStringLiteral("SELECT 1 FROM parcel WHERE pickup_code = ? AND in_station = 1"),
         QStringLiteral("parcel_code")},
        // The place with the most room: the first entry of its index, no sort of the places.
        {QStringLiteral("SELECT shelf, layer, waiting >= capacity FROM slot ORDER BY %1 LIMIT 1")
             .arg(QLatin1String(kFillOrder)),
         QStringLiteral("slot_fill_order")},
        // Pickup (pickup.cpp) and search (query.cpp).
        {QStringLiteral("SELECT id FROM parcel WHERE phone_tail = ? AND in_station = 1 ORDER BY received_at"),
         QStringLiteral("parcel_tail_in_station")},
        {QStringLiteral("SELECT id FROM parcel WHERE pickup_code = ? AND in_station = 1"),
         QStringLiteral("parcel_code")},
        {QStringLiteral("SELECT id FROM parcel WHERE waybill = ? AND in_station = 1"),
         QStringLiteral("parcel_waybill")},
        {QStringLiteral("SELECT id FROM parcel WHERE pickup_code = ? AND status = 'picked_up'"
                        " ORDER BY picked_up_at DESC LIMIT 1"),
         QStringLiteral("parcel_code")},
        {QStringLiteral("SELECT id FROM parcel WHERE phone_tail = ? AND phone = ? AND status = 'picked_up'"
                        " ORDER BY picked_up_at DESC LIMIT 1"),
         {}},
        {QStringLiteral("SELECT id FROM parcel WHERE (pickup_code = ? OR waybill = ? OR phone_tail = ?"
                        " OR (waybill >= ? AND waybill < ?)) ORDER BY received_at DESC, id DESC LIMIT 50"),
         {}},
        {QStringLiteral("SELECT a.waybill FROM prealert a WHERE a.van_date = ?"
                        " AND NOT EXISTS (SELECT 1 FROM parcel p WHERE p.waybill = a.waybill)"),
         QStringLiteral("parcel_waybill")},
    };
    const auto check = [&queries](Database& on, const char* when) {
        for (const auto& [sql, index] : queries) {
            const QVariantList args(sql.count(QLatin1Char('?')), QStringLiteral("1234"));
            auto q = on.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, args);
            QVERIFY2(q.has_value(), qPrintable(sql));
            QStringList plan;
            while ((*q)->next())
                plan << (*q)->value(3).toString();
            (*q)->finish();
            const QString why =
                QStringLiteral("%1: %2 in %3").arg(QLatin1String(when), plan.join(QStringLiteral("; ")), sql);
            for (const QString& step : plan)
                QVERIFY2(!step.startsWith(QLatin1String("SCAN p")), qPrintable(why));
            if (!index.isEmpty())
                QVERIFY2((plan.join(QLatin1Char(' ')) + QLatin1Char(' '))
                             .contains(QStringLiteral("INDEX %1 ").arg(index)),
                         qPrintable(why));
            if (sql.contains(QLatin1String(kFillOrder)))
                QVERIFY2(!plan.join(QLatin1Char(' ')).contains(QLatin1String("TEMP B-TREE")),
                         qPrintable(why));
        }
    };
    check(**upgraded, "with statistics from schema 6");
    check(db, "a new station (statistics of parcel_tail_in_station only)");
    for (int i = 0; i < 30; ++i)
        f.receive(QStringLiteral("YT%1").arg(100000000000LL + i),
                  QStringLiteral("138000000%1").arg(10 + i % 7));
    QVERIFY(db.exec(QStringLiteral("ANALYZE")).has_value());
    check(db, "after ANALYZE");
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
