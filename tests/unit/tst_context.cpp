// StationContext and what stands on it: change notification per domain, the settings' one
// definition at both ends (what the county publishes is held to the station's own limits), and the
// schema step ledger that refuses a database migrated by another build.
#include "countychanges.h"
#include "fixture.h"
#include "migrations.h"
#include "settingdefs.h"
#include "writetx.h"

#include <QSignalSpy>

using namespace cz;
using namespace cz::test;

class TstContext : public QObject {
    Q_OBJECT
private:
    // The domains of every changed() emitted while fn runs.
    template<class Fn> static QList<Domains> domainsOf(StationContext& ctx, Fn fn) {
        QList<Domains> seen;
        auto c = QObject::connect(&ctx, &StationContext::changed, &ctx, [&seen](Domains d) { seen << d; });
        fn();
        QObject::disconnect(c);
        return seen;
    }

    // Applies one county change in a downstream transaction; whether it was stored.
    static bool applyCounty(StationContext& ctx, const CountyChange& change) {
        UuidV7Source ids(ctx.clock());
        auto tx = WriteTx::beginDownstream(ctx.database(), ctx.clock(), ids);
        if (!tx)
            qFatal("no downstream tx: %s", qPrintable(tx.error().message));
        auto outcome = applyCountyChange(*tx, change);
        if (!outcome || !tx->commit())
            qFatal("county change failed");
        return outcome->stored;
    }

private Q_SLOTS:
    void eachServiceNotifiesItsDomain() {
        Fixture f;
        StationContext& ctx = *f.station->ctx;
        QCOMPARE(
            domainsOf(ctx,
                      [&] { f.receive(QStringLiteral("YT1000000000001"), QStringLiteral("13812345678")); }),
            QList<Domains>{Domain::Parcels});
        QCOMPARE(domainsOf(ctx,
                           [&] {
                               QVERIFY(f.station->setup.setSetting(settings::kFreeDays.name(),
                                                                   QStringLiteral("5")));
                           }),
                 QList<Domains>{Domain::Station});
        QCOMPARE(ctx.settings().freeDays, 5);
        QCOMPARE(domainsOf(ctx,
                           [&] {
                               QVERIFY(f.station->desk.importRates(
                                   QStringLiteral("YTO,广东省,A,1000,500,30000\n")));
                           }),
                 QList<Domains>{Domain::Dispatch});
        // A refused change notifies nobody.
        QCOMPARE(domainsOf(ctx,
                           [&] {
                               QVERIFY(!f.station->setup.setSetting(settings::kFreeDays.name(),
                                                                    QStringLiteral("61")));
                           }),
                 QList<Domains>{});
    }

    void settingsFollowTheirDefinitions() {
        Fixture f;
        for (const settings::IntSetting* def : settings::kIntSettings) {
            const QString below = QString::number(def->min - 1);
            const QString above = QString::number(def->max + 1);
            QVERIFY2(!f.station->setup.setSetting(def->name(), below), def->key);
            QVERIFY2(!f.station->setup.setSetting(def->name(), above), def->key);
            QVERIFY2(f.station->setup.setSetting(def->name(), QString::number(def->max)), def->key);
            QCOMPARE(f.station->ctx->settings().toJson().value(def->name()).toInteger(), def->max);
        }
        QVERIFY(settings::allKeys().contains(QString::fromLatin1(settings::kLanguage)));
        QCOMPARE(f.station->ctx->settings().toJson().keys().size(), settings::allKeys().size());
    }

    void countySettingsStayWithinTheStationsLimits() {
        Fixture f;
        StationContext& ctx = *f.station->ctx;
        const auto setting = [](const char* key, const QJsonValue& v) {
            return CountyChange{
                QStringLiteral("setting"), QString::fromLatin1(key), {{QStringLiteral("value"), v}}, false};
        };
        // A fee of 3e18 fen once overflowed a total: refused like the station refuses it.
        QVERIFY(!applyCounty(ctx, setting("fee_per_day_fen", 3e18)));
        QVERIFY(!applyCounty(ctx, setting("free_days", 61)));
        QVERIFY(!applyCounty(ctx, setting("free_days", 2.5)));
        QVERIFY(!applyCounty(ctx, setting("free_days", -1)));
        // Only what the county publishes: the undo window is the station's own.
        QVERIFY(!applyCounty(ctx, setting("undo_window_min", 5)));
        QVERIFY(applyCounty(ctx, setting("fee_per_day_fen", 150)));
        QVERIFY(applyCounty(ctx, setting("free_days", QStringLiteral("4"))));
        QVERIFY(ctx.refresh());
        QCOMPARE(ctx.settings().feePerDayFen, 150);
        QCOMPARE(ctx.settings().freeDays, 4);
        QCOMPARE(ctx.settings().undoWindowMin, int(settings::kUndoWindowMin.fallback));
    }

    void schemaStepsAreRecordedByName() {
        Fixture f;
        const auto& steps = schemaSteps();
        QCOMPARE(f.rows(QStringLiteral("schema_step")), int(steps.size()));
        for (size_t i = 0; i < steps.size(); ++i) {
            auto id = f.station->ctx->database().scalar(
                QStringLiteral("SELECT id FROM schema_step WHERE version = ?"), {int(i + 1)});
            QVERIFY(id);
            QCOMPARE(id->toString(), QString::fromLatin1(steps[i].id));
        }
    }

    void aDatabaseMigratedByAnotherBuildIsRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.db"));
        {
            auto db = Database::open(path);
            QVERIFY(db);
            // Another branch's build applied a step of its own as the last one.
            QVERIFY((*db)->exec(
                QStringLiteral("UPDATE schema_step SET id = 'orders.other_branch' WHERE version = ?"),
                {kSchemaStepLedgerVersion}));
        }
        auto again = Database::open(path);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("db.schema_foreign"));
        QVERIFY(again.error().message.contains(QStringLiteral("orders.other_branch")));
    }

    void anOlderDatabaseGetsTheLedger() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.db"));
        {
            OpenOptions old;
            old.migrateTo = kSchemaStepLedgerVersion - 1;
            auto db = Database::open(path, old);
            QVERIFY(db);
            QCOMPARE((*db)->schemaVersion(), kSchemaStepLedgerVersion - 1);
        }
        auto db = Database::open(path);
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
        auto n = (*db)->scalar(QStringLiteral("SELECT count(*) FROM schema_step"));
        QVERIFY(n);
        QCOMPARE(n->toInt(), Database::latestSchemaVersion());
    }
};

QTEST_GUILESS_MAIN(TstContext)
#include "tst_context.moc"
