// cunzhanctl settings, shelves, language and status: settings read and changed, a shelf layout that
// would drop a parcel's place refused, Chinese whatever the locale until the station chooses English,
// and the status counts.
// Every run gets CUNZHAN_FAKE_NOW_MS, so times (overdue fees, undo window, arrival days) are fixed, and
// the locale of a fresh install (LANG=LC_ALL=C): the output is Chinese, the station's default language,
// and the checks of English wording ask for it with --lang en (see tests/support/ctlfixture.h).
#include "ctlfixture.h"

#include <QFileInfo>

using namespace cz::test;

class TestCliSettings : public QObject, public CtlFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

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

QTEST_GUILESS_MAIN(TestCliSettings)
#include "tst_cli_settings.moc"
