// Carrier detection from the seeded rule table: unambiguous prefixes, ambiguous all-digit numbers,
// ranking, and rules being data (a rule added to the table changes detection); the names people read.
#include "fixture.h"
#include "privacy.h"

using namespace cz;

class TestCarriers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void detect_data();
    void detect();
    void rulesAreData();
    void badRuleIsIgnored();
    void displayNameFollowsTheLanguage();
};

void TestCarriers::detect_data() {
    QTest::addColumn<QString>("waybill");
    QTest::addColumn<QStringList>("expected"); // ranked codes

    QTest::newRow("SF prefixed") << "SF1385628716739" << QStringList{"SF"};
    QTest::newRow("SF lower case, spaces") << " sf 1385628716739 " << QStringList{"SF"};
    QTest::newRow("YTO 12") << "YT764306505052" << QStringList{"YTO"};
    QTest::newRow("YTO 13") << "YT7643065050521" << QStringList{"YTO"};
    QTest::newRow("J&T") << "JT0001234567890" << QStringList{"JT"};
    QTest::newRow("JD X") << "JDX024407261700" << QStringList{"JD"};
    QTest::newRow("JD V") << "JDVA12345678901" << QStringList{"JD"};
    QTest::newRow("Deppon") << "DPK123456789012" << QStringList{"DEPPON"};
    QTest::newRow("Best BXA") << "BXA1234567890" << QStringList{"BEST"};
    QTest::newRow("EMS international") << "EA123456789CN" << QStringList{"EMS"};
    QTest::newRow("EMS P") << "PA12345678901" << QStringList{"EMS"};
    QTest::newRow("ZTO 14") << "79105030690097" << QStringList{"ZTO"};
    QTest::newRow("STO 77") << "773277027280336" << QStringList{"STO"};
    QTest::newRow("Yunda 46") << "463431409940372" << QStringList{"YUNDA"};
    QTest::newRow("Cainiao") << "621123456789012" << QStringList{"CAINIAO"};
    // All-digit numbers that several carriers use: ranked candidates, the clerk confirms.
    QTest::newRow("43 prefix: STO and Yunda") << "431234567890123" << QStringList{"STO", "YUNDA"};
    QTest::newRow("12 digits: SF old and ZTO old") << "123456789012" << QStringList{"SF", "ZTO"};
    QTest::newRow("EMS 13 digits") << "9876543210123" << QStringList{"EMS"};
    QTest::newRow("Yunda 5 prefix") << "5123456789012" << QStringList{"YUNDA"};
    QTest::newRow("legacy 9 digits") << "123456789" << QStringList{"DEPPON"};
    QTest::newRow("nobody") << "ZZ99" << QStringList{};
    QTest::newRow("nobody long digits") << "12345678901234567890" << QStringList{};
}

void TestCarriers::detect() {
    QFETCH(QString, waybill);
    QFETCH(QStringList, expected);
    test::Fixture f;
    QStringList got;
    for (const auto& c : f.station->ctx->carriers().detect(normaliseWaybill(waybill)))
        got << c.code;
    QCOMPARE(got, expected);
}

void TestCarriers::rulesAreData() {
    test::Fixture f;
    const QString w = QStringLiteral("XYZ12345678");
    QVERIFY(f.station->ctx->carriers().detect(w).isEmpty());
    // The county will publish rules as data; the station picks them up on its next open.
    auto q = f.station->ctx->database().exec(QStringLiteral(
        "INSERT INTO carrier_rule(carrier, pattern, priority) VALUES ('OTHER', '^XYZ\\d{8}$', 100)"));
    QVERIFY(q.has_value());
    const QString path = f.path();
    f.station.reset();
    auto s = StationContext::open(path);
    QVERIFY(s.has_value());
    const auto got = (*s)->carriers().detect(w);
    QCOMPARE(got.size(), 1);
    QCOMPARE(got.first().code, QStringLiteral("OTHER"));
}

void TestCarriers::badRuleIsIgnored() {
    test::Fixture f;
    QVERIFY(f.station->ctx->database()
                .exec(QStringLiteral(
                    "INSERT INTO carrier_rule(carrier, pattern, priority) VALUES ('SF', '^SF(', 100)"))
                .has_value());
    const QString path = f.path();
    f.station.reset();
    auto s = StationContext::open(path);
    QVERIFY2(s.has_value(), "a broken rule must not stop the station from opening");
    QCOMPARE((*s)->carriers().detect(QStringLiteral("SF1385628716739")).first().code, QStringLiteral("SF"));
}

void TestCarriers::displayNameFollowsTheLanguage() {
    test::Fixture f;
    const CarrierRegistry& carriers = f.station->ctx->carriers();
    const QLocale before;
    // The default QLocale is the station's language (installTranslations); C (a kiosk's locale) is
    // no language at all, and the station's default is Chinese.
    for (const QLocale& chinese : {QLocale(QLocale::Chinese, QLocale::China), QLocale::c()}) {
        QLocale::setDefault(chinese);
        QCOMPARE(carriers.displayName(QStringLiteral("SF")), QStringLiteral("顺丰"));
        QCOMPARE(carriers.displayName(QStringLiteral("yto")), QStringLiteral("圆通"));
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(carriers.displayName(QStringLiteral("SF")), QStringLiteral("SF Express"));
    // A code the station does not know (yet: the county may send it later) shows as it is.
    QCOMPARE(carriers.displayName(QStringLiteral("XDS")), QStringLiteral("XDS"));
    QCOMPARE(CarrierRegistry().displayName(QStringLiteral("SF")), QStringLiteral("SF"));
    QLocale::setDefault(before);
}

QTEST_GUILESS_MAIN(TestCarriers)
#include "tst_carriers.moc"
