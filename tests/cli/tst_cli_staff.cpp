// cunzhanctl staff and audit verify: the first owner and the recovery code, commands that change data
// refused without --user once the station has an owner (reads still work, as "support"), the PIN from
// standard input or CUNZHAN_PIN, a keeper refused the owner's work, and audit verify naming the row
// that was changed behind the program's back.
#include "ctlfixture.h"

#include <QProcess>

using namespace cz::test;

namespace {
const QString kOwner = QStringLiteral("王站长");
const QByteArray kOwnerPin = "135790\n";
} // namespace

class TestCliStaff : public QObject, public CtlFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpFolder(); }
    void cleanup() { tearDownFolder(); }

    void staffAndRefusals() {
        initStation(QStringLiteral("1-2:2x3"));
        // Before an owner exists, the station works as it always did.
        QVERIFY(!receive(QStringLiteral("YT764306505052"), kPhone).isEmpty());
        const Run init = ctl({QStringLiteral("--json"), QStringLiteral("staff"), QStringLiteral("init"),
                              kOwner, QStringLiteral("--new-pin-stdin")},
                             kStart, kOwnerPin);
        QCOMPARE(init.code, 0);
        QVERIFY(init.out.contains("recovery_code"));
        // A second owner by init is refused.
        QCOMPARE(ctl({QStringLiteral("staff"), QStringLiteral("init"), QStringLiteral("赵"),
                      QStringLiteral("--new-pin-stdin")},
                     kStart, "111111\n")
                     .code,
                 3);

        // Without --user: changes are refused and write nothing; reads work.
        const auto before = snapshot();
        const Run refused = ctl({QStringLiteral("--json"), QStringLiteral("receive"),
                                 QStringLiteral("YT764306505053"), QStringLiteral("--phone"), kOtherPhone});
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.out.contains("login.required"), refused.out.constData());
        QCOMPARE(snapshot(), before);
        QCOMPARE(ctl({QStringLiteral("--json"), QStringLiteral("status")}).code, 0);

        // The owner adds a keeper; the keeper receives, but may not change settings.
        QCOMPARE(ctl({QStringLiteral("--user"), kOwner, QStringLiteral("--pin-stdin"),
                      QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("李"),
                      QStringLiteral("--role"), QStringLiteral("keeper"), QStringLiteral("--new-pin-stdin")},
                     kStart, kOwnerPin + "246802\n")
                     .code,
                 0);
        const Run list = ctl({QStringLiteral("--json"), QStringLiteral("staff"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.contains("\"keeper\""));
        QVERIFY(!list.out.contains("argon2"));
        QCOMPARE(ctl({QStringLiteral("--user"), QStringLiteral("李"), QStringLiteral("--pin-stdin"),
                      QStringLiteral("--json"), QStringLiteral("receive"), QStringLiteral("YT764306505053"),
                      QStringLiteral("--phone"), kOtherPhone},
                     kStart, "246802\n")
                     .code,
                 0);
        QCOMPARE(rows(QStringLiteral("parcel_event"), QStringLiteral("actor = '李'")), 1);
        const Run setting =
            ctl({QStringLiteral("--user"), QStringLiteral("李"), QStringLiteral("--pin-stdin"),
                 QStringLiteral("--json"), QStringLiteral("settings"), QStringLiteral("set"),
                 QStringLiteral("undo_window_min"), QStringLiteral("1440")},
                kStart, "246802\n");
        QCOMPARE(setting.code, 3);
        QVERIFY(setting.out.contains("permission.denied"));
        // A wrong PIN is refused (exit 2) and counted.
        QCOMPARE(ctl({QStringLiteral("--user"), QStringLiteral("李"), QStringLiteral("--pin-stdin"),
                      QStringLiteral("status")},
                     kStart, "000000\n")
                     .code,
                 2);
        QCOMPARE(rows(QStringLiteral("staff_user"), QStringLiteral("failed_pins = 1")), 1);

        // The history verifies; an edit made with another connection is found and named.
        QCOMPARE(ctl({QStringLiteral("audit"), QStringLiteral("verify")}).code, 0);
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"),
                     {m_db, QStringLiteral("UPDATE parcel_event SET actor = 'station' WHERE actor = '李'")});
        QVERIFY(sqlite.waitForFinished(10000));
        QCOMPARE(sqlite.exitCode(), 0);
        const Run verify = ctl({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.code, 3);
        QVERIFY2(verify.out.contains("audit.chain_broken") && verify.out.contains("parcel_event"),
                 verify.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliStaff)
#include "tst_cli_staff.moc"
