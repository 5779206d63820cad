// cunzhanctl as scripts use it: exit codes, JSON lines, masking, and that bad input writes nothing.
// Every run gets CUNZHAN_FAKE_NOW_MS, so times (overdue fees, undo window, arrival days) are fixed, and
// the locale of a fresh install (LANG=LC_ALL=C): the output is Chinese, the station's default language,
// and the checks of English wording ask for it with --lang en.
#include "processrun.h"
#include "readonlyquery.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

// 2026-11-28 09:00 in Beijing.
constexpr qint64 kStart = 1795827600000LL;
constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

const QString kPhone = QStringLiteral("13812345678");
const QString kPhoneMasked = QStringLiteral("138****5678");
const QString kOtherPhone = QStringLiteral("13987651234");

// Where text starts on a terminal line: CJK characters take two columns. -1 when it is not there.
int terminalColumn(const QString& line, const QString& text) {
    const qsizetype at = line.indexOf(text);
    if (at < 0)
        return -1;
    int column = 0;
    for (const QChar c : line.left(at))
        column += c.unicode() >= 0x2E80 && c.unicode() <= 0xFFE6 ? 2 : 1;
    return column;
}

} // namespace

using namespace cz::test;

class TestCli : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    QString m_locale = QStringLiteral("C"); // LANG and LC_ALL of the runs

    Run ctl(const QStringList& args, qint64 nowMs = kStart, const QByteArray& input = {},
            bool withDb = true) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), m_locale);
        env.insert(QStringLiteral("LC_ALL"), m_locale);
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg")));
        env.insert(QStringLiteral("CUNZHAN_BUSY_TIMEOUT_MS"), QStringLiteral("200"));
        env.insert(QStringLiteral("CUNZHAN_FAKE_NOW_MS"), QString::number(nowMs));
        const QStringList all = withDb ? QStringList{QStringLiteral("--db"), m_db} + args : args;
        return runProgram(ctlBinary(), all, {env, input, 30000});
    }

    // Runs with --json and expects success and well-formed lines.
    QList<QJsonObject> json(const QStringList& args, qint64 nowMs = kStart, const QByteArray& input = {}) {
        const Run r = ctl(QStringList{QStringLiteral("--json")} + args, nowMs, input);
        if (r.code != 0)
            qWarning("cunzhanctl %s -> %d: %s", qPrintable(args.join(QLatin1Char(' '))), r.code,
                     r.err.constData());
        bool ok = false;
        const auto objects = jsonLines(r.out, &ok);
        return r.code == 0 && ok ? objects
                                 : QList<QJsonObject>{QJsonObject{{QStringLiteral("failed"), r.code}}};
    }

    QJsonObject receive(const QString& waybill, const QString& phone, const QStringList& extra = {},
                        qint64 nowMs = kStart) {
        const auto objects = json(
            QStringList{QStringLiteral("receive"), waybill, QStringLiteral("--phone"), phone} + extra, nowMs);
        return objects.size() == 1 ? objects.first() : QJsonObject{};
    }

    // Row counts read through a separate read-only connection.
    int rows(const QString& table, const QString& where = QStringLiteral("1")) {
        return countRows(m_db, table, where);
    }

    QList<int> snapshot() {
        QList<int> counts;
        for (const char* table :
             {"parcel", "parcel_event", "outbox", "notification", "counter", "setting", "slot"})
            counts << rows(QString::fromLatin1(table));
        counts << rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'"));
        return counts;
    }

    void initStation(const QString& shelves = QStringLiteral("1:2x10")) {
        const Run r = ctl({QStringLiteral("init"), QStringLiteral("--station-name"), QStringLiteral("测试站"),
                           QStringLiteral("--shelves"), shelves});
        QCOMPARE(r.code, 0);
    }

