// Schema migrations: from an empty file, from a version-1 database (golden SQL in tests/data),
// and the durability pragmas on every connection.
#include "fixture.h"

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

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
