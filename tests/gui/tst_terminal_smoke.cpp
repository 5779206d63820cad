// Smoke test of the real terminal binary: it starts on an initialised database, paints, says
// "ready" and exits 0; on a database it cannot open it fails with a message instead of hanging; --help
// and --version work without any display, in the station's language (Chinese unless it chose English).
#include "inbound.h"
#include "processrun.h"
#include "setup.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using cz::test::Run;
using cz::test::runProgram;

class TestTerminalSmoke : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsAndExitsWhenReady();
    void unopenableDatabaseFails();
    void helpWithoutADisplay();

private:
    static QString binary() { return QStringLiteral(CUNZHAN_BIN_DIR "/cunzhan"); }

    // A fresh install's console: locale C, no display, no platform chosen.
    static QProcessEnvironment headless(const QTemporaryDir& dir) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LANGUAGE", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("xdg")));
        return env;
    }

    static Run run(const QProcessEnvironment& env, const QStringList& args) {
        return runProgram(binary(), args, {env, {}, 30000});
    }
};

void TestTerminalSmoke::startsAndExitsWhenReady() {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("station.db"));
    {
        auto station = cz::StationContext::open(db);
        QVERIFY2(station, qPrintable(station ? QString() : station.error().message));
        QVERIFY(cz::StationSetup(**station).initialise(QStringLiteral("冒烟站"), QStringLiteral("1-2:2x10")));
        auto r = cz::Inbound(**station).receive(
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
    QProcessEnvironment env = headless(dir);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A folder where the database file should be: no station to ask, so the message is Chinese.
    const QStringList args{QStringLiteral("--db"), dir.path(), QStringLiteral("--exit-when-ready")};
    Run r = run(env, args);
    QVERIFY(r.code != 0 && r.code != -1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("是文件夹"), r.err.constData());
    r = run(env, QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + args);
    QVERIFY(r.code != 0 && r.code != -1);
    QVERIFY2(r.err.contains("folder"), r.err.constData());
}

void TestTerminalSmoke::helpWithoutADisplay() {
    QTemporaryDir dir;
    const QProcessEnvironment env = headless(dir);
    Run r = run(env, {QStringLiteral("--help")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY2(r.out.contains("--lang") && r.out.contains("--db"), r.out.constData());
    QVERIFY2(r.out.contains("用法") && r.out.contains("服务站数据库"), r.out.constData()); // no station yet
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("xdg/cunzhan/station.db")))); // help creates none
    r = run(env, {QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("cunzhan " CUNZHAN_VERSION));
    r = run(env, {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("The station database"), r.out.constData());

    // A station that chose English: its help is English too.
    const QString db = dir.filePath(QStringLiteral("station.db"));
    {
        auto station = cz::StationContext::open(db);
        QVERIFY(station);
        cz::StationSetup setup(**station);
        QVERIFY(setup.initialise(QStringLiteral("英文站"), QStringLiteral("1:1x10")));
        QVERIFY(setup.setSetting(QStringLiteral("language"), QStringLiteral("en")));
    }
    r = run(env, {QStringLiteral("--db"), db, QStringLiteral("-h")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("The station database"), r.out.constData());
    // Qt's own options (-platform) do not hide the help either.
    r = run(env, {QStringLiteral("--db"), db, QStringLiteral("-platform"), QStringLiteral("offscreen"),
                  QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("--exit-when-ready"));
}

QTEST_MAIN(TestTerminalSmoke)
#include "tst_terminal_smoke.moc"
