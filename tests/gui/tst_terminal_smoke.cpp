// Smoke test of the real terminal binary: it starts on an initialised database, paints, says
// "ready" and exits 0; on a database it cannot open it fails with a message instead of hanging.
#include "station.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestTerminalSmoke : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsAndExitsWhenReady();
    void unopenableDatabaseFails();

private:
    static QString binary() { return QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan"); }
};

void TestTerminalSmoke::startsAndExitsWhenReady() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("station.db"));
    {
        auto station = cz::Station::open(db);
        QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
        QVERIFY((*station)->initialise(QStringLiteral("冒烟站"), QStringLiteral("1-2:2x10")));
        auto r = (*station)->receive(
            {QStringLiteral("YT764306505052"), QStringLiteral("13800001111"), {}, {}, {}});
        QVERIFY(r);
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(binary(),
            {QStringLiteral("--db"), db, QStringLiteral("--lang"), QStringLiteral("en"),
             QStringLiteral("--exit-when-ready"), QStringLiteral("-platform"), QStringLiteral("offscreen")});
    QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
    QVERIFY2(p.waitForFinished(30000), "cunzhan did not exit");
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 0, err.constData());
    QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("ready"));
}

void TestTerminalSmoke::unopenableDatabaseFails() {
    QTemporaryDir dir;
    QProcess p;
    // A folder where the database file should be.
    p.start(binary(), {QStringLiteral("--db"), dir.path(), QStringLiteral("--exit-when-ready"),
                       QStringLiteral("-platform"), QStringLiteral("offscreen")});
    QVERIFY(p.waitForStarted());
    QVERIFY2(p.waitForFinished(30000), "cunzhan hung on a bad database");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY(p.exitCode() != 0);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    QVERIFY(p.readAllStandardError().contains("folder"));
}

QTEST_MAIN(TestTerminalSmoke)
#include "tst_terminal_smoke.moc"
