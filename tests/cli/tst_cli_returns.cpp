// cunzhanctl overdue, return and audit: overdue fees and one reminder a day, parcels marked for return
// (then neither handed over nor marked again), and a shelf audit that reports and, with --apply,
// moves a misplaced parcel.
// Every run gets CUNZHAN_FAKE_NOW_MS, so times (overdue fees, undo window, arrival days) are fixed, and
// the locale of a fresh install (LANG=LC_ALL=C): the output is Chinese, the station's default language,
// and the checks of English wording ask for it with --lang en (see tests/support/ctlfixture.h).
#include "ctlfixture.h"

#include <QFile>
#include <QHash>

using namespace cz::test;

class TestCliReturns : public QObject, public CtlFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

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
};

QTEST_GUILESS_MAIN(TestCliReturns)
#include "tst_cli_returns.moc"