private Q_SLOTS:
    void init() {
        m_locale = QStringLiteral("C");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(QStringLiteral("station.db"));
    }

    void cleanup() { m_dir.reset(); }

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

    void receiveAndPickupByCode() {
        initStation();
        const QJsonObject parcel = receive(QStringLiteral("yt764306505052"), kPhone,
                                           {QStringLiteral("--name"), QStringLiteral("张三")});
        QCOMPARE(parcel[QStringLiteral("waybill")].toString(), QStringLiteral("YT764306505052"));
        QCOMPARE(parcel[QStringLiteral("carrier")].toString(), QStringLiteral("YTO"));
        QCOMPARE(parcel[QStringLiteral("phone")].toString(), kPhoneMasked);
        QCOMPARE(parcel[QStringLiteral("name")].toString(), QStringLiteral("张*"));
        QCOMPARE(parcel[QStringLiteral("status")].toString(), QStringLiteral("waiting"));
        QCOMPARE(parcel[QStringLiteral("slot")].toString(), QStringLiteral("1-1"));
        const QString code = parcel[QStringLiteral("pickup_code")].toString();
        QVERIFY2(code.startsWith(QStringLiteral("1-1-")), qPrintable(code));
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'")), 1);

        const auto handed = json({QStringLiteral("pickup"), QStringLiteral("--code"), code.toLower()});
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed.first()[QStringLiteral("count")].toInt(), 1);
        QCOMPARE(handed.first()[QStringLiteral("total_fee_fen")].toInteger(), 0);
        const QJsonObject p = handed.first()[QStringLiteral("parcels")].toArray().first().toObject();
        QCOMPARE(p[QStringLiteral("status")].toString(), QStringLiteral("picked_up"));
        QCOMPARE(p[QStringLiteral("pickup_code")].toString(), code);
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'picked_up'")), 1);

        // Twice: a conflict naming the earlier handover, and nothing written.
        const QList<int> before = snapshot();
        const Run again = ctl({QStringLiteral("pickup"), QStringLiteral("--code"), code});
        QCOMPARE(again.code, 3);
        QVERIFY2(again.err.contains("已于"), again.err.constData()); // "was already handed over on"
        QVERIFY(again.err.contains(code.toUtf8()));
        QCOMPARE(snapshot(), before);
    }

    void pickupByWaybill() {
        initStation();
        const QString other =
            receive(QStringLiteral("YT764306505052"), kPhone)[QStringLiteral("pickup_code")].toString();
        receive(QStringLiteral("YT764306505053"), kPhone);
        const auto handed = json(
            {QStringLiteral("pickup"), QStringLiteral("--waybill"), QStringLiteral(" yt7643 06505053 ")});
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed.first()[QStringLiteral("count")].toInt(), 1);
        // Exactly that parcel; the same person's other waiting parcel is named, not handed over.
        QCOMPARE(handed.first()[QStringLiteral("also_waiting")].toArray(), QJsonArray({other}));
        QCOMPARE(
            handed.first()[QStringLiteral("parcels")].toArray().first()[QStringLiteral("waybill")].toString(),
            QStringLiteral("YT764306505053"));
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'")), 1);
        QCOMPARE(
            ctl({QStringLiteral("pickup"), QStringLiteral("--waybill"), QStringLiteral("YT764306505053")})
                .code,
            3);
    }

    void pickupByPhoneTailSamePerson() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone, {QStringLiteral("--name"), QStringLiteral("张三")});
        receive(QStringLiteral("YT764306505053"), kPhone); // same number, no name: the same person
        receive(QStringLiteral("YT764306505054"), kOtherPhone);
        const auto handed =
            json({QStringLiteral("pickup"), QStringLiteral("--phone-tail"), QStringLiteral("5678"),
                  QStringLiteral("--collector"), QStringLiteral("李四")});
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed.first()[QStringLiteral("count")].toInt(), 2);
        QCOMPARE(
            rows(QStringLiteral("parcel"), QStringLiteral("status = 'picked_up' AND collector = '李四'")), 2);
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'")), 1);
        // Nothing left for that tail: not found.
        QCOMPARE(ctl({QStringLiteral("pickup"), QStringLiteral("--phone-tail"), QStringLiteral("5678")}).code,
                 4);
    }

    void pickupByPhoneTailSeveralPeople() {
        initStation();
        const QString a =
            receive(QStringLiteral("YT764306505052"), kPhone)[QStringLiteral("pickup_code")].toString();
        const QString b = receive(QStringLiteral("YT764306505053"),
                                  QStringLiteral("13600005678"))[QStringLiteral("pickup_code")]
                              .toString();
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QList<int> before = snapshot();
        const Run refused = ctl({QStringLiteral("--json"), QStringLiteral("pickup"),
                                 QStringLiteral("--phone-tail"), QStringLiteral("5678")});
        QCOMPARE(refused.code, 3);
        QVERIFY(refused.err.contains(a.toUtf8()));
        QVERIFY(refused.err.contains(b.toUtf8()));
        bool ok = false;
        const auto error = jsonLines(refused.out, &ok);
        QVERIFY(ok);
        QCOMPARE(error.size(), 1);
        const QJsonArray details =
            error.first()[QStringLiteral("error")][QStringLiteral("details")].toArray();
        QVERIFY(details.contains(a) && details.contains(b));
        QCOMPARE(snapshot(), before);

        const auto handed = json({QStringLiteral("pickup"), QStringLiteral("--phone-tail"),
                                  QStringLiteral("5678"), QStringLiteral("--all")});
        QCOMPARE(handed.size(), 1);
        QCOMPARE(handed.first()[QStringLiteral("count")].toInt(), 2);
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'")), 0);
    }

    void pickupNotFound() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone);
        const QList<int> before = snapshot();
        QCOMPARE(ctl({QStringLiteral("pickup"), QStringLiteral("--code"), QStringLiteral("1-2-9999")}).code,
                 4);
        QCOMPARE(
            ctl({QStringLiteral("pickup"), QStringLiteral("--waybill"), QStringLiteral("YT000000000000")})
                .code,
            4);
        QCOMPARE(ctl({QStringLiteral("pickup"), QStringLiteral("--phone-tail"), QStringLiteral("0000")}).code,
                 4);
        QCOMPARE(
            ctl({QStringLiteral("undo-pickup"), QStringLiteral("--code"), QStringLiteral("1-2-9999")}).code,
            4);
        QCOMPARE(ctl({QStringLiteral("return"), QStringLiteral("--code"), QStringLiteral("1-2-9999"),
                      QStringLiteral("--reason"), QStringLiteral("lost")})
                     .code,
                 4);
        QCOMPARE(snapshot(), before);
    }

    void badInputWritesNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errorCode");
        const QString r = QStringLiteral("receive"), ph = QStringLiteral("--phone");
        QTest::newRow("bad waybill chars") << QStringList{r, QStringLiteral("YT7643#6505052"), ph, kPhone}
                                           << 2 << QStringLiteral("waybill.chars");
        QTest::newRow("short waybill")
            << QStringList{r, QStringLiteral("YT7643"), ph, kPhone} << 2 << QStringLiteral("waybill.length");
        QTest::newRow("bad phone") << QStringList{r, QStringLiteral("YT764306505099"), ph,
                                                  QStringLiteral("12345678901")}
                                   << 2 << QStringLiteral("phone.invalid");
        QTest::newRow("ambiguous carrier") << QStringList{r, QStringLiteral("123456789012"), ph, kPhone} << 2
                                           << QStringLiteral("carrier.ambiguous");
        QTest::newRow("unknown carrier")
            << QStringList{r,      QStringLiteral("123456789012"), ph,
                           kPhone, QStringLiteral("--carrier"),    QStringLiteral("UPS")}
            << 2 << QStringLiteral("carrier.unknown");
        QTest::newRow("duplicate waybill")
            << QStringList{r, QStringLiteral("yt764306505052"), ph, kOtherPhone} << 3
            << QStringLiteral("waybill.duplicate");
        QTest::newRow("collector too long")
            << QStringList{QStringLiteral("pickup"), QStringLiteral("--waybill"),
                           QStringLiteral("YT764306505052"), QStringLiteral("--collector"),
                           QString(40, QLatin1Char('x'))}
            << 2 << QStringLiteral("name.too_long");
    }

    void badInputWritesNothing() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, errorCode);
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone);
        const QList<int> before = snapshot();
        const Run run = ctl(QStringList{QStringLiteral("--json")} + args);
        QCOMPARE(run.code, exitCode);
        bool ok = false;
        const auto objects = jsonLines(run.out, &ok);
        QVERIFY(ok);
        QCOMPARE(objects.size(), 1);
        const QJsonObject error = objects.first()[QStringLiteral("error")].toObject();
        QCOMPARE(error[QStringLiteral("code")].toString(), errorCode);
        QCOMPARE(error[QStringLiteral("exit_code")].toInt(), exitCode);
        QVERIFY(!error[QStringLiteral("message")].toString().isEmpty());
        QVERIFY(!run.err.trimmed().isEmpty());
        QCOMPARE(snapshot(), before);
    }

    void ambiguousCarrierListsCandidates() {
        initStation();
        const Run r = ctl(
            {QStringLiteral("receive"), QStringLiteral("123456789012"), QStringLiteral("--phone"), kPhone});
        QCOMPARE(r.code, 2);
        // The carriers by name for the person, and the codes --carrier takes.
        QVERIFY2(r.err.contains("顺丰") && r.err.contains("中通"), r.err.constData());
        QVERIFY(r.err.contains("SF"));
        QVERIFY(r.err.contains("ZTO"));
        QVERIFY(r.err.contains("--carrier"));
        const QJsonObject parcel = receive(QStringLiteral("123456789012"), kPhone,
                                           {QStringLiteral("--carrier"), QStringLiteral("zto")});
        QCOMPARE(parcel[QStringLiteral("carrier")].toString(), QStringLiteral("ZTO"));

        const auto ranked = json({QStringLiteral("carriers"), QStringLiteral("123456789012")});
        QCOMPARE(ranked.size(), 2);
        QCOMPARE(ranked[0][QStringLiteral("rank")].toInt(), 1);
        QStringList codes{ranked[0][QStringLiteral("code")].toString(),
                          ranked[1][QStringLiteral("code")].toString()};
        codes.sort();
        QCOMPARE(codes, (QStringList{QStringLiteral("SF"), QStringLiteral("ZTO")}));
        const auto one = json({QStringLiteral("carriers"), QStringLiteral("SF1385628716739")});
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first()[QStringLiteral("code")].toString(), QStringLiteral("SF"));
        QCOMPARE(ctl({QStringLiteral("carriers"), QStringLiteral("QQ1234567890")}).code, 4);
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

    void jsonOneObjectPerLine() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone);
        receive(QStringLiteral("YT764306505053"), kOtherPhone);
        receive(QStringLiteral("SF1385628716739"), QStringLiteral("1234"));
        for (const QStringList& args :
             {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("arrivals")},
              QStringList{QStringLiteral("list"), QStringLiteral("--today")}}) {
            const Run r = ctl(QStringList{QStringLiteral("--json")} + args);
            QCOMPARE(r.code, 0);
            QCOMPARE(r.out.count('\n'), 3);
            bool ok = false;
            const auto objects = jsonLines(r.out, &ok);
            QVERIFY(ok);
            QCOMPARE(objects.size(), 3);
            for (const QJsonObject& o : objects)
                QVERIFY(!o[QStringLiteral("pickup_code")].toString().isEmpty());
        }
        const auto slots = json({QStringLiteral("shelves")});
        QCOMPARE(slots.size(), 2);
        int waiting = 0;
        for (const QJsonObject& s : slots) {
            QCOMPARE(s[QStringLiteral("capacity")].toInt(), 10);
            waiting += s[QStringLiteral("waiting")].toInt();
        }
        QCOMPARE(waiting, 3);
        const auto limited = json({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(limited.size(), 2);
        const auto found = json({QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("1234")});
        QCOMPARE(found.size(), 2); // kOtherPhone ends in 1234 too
        QCOMPARE(
            json({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("picked_up")}).size(),
            0);
        // Tomorrow, nothing arrived "today".
        QCOMPARE(json({QStringLiteral("list"), QStringLiteral("--today")}, kStart + kDay).size(), 0);
    }

    void phonesAreMasked() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone,
                {QStringLiteral("--name"), QStringLiteral("张三丰")});
        receive(QStringLiteral("YT764306505053"), kOtherPhone, {}, kStart - 5 * kDay);
        const qint64 later = kStart + kHour;
        const QList<QStringList> commands{
            {QStringLiteral("list")},
            {QStringLiteral("arrivals")},
            {QStringLiteral("overdue")},
            {QStringLiteral("shelves")},
            {QStringLiteral("status")},
            {QStringLiteral("settings")},
            {QStringLiteral("audit"), QStringLiteral("1-1:YT764306505052")},
            {QStringLiteral("pickup"), QStringLiteral("--phone-tail"), QStringLiteral("5678")}};
        for (const QStringList& args : commands) {
            for (bool asJson : {true, false}) {
                const Run r = ctl(asJson ? QStringList{QStringLiteral("--json")} + args : args, later);
                QVERIFY2(r.code == 0 || args.first() == QLatin1String("pickup"),
                         qPrintable(args.join(QLatin1Char(' '))));
                const QByteArray both = r.out + r.err;
                QVERIFY2(!both.contains(kPhone.toUtf8()), qPrintable(args.join(QLatin1Char(' '))));
                QVERIFY2(!both.contains(kOtherPhone.toUtf8()), qPrintable(args.join(QLatin1Char(' '))));
                QVERIFY2(!both.contains("张三丰"), qPrintable(args.join(QLatin1Char(' '))));
            }
        }
        const Run text = ctl({QStringLiteral("list")}, later);
        QVERIFY(text.out.contains(kPhoneMasked.toUtf8()));
        QVERIFY(text.out.contains("139****1234"));
        QVERIFY(text.out.contains("张*丰"));
        // The text table is aligned on a terminal, where the Chinese headers take two columns a
        // character: every line puts the waybill column at the same position.
        const QStringList lines = QString::fromUtf8(text.out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        const int column = terminalColumn(lines[0], QStringLiteral("运单号"));
        QVERIFY(column > 0);
        QCOMPARE(terminalColumn(lines[1], QStringLiteral("YT76430650505")), column);
        QCOMPARE(terminalColumn(lines[2], QStringLiteral("YT76430650505")), column);
    }

    void auditMisplacedApply() {
        initStation(QStringLiteral("1:2x10"));
        const QJsonObject a = receive(QStringLiteral("YT764306505052"), kPhone);
        const QJsonObject b = receive(QStringLiteral("YT764306505053"), kOtherPhone);
        QCOMPARE(a[QStringLiteral("slot")].toString(), QStringLiteral("1-1"));
        QCOMPARE(b[QStringLiteral("slot")].toString(), QStringLiteral("1-2"));

        // b was found on 1-1 instead of 1-2, plus a parcel the station does not know.
        const QStringList scans{QStringLiteral("1-1:YT764306505052"), QStringLiteral("1-1:YT764306505053"),
                                QStringLiteral("1-1:YT999999999999")};
        const QList<int> before = snapshot();
        auto lines = json(
            QStringList{QStringLiteral("audit"), QStringLiteral("--slot"), QStringLiteral("1-2")} + scans);
        QHash<QString, QStringList> byKind;
        for (const QJsonObject& o : lines)
            byKind[o[QStringLiteral("kind")].toString()] << o[QStringLiteral("waybill")].toString();
        QCOMPARE(byKind.value(QStringLiteral("ok")), QStringList{QStringLiteral("YT764306505052")});
        QCOMPARE(byKind.value(QStringLiteral("misplaced")), QStringList{QStringLiteral("YT764306505053")});
        QCOMPARE(byKind.value(QStringLiteral("unknown")), QStringList{QStringLiteral("YT999999999999")});
        QVERIFY(byKind.value(QStringLiteral("missing")).isEmpty());
        QCOMPARE(snapshot(), before); // without --apply, a report only

        lines = json(QStringList{QStringLiteral("audit"), QStringLiteral("--apply")} + scans);
        QJsonObject moved;
        for (const QJsonObject& o : lines) {
            if (o[QStringLiteral("kind")].toString() == QLatin1String("moved"))
                moved = o;
        }
        QCOMPARE(moved[QStringLiteral("waybill")].toString(), QStringLiteral("YT764306505053"));
        QCOMPARE(moved[QStringLiteral("old_code")].toString(), b[QStringLiteral("pickup_code")].toString());
        const QString newCode = moved[QStringLiteral("new_code")].toString();
        QVERIFY2(newCode.startsWith(QStringLiteral("1-1-")), qPrintable(newCode));
        const auto now =
            json({QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("YT764306505053")});
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first()[QStringLiteral("pickup_code")].toString(), newCode);
        QCOMPARE(now.first()[QStringLiteral("layer")].toInt(), 1);

        // From a file: a is not on 1-1 any more, so it is missing; b is fine now.
        QFile file(m_dir->filePath(QStringLiteral("scans.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# shelf 1, layer 1\n\n1-1   YT764306505053\n");
        file.close();
        const Run text = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("audit"),
                              QStringLiteral("--from"), file.fileName()});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains("missing"));
        QVERIFY(text.out.contains("OK 1, missing 1, misplaced 0, unknown 0"));
        // The same through standard input.
        const auto piped = json({QStringLiteral("audit"), QStringLiteral("--from"), QStringLiteral("-")},
                                kStart, "1-1 YT764306505053\n1-1 YT764306505052\n");
        QCOMPARE(piped.last()[QStringLiteral("ok")].toInt(), 2);
        QCOMPARE(ctl({QStringLiteral("audit"), QStringLiteral("--from"),
                      m_dir->filePath(QStringLiteral("none.txt"))})
                     .code,
                 4);
    }

    void returnMarking() {
        initStation();
        const QString code =
            receive(QStringLiteral("YT764306505052"), kPhone)[QStringLiteral("pickup_code")].toString();
        receive(QStringLiteral("YT764306505053"), kOtherPhone);
        QCOMPARE(json({QStringLiteral("return")}).size(), 0);
        const auto marked =
            json({QStringLiteral("return"), QStringLiteral("--code"), code, QStringLiteral("--reason"),
                  QStringLiteral("damaged"), QStringLiteral("--note"), QStringLiteral("box crushed")});
        QCOMPARE(marked.size(), 1);
        QCOMPARE(marked.first()[QStringLiteral("status")].toString(), QStringLiteral("to_return"));
        QCOMPARE(marked.first()[QStringLiteral("return_reason")].toString(), QStringLiteral("damaged"));
        const auto list = json({QStringLiteral("return")});
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QStringLiteral("pickup_code")].toString(), code);
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'to_return'")), 1);

        const QList<int> before = snapshot();
        // Marked for return: cannot be handed over, nor marked again.
        QCOMPARE(ctl({QStringLiteral("pickup"), QStringLiteral("--code"), code}).code, 3);
        QCOMPARE(ctl({QStringLiteral("return"), QStringLiteral("--code"), code, QStringLiteral("--reason"),
                      QStringLiteral("lost")})
                     .code,
                 3);
        QCOMPARE(snapshot(), before);
        const Run text = ctl({QStringLiteral("return")});
        QVERIFY2(text.out.contains("破损"), text.out.constData()); // the reason "Damaged"
        QVERIFY(ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("return")})
                    .out.contains("Damaged"));
    }

    void overdueFeeAndReminders() {
        initStation();
        QCOMPARE(ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("fee_per_day_fen"),
                      QStringLiteral("50")})
                     .code,
                 0);
        receive(QStringLiteral("YT764306505052"), kPhone);
        QCOMPARE(json({QStringLiteral("overdue")}, kStart + 2 * kDay).size(), 0);

        // 5 days and an hour later: 6 started days held, 3 of them free, 3 at 0.50.
        const qint64 later = kStart + 5 * kDay + kHour;
        const auto items = json({QStringLiteral("overdue")}, later);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first()[QStringLiteral("days_held")].toInt(), 6);
        QCOMPARE(items.first()[QStringLiteral("overdue_days")].toInt(), 3);
        QCOMPARE(items.first()[QStringLiteral("due_fee_fen")].toInteger(), 150);
        QVERIFY(ctl({QStringLiteral("overdue")}, later).out.contains("1.50"));

        auto reminded = json({QStringLiteral("overdue"), QStringLiteral("--remind")}, later);
        QCOMPARE(reminded.last()[QStringLiteral("reminders_queued")].toInt(), 1);
        reminded = json({QStringLiteral("overdue"), QStringLiteral("--remind")}, later + kHour);
        QCOMPARE(reminded.last()[QStringLiteral("reminders_queued")].toInt(), 0); // once a day
        QCOMPARE(rows(QStringLiteral("notification"), QStringLiteral("kind = 'overdue'")), 1);

        const auto handed =
            json({QStringLiteral("pickup"), QStringLiteral("--phone-tail"), QStringLiteral("5678")}, later);
        QCOMPARE(handed.first()[QStringLiteral("total_fee_fen")].toInteger(), 150);
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("fee_fen = 150")), 1);
    }

    void undoPickup() {
        initStation();
        const QString code =
            receive(QStringLiteral("YT764306505052"), kPhone)[QStringLiteral("pickup_code")].toString();
        QCOMPARE(json({QStringLiteral("pickup"), QStringLiteral("--code"), code}).size(), 1);
        // Past the 10-minute window: refused.
        QCOMPARE(
            ctl({QStringLiteral("undo-pickup"), QStringLiteral("--code"), code}, kStart + 11 * kMinute).code,
            3);
        const auto undone = json(
            {QStringLiteral("undo-pickup"), QStringLiteral("--waybill"), QStringLiteral("YT764306505052")},
            kStart + 2 * kMinute);
        QCOMPARE(undone.size(), 1);
        QCOMPARE(undone.first()[QStringLiteral("status")].toString(), QStringLiteral("waiting"));
        QCOMPARE(undone.first()[QStringLiteral("pickup_code")].toString(), code);
        QCOMPARE(rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'")), 1);
        // Waiting again: nothing to undo.
        QCOMPARE(
            ctl({QStringLiteral("undo-pickup"), QStringLiteral("--code"), code}, kStart + 3 * kMinute).code,
            3);
        QCOMPARE(ctl({QStringLiteral("undo-pickup"), QStringLiteral("--id"), QStringLiteral("nope")}).code,
                 4);
    }

    void settingsAndShelves() {
        initStation(QStringLiteral("1-2:3x5"));
        QCOMPARE(json({QStringLiteral("shelves")}).size(), 6);
        auto set = json({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("free_days"),
                         QStringLiteral("5")});
        QCOMPARE(set.first()[QStringLiteral("value")].toInt(), 5);
        QCOMPARE(json({QStringLiteral("settings")}).first()[QStringLiteral("free_days")].toInt(), 5);
        const Run get = ctl({QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("free_days")});
        QCOMPARE(get.out.trimmed(), QByteArray("5"));
        set = json({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("shelf_spec"),
                    QStringLiteral("A:2x4")});
        QCOMPARE(set.size(), 1);
        const auto slots = json({QStringLiteral("shelves")});
        QCOMPARE(slots.size(), 2);
        QCOMPARE(slots.first()[QStringLiteral("slot")].toString(), QStringLiteral("A-1"));
        // A place that still holds a parcel cannot be removed.
        receive(QStringLiteral("YT764306505052"), kPhone);
        QCOMPARE(ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("shelf_spec"),
                      QStringLiteral("B:1x4")})
                     .code,
                 3);
    }

    void arrivalsByDate() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone);
        receive(QStringLiteral("YT764306505053"), kPhone, {}, kStart + kDay);
        const auto first =
            json({QStringLiteral("arrivals"), QStringLiteral("--date"), QStringLiteral("2026-11-28")});
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first()[QStringLiteral("waybill")].toString(), QStringLiteral("YT764306505052"));
        QCOMPARE(
            json({QStringLiteral("arrivals")}, kStart + kDay).first()[QStringLiteral("waybill")].toString(),
            QStringLiteral("YT764306505053"));
        QCOMPARE(
            json({QStringLiteral("arrivals"), QStringLiteral("--date"), QStringLiteral("2026-11-27")}).size(),
            0);
        QVERIFY(ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("arrivals"),
                     QStringLiteral("--date"), QStringLiteral("2026-11-28")})
                    .out.contains("1 parcel(s) arrived on 2026-11-28"));
    }

    // A fresh install or a kiosk runs under C or POSIX, some machines under en_US: the station speaks
    // Chinese all the same (help, tables, carrier names, messages, errors) until it chooses English.
    void chineseWhateverTheLocale_data() {
        QTest::addColumn<QString>("locale");
        for (const char* locale : {"C", "POSIX", "C.UTF-8", "en_US.UTF-8"})
            QTest::newRow(locale) << QString::fromLatin1(locale);
    }

    void chineseWhateverTheLocale() {
        QFETCH(QString, locale);
        m_locale = locale;
        const Run help = ctl({QStringLiteral("--help")}, kStart, {}, false);
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains("用法：cunzhanctl") && help.out.contains("命令："), help.out.constData());
        QVERIFY(!help.out.contains("Usage:"));
        // No station yet: the error says so in Chinese too.
        Run r = ctl({QStringLiteral("list")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("没有服务站数据库"), r.err.constData());

        initStation();
        r = ctl(
            {QStringLiteral("receive"), QStringLiteral("YT764306505052"), QStringLiteral("--phone"), kPhone});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("取件码") && r.out.contains("快递公司"), r.out.constData());
        QVERIFY2(r.out.contains("圆通") && !r.out.contains("YTO"),
                 r.out.constData()); // the name, not the code
        r = ctl({QStringLiteral("list")});
        QVERIFY2(r.out.contains("运单号") && r.out.contains("圆通"), r.out.constData());
        QVERIFY2(!r.out.contains("Waybill") && !r.out.contains("YTO"), r.out.constData());
        r = ctl({QStringLiteral("pickup"), QStringLiteral("--code"), QStringLiteral("9-9-9999")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("站内没有取件码为 9-9-9999 的包裹"), r.err.constData());
        // Scripts read the same JSON in every language: the carrier's code.
        QCOMPARE(json({QStringLiteral("list")}).first()[QStringLiteral("carrier")].toString(),
                 QStringLiteral("YTO"));
    }

    void englishWhenTheStationChoosesIt() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone);
        QCOMPARE(json({QStringLiteral("settings")}).first()[QStringLiteral("language")].toString(),
                 QStringLiteral("zh_CN"));
        const auto set = json({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("language"),
                               QStringLiteral("en")});
        QCOMPARE(set.first()[QStringLiteral("value")].toString(), QStringLiteral("en"));
        QCOMPARE(rows(QStringLiteral("outbox"), QStringLiteral("kind = 'setting.changed'")), 1);

        Run r = ctl({QStringLiteral("list")});
        QVERIFY2(r.out.contains("Waybill") && r.out.contains("YTO Express"), r.out.constData());
        QVERIFY(!r.out.contains("运单号"));
        r = ctl({QStringLiteral("pickup"), QStringLiteral("--code"), QStringLiteral("9-9-9999")});
        QVERIFY2(r.err.contains("No parcel in the station has the pickup code 9-9-9999"), r.err.constData());
        r = ctl({QStringLiteral("--help")}); // the station's language, read from its database
        QVERIFY2(r.out.contains("Usage: cunzhanctl"), r.out.constData());
        // --lang is for one run; the setting stays.
        r = ctl({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("list")});
        QVERIFY2(r.out.contains("运单号") && r.out.contains("圆通"), r.out.constData());
        QVERIFY(ctl({QStringLiteral("list")}).out.contains("Waybill"));

        // Refused: languages the program does not speak, in the setting and on the command line.
        const QList<int> before = snapshot();
        r = ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("language"),
                 QStringLiteral("fr")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("zh_CN") && r.err.contains("en"), r.err.constData());
        r = ctl({QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("list")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--lang"), r.err.constData());
        QCOMPARE(snapshot(), before);

        QCOMPARE(ctl({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("language"),
                      QStringLiteral("zh_CN")})
                     .code,
                 0);
        QVERIFY(ctl({QStringLiteral("list")}).out.contains("运单号"));
    }

    void statusCounts() {
        initStation();
        receive(QStringLiteral("YT764306505052"), kPhone);
        const QString code =
            receive(QStringLiteral("YT764306505053"), kOtherPhone)[QStringLiteral("pickup_code")].toString();
        QCOMPARE(json({QStringLiteral("pickup"), QStringLiteral("--code"), code}).size(), 1);
        const auto status = json({QStringLiteral("status")});
        QCOMPARE(status.size(), 1);
        const QJsonObject s = status.first();
        QCOMPARE(s[QStringLiteral("station_name")].toString(), QStringLiteral("测试站"));
        QCOMPARE(s[QStringLiteral("db_path")].toString(), QFileInfo(m_db).absoluteFilePath());
        QVERIFY(s[QStringLiteral("schema_version")].toInt() >= 2);
        QCOMPARE(s[QStringLiteral("counts")][QStringLiteral("waiting")].toInt(), 1);
        QCOMPARE(s[QStringLiteral("counts")][QStringLiteral("picked_up")].toInt(), 1);
        QCOMPARE(s[QStringLiteral("pending_ops")].toInt(),
                 rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL")));
        QVERIFY(s[QStringLiteral("pending_ops")].toInt() >= 4); // init + 2 receives + pickup
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
