// Test hooks must not be reachable in shipped binaries: CUNZHAN_FAKE_NOW_MS once fixed the clock
// of the installed cunzhanctl, so anyone could date receipts, fees and cash entries as they liked.
// The installed `cunzhanctl` ignores it; the tests' `cunzhanctl-testhooks` answers it.
#include "processrun.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cz::test;

namespace {

constexpr qint64 k2001 = 978307200000; // 2001-01-01 00:00 UTC

// The newest outbox op's time in a station database no process has open.
qint64 newestOpTime(const QString& db) {
    qint64 at = -1;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hooks"));
        c.setDatabaseName(db);
        c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(QStringLiteral("SELECT MAX(created_at) FROM outbox")) && q.next())
                at = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hooks"));
    return at;
}

} // namespace

class TstCliTestHooks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fakeClockOnlyInTheTestBuild() {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CUNZHAN_FAKE_NOW_MS"), QString::number(k2001));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg")));
        const auto run = [&](const QString& binary, const QString& db, const QStringList& args) {
            return runProgram(binary, QStringList{QStringLiteral("--db"), db} + args, {env});
        };
        const QStringList init{QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("T")};

        const QString shipped = dir.filePath(QStringLiteral("shipped.db"));
        QCOMPARE(run(shippedCtlBinary(), shipped, init).code, 0);
        QVERIFY(newestOpTime(shipped) > k2001 + 365LL * 24 * 3600 * 1000 * 20);
        const Run help = run(shippedCtlBinary(), shipped, {QStringLiteral("--help")});
        QVERIFY(!help.out.contains("CUNZHAN_FAKE_NOW_MS"));

        const QString test = dir.filePath(QStringLiteral("test.db"));
        QCOMPARE(run(ctlBinary(), test, init).code, 0);
        QCOMPARE(newestOpTime(test), k2001);
    }
};

QTEST_GUILESS_MAIN(TstCliTestHooks)
#include "tst_cli_testhooks.moc"
