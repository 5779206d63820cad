// cunzhanctl pickup and undo-pickup: by code, by waybill and by phone tail (one person's parcels
// together, several people's only with --all), a second handover and an unknown parcel refused without
// writing, and an undo only within its window.
// Every run gets CUNZHAN_FAKE_NOW_MS, so times (overdue fees, undo window, arrival days) are fixed, and
// the locale of a fresh install (LANG=LC_ALL=C): the output is Chinese, the station's default language,
// and the checks of English wording ask for it with --lang en (see tests/support/ctlfixture.h).
#include "ctlfixture.h"

#include <QJsonArray>

using namespace cz::test;

class TestCliPickup : public QObject, public CtlFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

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
};

QTEST_GUILESS_MAIN(TestCliPickup)
#include "tst_cli_pickup.moc"
