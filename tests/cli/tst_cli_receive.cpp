// cunzhanctl receive, carriers, list and arrivals: bad input writes nothing, an ambiguous waybill names
// the carriers it could be, --json prints one object a line, phones and names are masked in every
// output, and the text table stays aligned with Chinese headers.
// Every run gets CUNZHAN_FAKE_NOW_MS, so times (overdue fees, undo window, arrival days) are fixed, and
// the locale of a fresh install (LANG=LC_ALL=C): the output is Chinese, the station's default language,
// and the checks of English wording ask for it with --lang en (see tests/support/ctlfixture.h).
#include "ctlfixture.h"

using namespace cz::test;

namespace {

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

class TestCliReceive : public QObject, public CtlFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

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
};

QTEST_GUILESS_MAIN(TestCliReceive)
#include "tst_cli_receive.moc"
