// cunzhanctl's usage: the help names every command, bad usage of any command is refused with exit code 2
// and writes nothing, a station that is not set up or is set up twice is refused, and a database another
// program holds locked gives exit code 5 after the busy timeout.
// Every run gets CUNZHAN_FAKE_NOW_MS, so times (overdue fees, undo window, arrival days) are fixed, and
// the locale of a fresh install (LANG=LC_ALL=C): the output is Chinese, the station's default language,
// and the checks of English wording ask for it with --lang en (see tests/support/ctlfixture.h).
#include "ctlfixture.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace cz::test;

class TestCliUsage : public QObject, public CtlFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

    void helpDocumentsEveryCommand() {
        const Run r = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")}, kStart,
                          {}, false);
        QCOMPARE(r.code, 0);
        for (const char* name :
             {"init", "receive", "pickup", "undo-pickup", "list", "overdue", "return", "audit", "arrivals",
              "settings", "shelves", "carriers", "status", "Exit codes"})
            QVERIFY2(r.out.contains(name), name);
        const Run pickup = ctl({QStringLiteral("pickup"), QStringLiteral("--help")});
        QCOMPARE(pickup.code, 0);
        QVERIFY(pickup.out.contains("--phone-tail"));
        QVERIFY(pickup.out.contains("--all"));
        QVERIFY(!QFileInfo::exists(m_db)); // help never creates a database
    }

    void badUsage_data() {
        QTest::addColumn<QStringList>("args");
        auto row = [](const char* name, QStringList args) { QTest::newRow(name) << args; };
        row("no command", {});
        row("unknown command", {QStringLiteral("frobnicate")});
        row("unknown option", {QStringLiteral("list"), QStringLiteral("--bogus")});
        row("unknown global option", {QStringLiteral("--bogus"), QStringLiteral("list")});
        row("global option after command", {QStringLiteral("list"), QStringLiteral("--json")});
        row("bad busy timeout",
            {QStringLiteral("--busy-timeout"), QStringLiteral("soon"), QStringLiteral("list")});
        row("receive without waybill", {QStringLiteral("receive"), QStringLiteral("--phone"), kPhone});
        row("receive without phone", {QStringLiteral("receive"), QStringLiteral("YT764306505052")});
        row("receive option without value",
            {QStringLiteral("receive"), QStringLiteral("YT764306505052"), QStringLiteral("--phone")});
        row("receive bad pref",
            {QStringLiteral("receive"), QStringLiteral("YT764306505052"), QStringLiteral("--phone"), kPhone,
             QStringLiteral("--pref"), QStringLiteral("drone")});
        row("pickup without selector", {QStringLiteral("pickup")});
        row("pickup two selectors",
            {QStringLiteral("pickup"), QStringLiteral("--code"), QStringLiteral("1-1-1001"),
             QStringLiteral("--waybill"), QStringLiteral("YT764306505052")});
        row("pickup bad tail",
            {QStringLiteral("pickup"), QStringLiteral("--phone-tail"), QStringLiteral("12a")});
        row("list bad status", {QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("lost")});
        row("list bad limit", {QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("many")});
        row("arrivals bad date",
            {QStringLiteral("arrivals"), QStringLiteral("--date"), QStringLiteral("2026-13-40")});
        row("return reason without parcel",
            {QStringLiteral("return"), QStringLiteral("--reason"), QStringLiteral("lost")});
        row("return bad reason",
            {QStringLiteral("return"), QStringLiteral("--code"), QStringLiteral("1-1-1001"),
             QStringLiteral("--reason"), QStringLiteral("bored")});
        row("settings set without value",
            {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("free_days")});
        row("settings set bad value", {QStringLiteral("settings"), QStringLiteral("set"),
                                       QStringLiteral("free_days"), QStringLiteral("many")});
        row("settings unknown key", {QStringLiteral("settings"), QStringLiteral("set"),
                                     QStringLiteral("colour"), QStringLiteral("red")});
        row("audit nothing", {QStringLiteral("audit")});
        row("audit bad scan", {QStringLiteral("audit"), QStringLiteral("1-1")});
        row("audit unknown place", {QStringLiteral("audit"), QStringLiteral("9-9:YT764306505052")});
        row("carriers without waybill", {QStringLiteral("carriers")});
    }

    void badUsage() {
        QFETCH(QStringList, args);
        initStation();
        QCOMPARE(ctl({QStringLiteral("receive"), QStringLiteral("YT764306505052"), QStringLiteral("--phone"),
                      kPhone})
                     .code,
                 0);
        const QList<int> before = snapshot();
        const Run r = ctl(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty()); // text mode: the message is for people, on stderr
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(snapshot(), before);
    }

    void notInitialised() {
        // No database file: refused without creating one.
        Run r = ctl(
            {QStringLiteral("receive"), QStringLiteral("YT764306505052"), QStringLiteral("--phone"), kPhone});
        QCOMPARE(r.code, 3);
        QVERIFY(!QFileInfo::exists(m_db));
        // Bad usage of init creates nothing either.
        QCOMPARE(ctl({QStringLiteral("init")}).code, 2);
        QVERIFY(!QFileInfo::exists(m_db));
        // A bad shelf layout leaves an empty, unset database: still "not set up".
        r = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("init"),
                 QStringLiteral("--station-name"), QStringLiteral("站"), QStringLiteral("--shelves"),
                 QStringLiteral("1-4:3")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("shelf layout"));
        r = ctl({QStringLiteral("--json"), QStringLiteral("receive"), QStringLiteral("YT764306505052"),
                 QStringLiteral("--phone"), kPhone});
        QCOMPARE(r.code, 3);
        bool ok = false;
        const auto objects = jsonLines(r.out, &ok);
        QVERIFY(ok);
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects.first()[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("station.not_initialised"));
        QCOMPARE(rows(QStringLiteral("parcel")), 0);
        // status works on it and says so.
        const auto status = json({QStringLiteral("status")});
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.first()[QStringLiteral("initialised")].toBool(), false);
    }

    void initTwiceConflicts() {
        initStation();
        const QList<int> before = snapshot();
        const Run r =
            ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("另一个")});
        QCOMPARE(r.code, 3);
        QCOMPARE(snapshot(), before);
        const auto settings = json({QStringLiteral("settings")});
        QCOMPARE(settings.size(), 1);
        QCOMPARE(settings.first()[QStringLiteral("station_name")].toString(), QStringLiteral("测试站"));
        QCOMPARE(settings.first()[QStringLiteral("shelf_spec")].toString(), QStringLiteral("1:2X10"));
    }

    void lockedDatabase() {
        initStation();
        const QList<int> before = snapshot();
        const QString name = QStringLiteral("lock-holder");
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            holder.setDatabaseName(m_db);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY2(q.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(q.lastError().text()));

            QElapsedTimer timer;
            timer.start();
            const Run r = ctl({QStringLiteral("--json"), QStringLiteral("receive"),
                               QStringLiteral("YT764306505052"), QStringLiteral("--phone"), kPhone});
            QCOMPARE(r.code, 5);
            QVERIFY2(timer.elapsed() < 4000, "the busy timeout from CUNZHAN_BUSY_TIMEOUT_MS was not used");
            bool ok = false;
            const auto objects = jsonLines(r.out, &ok);
            QVERIFY(ok);
            QCOMPARE(objects.first()[QStringLiteral("error")][QStringLiteral("code")].toString(),
                     QStringLiteral("db.locked"));
            // The option wins over the environment.
            const Run opt =
                ctl({QStringLiteral("--busy-timeout"), QStringLiteral("50"), QStringLiteral("settings"),
                     QStringLiteral("set"), QStringLiteral("free_days"), QStringLiteral("4")});
            QCOMPARE(opt.code, 5);
            // Reading still works while another program writes.
            QCOMPARE(ctl({QStringLiteral("list")}).code, 0);
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            holder.close();
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(snapshot(), before);
        QCOMPARE(ctl({QStringLiteral("receive"), QStringLiteral("YT764306505052"), QStringLiteral("--phone"),
                      kPhone})
                     .code,
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"
