// Input checks and masking: phone numbers, waybills, names, money.
#include "privacy.h"

#include <QTest>

using namespace cz;

class TestPrivacy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void phone_data();
    void phone();
    void waybill_data();
    void waybill();
    void masks();
    void money();
};

void TestPrivacy::phone_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("full");
    QTest::addColumn<QString>("tail");
    QTest::addColumn<QString>("error");
    QTest::newRow("full") << "13812341234"
                          << "13812341234"
                          << "1234"
                          << "";
    QTest::newRow("full with spaces") << "138 1234 5678"
                                      << "13812345678"
                                      << "5678"
                                      << "";
    QTest::newRow("full with dashes") << "138-1234-5678"
                                      << "13812345678"
                                      << "5678"
                                      << "";
    QTest::newRow("tail") << "0042"
                          << ""
                          << "0042"
                          << "";
    QTest::newRow("empty") << "  "
                           << ""
                           << ""
                           << "phone.missing";
    QTest::newRow("12 prefix") << "12812341234"
                               << ""
                               << ""
                               << "phone.invalid";
    QTest::newRow("10 digits") << "1381234123"
                               << ""
                               << ""
                               << "phone.invalid";
    QTest::newRow("3 digits") << "123"
                              << ""
                              << ""
                              << "phone.invalid";
    QTest::newRow("letters") << "13812a41234"
                             << ""
                             << ""
                             << "phone.invalid";
}

void TestPrivacy::phone() {
    QFETCH(QString, input);
    QFETCH(QString, full);
    QFETCH(QString, tail);
    QFETCH(QString, error);
    const auto r = parsePhone(input);
    if (!error.isEmpty()) {
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, error);
        QCOMPARE(r.error().kind, ErrorKind::BadInput);
        QVERIFY(!r.error().message.isEmpty());
        return;
    }
    QVERIFY(r.has_value());
    QCOMPARE(r->full, full);
    QCOMPARE(r->tail, tail);
}

void TestPrivacy::waybill_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("error");
    QTest::newRow("plain") << "YT764306505052"
                           << "YT764306505052"
                           << "";
    QTest::newRow("trim and upper") << "  yt7643 06505052\t"
                                    << "YT764306505052"
                                    << "";
    QTest::newRow("dash allowed") << "AB-12345678"
                                  << "AB-12345678"
                                  << "";
    QTest::newRow("8 chars") << "12345678"
                             << "12345678"
                             << "";
    QTest::newRow("32 chars") << QString(32, QLatin1Char('7')) << QString(32, QLatin1Char('7')) << "";
    QTest::newRow("7 chars") << "1234567"
                             << ""
                             << "waybill.length";
    QTest::newRow("33 chars") << QString(33, QLatin1Char('7')) << ""
                              << "waybill.length";
    QTest::newRow("empty") << "   "
                           << ""
                           << "waybill.missing";
    QTest::newRow("chinese") << "顺丰12345678"
                             << ""
                             << "waybill.chars";
    QTest::newRow("punctuation") << "YT7643065050;2"
                                 << ""
                                 << "waybill.chars";
}

void TestPrivacy::waybill() {
    QFETCH(QString, input);
    QFETCH(QString, normalised);
    QFETCH(QString, error);
    const auto r = validateWaybill(input);
    if (!error.isEmpty()) {
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, error);
        return;
    }
    QVERIFY(r.has_value());
    QCOMPARE(*r, normalised);
}

void TestPrivacy::masks() {
    QCOMPARE(maskPhone(QStringLiteral("13812345678"), QStringLiteral("5678")), QStringLiteral("138****5678"));
    QCOMPARE(maskPhone(QString(), QStringLiteral("5678")), QStringLiteral("****5678"));
    QCOMPARE(maskName(QStringLiteral("张三")), QStringLiteral("张*"));
    QCOMPARE(maskName(QStringLiteral("李小明")), QStringLiteral("李*明"));
    QCOMPARE(maskName(QStringLiteral("欧阳娜娜")), QStringLiteral("欧**娜"));
    QCOMPARE(maskName(QStringLiteral("王")), QStringLiteral("王"));
    QCOMPARE(maskName(QString()), QString());
    // Characters outside the BMP count as one character.
    QCOMPARE(maskName(QStringLiteral("𠀀三")), QStringLiteral("𠀀*"));
    auto n = validateName(QStringLiteral("  王  小明 "));
    QVERIFY(n.has_value());
    QCOMPARE(*n, QStringLiteral("王 小明"));
    QCOMPARE(validateName(QString(40, QLatin1Char('a'))).error().code, QStringLiteral("name.too_long"));
}

void TestPrivacy::money() {
    QCOMPARE(formatFen(0), QStringLiteral("0.00"));
    QCOMPARE(formatFen(1250), QStringLiteral("12.50"));
    QCOMPARE(formatFen(5), QStringLiteral("0.05"));
    QCOMPARE(formatFen(-305), QStringLiteral("-3.05"));
}

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
