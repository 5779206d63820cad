// Staff, PINs and roles: the first owner, login and its lockout (stored, on the context's clock),
// PIN resets and the recovery code; the permission table enforced by the core for each role and
// operation, a refusal writing nothing but its audit row; and the hash chains, which `audit verify`
// (verifyChains) checks after rows are edited, deleted or inserted behind the program's back.
#include "accounts.h"
#include "chain.h"
#include "fixture.h"
#include "staff.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <functional>
#include <map>
#include <sys/stat.h>

using namespace cz;

namespace {
const QString kOwnerPin = QStringLiteral("135790");
const QString kKeeperPin = QStringLiteral("246802");
const QString kTraineePin = QStringLiteral("112233");

// Domain tables a refused change must leave untouched.
QList<int> domainRows(test::Fixture& f) {
    QList<int> out;
    for (const char* t : {"parcel", "parcel_event", "outbox", "setting", "villager", "account_entry",
                          "cash_entry", "waybill_block", "staff_user"})
        out << f.rows(QString::fromLatin1(t));
    out << f.rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'"));
    return out;
}

// Raw SQL on a connection of its own, as the sqlite3 shell would: behind the program's back.
void tamper(const QString& path, const QString& sql) {
    const QString name = QStringLiteral("tamper");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + QStringLiteral(": ") + sql));
    }
    QSqlDatabase::removeDatabase(name);
}

struct StaffStation {
    test::Fixture f;
    Staff staff{*f.station->ctx};
    QString recovery;
    StaffStation() {
        auto code = staff.createFirstOwner(QStringLiteral("王站长"), kOwnerPin);
        if (!code)
            qFatal("owner: %s", qPrintable(code.error().message));
        recovery = *code;
        if (!staff.login(QStringLiteral("王站长"), kOwnerPin))
            qFatal("owner login failed");
        if (!staff.add(QStringLiteral("李"), Role::Keeper, kKeeperPin) ||
            !staff.add(QStringLiteral("小张"), Role::Trainee, kTraineePin))
            qFatal("add staff failed");
    }
};
} // namespace

class TestStaff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pinHashKeepsSaltAndCost();
    void firstOwnerOnce();
    void loginAndLockout();
    void lockoutSurvivesRestart();
    void resetAndRecover();
    void anonymousMayOnlyReadOnceOwnerExists();
    void permissions_data();
    void permissions();
    void chainVerifiesHistory();
    void tamperingDetected_data();
    void tamperingDetected();
    void databaseFilesOwnerOnly();
    void cleanupTestCase() { m_stations.clear(); }

private:
    std::map<QString, std::unique_ptr<StaffStation>> m_stations;
};

void TestStaff::pinHashKeepsSaltAndCost() {
    auto a = hashSecret(QStringLiteral("123456"));
    auto b = hashSecret(QStringLiteral("123456"));
    QVERIFY(a && b);
    QVERIFY(a->startsWith("$argon2id$v=19$m=49152,t=2,p=1$"));
    QVERIFY(*a != *b); // a random salt each
    QVERIFY(verifySecret(*a, QStringLiteral("123456")));
    QVERIFY(!verifySecret(*a, QStringLiteral("123457")));
    QVERIFY(!hashCostBelow(*a));
    auto cheap = hashSecret(QStringLiteral("123456"), {1, 8 * 1024, 1});
    QVERIFY(cheap && hashCostBelow(*cheap) && verifySecret(*cheap, QStringLiteral("123456")));
    QCOMPARE(lockDelayMs(4), 0);
    QCOMPARE(lockDelayMs(5), kFirstLockMs);
    QCOMPARE(lockDelayMs(6), 2 * kFirstLockMs);
    QCOMPARE(lockDelayMs(40), kLongestLockMs);
}

void TestStaff::firstOwnerOnce() {
    test::Fixture f;
    Staff staff(*f.station->ctx);
    QVERIFY(!f.station->ctx->ownerExists());
    QCOMPARE(staff.createFirstOwner(QStringLiteral("王"), QStringLiteral("12345")).error().code,
             QStringLiteral("pin.invalid"));
    QCOMPARE(staff.createFirstOwner(QStringLiteral("王"), QStringLiteral("12345a")).error().code,
             QStringLiteral("pin.invalid"));
    QCOMPARE(staff.createFirstOwner(QStringLiteral("station"), kOwnerPin).error().code,
             QStringLiteral("staff.name_reserved"));
    auto code = staff.createFirstOwner(QStringLiteral("王"), kOwnerPin);
    QVERIFY2(code, code ? "" : qPrintable(code.error().message));
    QCOMPARE(code->size(), 24); // XXXX-XXXX-XXXX-XXXX-XXXX
    QVERIFY(f.station->ctx->ownerExists());
    QCOMPARE(staff.createFirstOwner(QStringLiteral("赵"), kOwnerPin).error().code,
             QStringLiteral("staff.owner_exists"));
    // Neither the PIN nor the code is stored in clear.
    QCOMPARE(f.rows(QStringLiteral("staff_user"), QStringLiteral("pin_hash LIKE '%135790%'")), 0);
    QCOMPARE(f.rows(QStringLiteral("staff_recovery"), QStringLiteral("code_hash LIKE '$argon2id$%'")), 1);
    QCOMPARE(f.rows(QStringLiteral("outbox"), QStringLiteral("kind LIKE 'staff%'")),
             0); // never to the county
}

void TestStaff::loginAndLockout() {
    StaffStation s;
    auto& ctx = *s.f.station->ctx;
    s.staff.logout();
    QVERIFY(!ctx.user());
    for (int i = 1; i <= 4; ++i)
        QCOMPARE(s.staff.login(QStringLiteral("李"), QStringLiteral("000000")).error().code,
                 QStringLiteral("login.failed"));
    // The fifth wrong PIN locks the name for 30 s, even against the right PIN.
    QCOMPARE(s.staff.login(QStringLiteral("李"), QStringLiteral("000000")).error().code,
             QStringLiteral("login.locked"));
    QCOMPARE(s.staff.login(QStringLiteral("李"), kKeeperPin).error().code, QStringLiteral("login.locked"));
    s.f.clock->advance(kFirstLockMs - 1000);
    QCOMPARE(s.staff.login(QStringLiteral("李"), kKeeperPin).error().code, QStringLiteral("login.locked"));
    s.f.clock->advance(1000);
    // A sixth wrong PIN locks it twice as long.
    QCOMPARE(s.staff.login(QStringLiteral("李"), QStringLiteral("000000")).error().code,
             QStringLiteral("login.locked"));
    QCOMPARE(s.staff.member(QStringLiteral("李"))->lockedUntil, ctx.now() + 2 * kFirstLockMs);
    s.f.clock->advance(2 * kFirstLockMs);
    auto m = s.staff.login(QStringLiteral("李"), kKeeperPin);
    QVERIFY2(m, m ? "" : qPrintable(m.error().message));
    QCOMPARE(ctx.user()->role, Role::Keeper);
    QCOMPARE(ctx.actor(), QStringLiteral("李"));
    QCOMPARE(s.staff.member(QStringLiteral("李"))->failedPins, 0);
    // An unknown name fails like a wrong PIN; everything is in the audit log.
    QCOMPARE(s.staff.login(QStringLiteral("nobody"), kKeeperPin).error().code,
             QStringLiteral("login.failed"));
    QCOMPARE(s.f.rows(QStringLiteral("audit_log"), QStringLiteral("action = 'login.failed'")), 7);
    QCOMPARE(s.f.rows(QStringLiteral("audit_log"), QStringLiteral("action = 'login.locked'")), 2);
    // A deactivated person cannot log in.
    QVERIFY(s.staff.login(QStringLiteral("王站长"), kOwnerPin));
    QVERIFY(s.staff.deactivate(QStringLiteral("小张")));
    QCOMPARE(s.staff.deactivate(QStringLiteral("王站长")).error().code, QStringLiteral("staff.last_owner"));
    QCOMPARE(s.staff.login(QStringLiteral("小张"), kTraineePin).error().code, QStringLiteral("login.failed"));
}

void TestStaff::lockoutSurvivesRestart() {
    auto s = std::make_unique<StaffStation>();
    for (int i = 0; i < 5; ++i)
        (void)s->staff.login(QStringLiteral("李"), QStringLiteral("999999"));
    // Reopen the database: the lock holds.
    auto reopened = test::StationServices::open(s->f.path(), {}, s->f.clock);
    QVERIFY(reopened);
    Staff again(*(*reopened)->ctx);
    QCOMPARE(again.login(QStringLiteral("李"), kKeeperPin).error().code, QStringLiteral("login.locked"));
}

void TestStaff::resetAndRecover() {
    StaffStation s;
    // The owner resets a keeper's PIN (and unlocks the name).
    QVERIFY(s.staff.resetPin(QStringLiteral("李"), QStringLiteral("777777")));
    QVERIFY(s.staff.login(QStringLiteral("李"), QStringLiteral("777777")));
    // A keeper may not.
    QCOMPARE(s.staff.resetPin(QStringLiteral("小张"), QStringLiteral("777777")).error().code,
             QStringLiteral("permission.denied"));
    s.staff.logout();
    // A forgotten owner PIN: only the recovery code resets it, and it is spent.
    QCOMPARE(s.staff
                 .recoverOwner(QStringLiteral("王站长"), QStringLiteral("AAAA-BBBB-CCCC-DDDD-EEEE"),
                               QStringLiteral("555555"))
                 .error()
                 .code,
             QStringLiteral("recovery.wrong_code"));
    auto next =
        s.staff.recoverOwner(QStringLiteral("王站长"), s.recovery.toLower(), QStringLiteral("555555"));
    QVERIFY2(next, next ? "" : qPrintable(next.error().message));
    QVERIFY(*next != s.recovery);
    QVERIFY(!s.staff.recoverOwner(QStringLiteral("王站长"), s.recovery, QStringLiteral("444444")));
    QCOMPARE(s.staff.login(QStringLiteral("王站长"), kOwnerPin).error().code, QStringLiteral("login.failed"));
    QVERIFY(s.staff.login(QStringLiteral("王站长"), QStringLiteral("555555")));
}

void TestStaff::anonymousMayOnlyReadOnceOwnerExists() {
    test::Fixture f;
    f.receive(QStringLiteral("YT1000000000001"), QStringLiteral("13800001111")); // as "station": no owner yet
    Staff staff(*f.station->ctx);
    QVERIFY(staff.createFirstOwner(QStringLiteral("王"), kOwnerPin));
    const auto before = domainRows(f);
    auto r = f.station->inbound.receive(
        {QStringLiteral("YT1000000000002"), QStringLiteral("13800002222"), {}, QStringLiteral("YTO"), {}});
    QCOMPARE(r.error().code, QStringLiteral("login.required"));
    QCOMPARE(domainRows(f), before);
    QCOMPARE(f.station->pickup.lookUp(QStringLiteral("1111"))->people.size(), 1); // reading still works
    QCOMPARE(f.rows(QStringLiteral("audit_log"), QStringLiteral("action = 'permission.denied'")), 1);
}

// Every operation, run by each role: allowed or refused, and a refusal writes nothing. prepare runs
// as the owner (the test's own setup) and gives act what it works on.
struct Operation {
    std::function<QString(StaffStation&)> prepare;
    std::function<Error(StaffStation&, const QString&)> act; // code empty when it went through
};

namespace {
template<class R> Error outcome(const R& r) {
    return r ? Error{ErrorKind::Internal, QString(), QString(), {}} : r.error();
}

QString receiveOne(StaffStation& s, const QString& waybill) {
    auto r =
        s.f.station->inbound.receive({waybill, QStringLiteral("13800003333"), {}, QStringLiteral("YTO"), {}});
    return r ? r->parcel.id : QString();
}

QString villager(StaffStation& s) {
    auto v = Accounts(*s.f.station->ctx).find(QStringLiteral("13900009999"));
    return v && !v->isEmpty() ? v->first().id : QString();
}

std::map<QString, Operation> operations() {
    auto nothing = [](StaffStation&) { return QString(); };
    return {
        {QStringLiteral("receive"),
         {nothing,
          [](StaffStation& s, const QString&) {
              return outcome(s.f.station->inbound.receive({QStringLiteral("YT2000000000001"),
                                                           QStringLiteral("13800004444"),
                                                           {},
                                                           QStringLiteral("YTO"),
                                                           {}}));
          }}},
        {QStringLiteral("hand_over"),
         {[](StaffStation& s) { return receiveOne(s, QStringLiteral("YT3000000000001")); },
          [](StaffStation& s, const QString& id) { return outcome(s.f.station->pickup.handOver({id})); }}},
        {QStringLiteral("undo_pickup"),
         {[](StaffStation& s) {
              const QString id = receiveOne(s, QStringLiteral("YT3000000000002"));
              return s.f.station->pickup.handOver({id}) ? id : QString();
          },
          [](StaffStation& s, const QString& id) { return outcome(s.f.station->pickup.undoPickup(id)); }}},
        {QStringLiteral("mark_return"),
         {[](StaffStation& s) { return receiveOne(s, QStringLiteral("YT3000000000003")); },
          [](StaffStation& s, const QString& id) {
              return outcome(s.f.station->overdue.markForReturn(id, ReturnReason::Refused, {}));
          }}},
        {QStringLiteral("setting"),
         {nothing,
          [](StaffStation& s, const QString&) {
              return outcome(
                  s.f.station->setup.setSetting(QStringLiteral("undo_window_min"), QStringLiteral("1440")));
          }}},
        {QStringLiteral("waybills"),
         {nothing,
          [](StaffStation& s, const QString&) {
              return outcome(s.f.station->desk.importWaybillBlock(QStringLiteral("EMS"), QStringLiteral("1"),
                                                                  1, 100, 12));
          }}},
        {QStringLiteral("add_villager"),
         {nothing,
          [](StaffStation& s, const QString&) {
              return outcome(Accounts(*s.f.station->ctx)
                                 .add({QStringLiteral("赵六"), QStringLiteral("13900001111"), {}, {}, 0}));
          }}},
        {QStringLiteral("edit_villager"),
         {villager,
          [](StaffStation& s, const QString& id) {
              VillagerChanges changes;
              changes.group = QStringLiteral("九组");
              return outcome(Accounts(*s.f.station->ctx).edit(id, changes));
          }}},
        {QStringLiteral("deposit"),
         {villager,
          [](StaffStation& s, const QString& id) {
              return outcome(Accounts(*s.f.station->ctx).deposit(id, 1000, PayMethod::Cash, {}));
          }}},
        {QStringLiteral("correct"),
         {villager,
          [](StaffStation& s, const QString& id) {
              return outcome(
                  Accounts(*s.f.station->ctx).correct(id, -100, PayMethod::Cash, QStringLiteral("typo")));
          }}},
        {QStringLiteral("credit_limit"),
         {villager,
          [](StaffStation& s, const QString& id) {
              return outcome(Accounts(*s.f.station->ctx).setCreditLimit(id, 20000));
          }}},
        {QStringLiteral("add_staff"),
         {nothing,
          [](StaffStation& s, const QString&) {
              return outcome(Staff(*s.f.station->ctx)
                                 .add(QStringLiteral("新人"), Role::Keeper, QStringLiteral("909090")));
          }}},
    };
}
} // namespace

void TestStaff::permissions_data() {
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("allowed");
    const std::map<QString, QStringList> allowedFor{
        {QStringLiteral("receive"),
         {QStringLiteral("owner"), QStringLiteral("keeper"), QStringLiteral("trainee")}},
        {QStringLiteral("hand_over"),
         {QStringLiteral("owner"), QStringLiteral("keeper"), QStringLiteral("trainee")}},
        {QStringLiteral("undo_pickup"), {QStringLiteral("owner"), QStringLiteral("keeper")}},
        {QStringLiteral("mark_return"), {QStringLiteral("owner"), QStringLiteral("keeper")}},
        {QStringLiteral("setting"), {QStringLiteral("owner")}},
        {QStringLiteral("waybills"), {QStringLiteral("owner")}},
        {QStringLiteral("add_villager"), {QStringLiteral("owner"), QStringLiteral("keeper")}},
        {QStringLiteral("edit_villager"), {QStringLiteral("owner"), QStringLiteral("keeper")}},
        {QStringLiteral("deposit"), {QStringLiteral("owner"), QStringLiteral("keeper")}},
        {QStringLiteral("correct"), {QStringLiteral("owner")}},
        {QStringLiteral("credit_limit"), {QStringLiteral("owner")}},
        {QStringLiteral("add_staff"), {QStringLiteral("owner")}},
    };
    for (const QString& role : {QStringLiteral("owner"), QStringLiteral("keeper"), QStringLiteral("trainee"),
                                QStringLiteral("nobody")})
        for (const auto& [op, roles] : allowedFor)
            QTest::newRow(qPrintable(role + QLatin1Char(' ') + op)) << role << op << roles.contains(role);
}

void TestStaff::permissions() {
    QFETCH(QString, role);
    QFETCH(QString, operation);
    QFETCH(bool, allowed);
    // One station per role, shared by that role's rows (a PIN costs a tenth of a second).
    auto& s = m_stations[role];
    if (!s) {
        s = std::make_unique<StaffStation>();
        Accounts accounts(*s->f.station->ctx);
        QVERIFY(accounts.add({QStringLiteral("钱七"), QStringLiteral("13900009999"), {}, {}, 0}));
        QVERIFY(accounts.deposit(villager(*s), 5000, PayMethod::Cash, {}));
        s->staff.logout();
        const std::map<QString, std::pair<QString, QString>> logins{
            {QStringLiteral("owner"), {QStringLiteral("王站长"), kOwnerPin}},
            {QStringLiteral("keeper"), {QStringLiteral("李"), kKeeperPin}},
            {QStringLiteral("trainee"), {QStringLiteral("小张"), kTraineePin}}};
        if (auto it = logins.find(role); it != logins.end())
            QVERIFY(s->staff.login(it->second.first, it->second.second));
    }
    auto& ctx = *s->f.station->ctx;
    const Operation op = operations().at(operation);
    const auto session = ctx.user();
    ctx.setUser(QStringLiteral("王站长"), Role::Owner);
    const QString subject = op.prepare(*s);
    if (session)
        ctx.setUser(session->name, session->role);
    else
        ctx.logout();

    const auto before = domainRows(s->f);
    const QString denied = QStringLiteral("action = 'permission.denied'");
    const int denialsBefore = s->f.rows(QStringLiteral("audit_log"), denied);
    const Error e = op.act(*s, subject);
    if (allowed) {
        QVERIFY2(e.code.isEmpty(), qPrintable(e.message));
        QVERIFY(domainRows(s->f) != before);
        return;
    }
    QCOMPARE(e.code, role == QLatin1String("nobody") ? QStringLiteral("login.required")
                                                     : QStringLiteral("permission.denied"));
    QVERIFY(!e.message.isEmpty());
    QCOMPARE(domainRows(s->f), before);
    QCOMPARE(s->f.rows(QStringLiteral("audit_log"), denied), denialsBefore + 1);
}

void TestStaff::chainVerifiesHistory() {
    StaffStation s;
    s.f.receive(QStringLiteral("YT4000000000001"), QStringLiteral("13800005555"));
    s.f.receive(QStringLiteral("YT4000000000002"), QStringLiteral("13800006666"));
    Accounts a(*s.f.station->ctx);
    auto v = a.add({QStringLiteral("孙八"), QStringLiteral("13900002222"), {}, {}, 0});
    QVERIFY(v && a.deposit(v->id, 1000, PayMethod::Cash, {}));
    auto report = verifyChains(s.f.station->ctx->database());
    QVERIFY(report);
    QVERIFY(!report->firstBreak);
    QCOMPARE(report->chains.size(), kChainCount);
    QCOMPARE(report->chains[int(Chain::ParcelEvents)].rows, 2);
    QCOMPARE(report->chains[int(Chain::Ledger)].rows, 1);
    QCOMPARE(report->chains[int(Chain::CashBook)].rows, 1);
    QVERIFY(report->chains[int(Chain::Audit)].rows >= 4);
    QCOMPARE(s.f.rows(QStringLiteral("parcel_event"), QStringLiteral("chain_seq IS NULL")), 0);
}

void TestStaff::tamperingDetected_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<bool>("namesRow");
    // Each table: edit a row, delete one in the middle, delete the last, insert one.
    QTest::newRow("edit event") << QStringLiteral("UPDATE parcel_event SET actor = 'x' WHERE chain_seq = 2")
                                << QStringLiteral("parcel_event") << QStringLiteral("altered") << true;
    QTest::newRow("delete event") << QStringLiteral("DELETE FROM parcel_event WHERE chain_seq = 1")
                                  << QStringLiteral("parcel_event") << QStringLiteral("missing_before")
                                  << true;
    QTest::newRow("delete last event")
        << QStringLiteral(
               "DELETE FROM parcel_event WHERE chain_seq = (SELECT max(chain_seq) FROM parcel_event)")
        << QStringLiteral("parcel_event") << QStringLiteral("missing_at_end") << false;
    QTest::newRow("insert event") << QStringLiteral("INSERT INTO parcel_event(parcel_id, at, id, kind, data, "
                                                    "actor) SELECT parcel_id, at + 1, 'forged', kind, data,"
                                                    " actor FROM parcel_event LIMIT 1")
                                  << QStringLiteral("parcel_event") << QStringLiteral("not_chained") << true;
    QTest::newRow("insert event with a copied link")
        << QStringLiteral(
               "INSERT INTO parcel_event(parcel_id, at, id, kind, data, actor, chain_seq, hash) SELECT "
               "parcel_id, at + 1,"
               " 'forged', kind, data, actor, chain_seq + 1, hash FROM parcel_event WHERE chain_seq = 1")
        << QStringLiteral("parcel_event") << QStringLiteral("altered") << true;
    QTest::newRow("edit ledger amount")
        << QStringLiteral("UPDATE account_entry SET amount_fen = 100000") << QStringLiteral("account_entry")
        << QStringLiteral("altered") << true;
    QTest::newRow("delete ledger") << QStringLiteral("DELETE FROM account_entry")
                                   << QStringLiteral("account_entry") << QStringLiteral("missing_at_end")
                                   << false;
    QTest::newRow("edit cash") << QStringLiteral("UPDATE cash_entry SET note = 'x'")
                               << QStringLiteral("cash_entry") << QStringLiteral("altered") << true;
    QTest::newRow("edit audit") << QStringLiteral(
                                       "UPDATE audit_log SET subject = 'someone' WHERE chain_seq = 1")
                                << QStringLiteral("audit_log") << QStringLiteral("altered") << true;
    QTest::newRow("delete audit") << QStringLiteral("DELETE FROM audit_log WHERE chain_seq = 2")
                                  << QStringLiteral("audit_log") << QStringLiteral("missing_before") << true;
    QTest::newRow("insert audit")
        << QStringLiteral("INSERT INTO audit_log(seq, at, actor, action) VALUES (9999, 0, 'x', 'login')")
        << QStringLiteral("audit_log") << QStringLiteral("not_chained") << true;
    QTest::newRow("head rewound") << QStringLiteral(
                                         "UPDATE chain_head SET seq = seq - 1 WHERE chain = 'cash_entry'")
                                  << QStringLiteral("cash_entry") << QStringLiteral("head_altered") << false;
}

void TestStaff::tamperingDetected() {
    QFETCH(QString, sql);
    QFETCH(QString, table);
    QFETCH(QString, problem);
    QFETCH(bool, namesRow);
    // No PINs here (a hash costs a tenth of a second): the audit rows are written directly.
    auto s = std::make_unique<test::Fixture>();
    for (const char* action : {"login", "staff.added", "login"})
        QVERIFY(s->station->ctx->audit(QString::fromLatin1(action), QStringLiteral("王")));
    s->receive(QStringLiteral("YT5000000000001"), QStringLiteral("13800007777"));
    s->receive(QStringLiteral("YT5000000000002"), QStringLiteral("13800008888"));
    Accounts a(*s->station->ctx);
    auto v = a.add({QStringLiteral("周九"), QStringLiteral("13900003333"), {}, {}, 0});
    QVERIFY(v && a.deposit(v->id, 1000, PayMethod::Cash, {}));
    const QString path = s->path();
    QVERIFY(!verifyChains(s->station->ctx->database())->firstBreak);
    tamper(path, sql); // someone edits the file with the sqlite3 shell
    auto db = Database::open(path);
    QVERIFY(db);
    auto report = verifyChains(**db);
    QVERIFY(report);
    QVERIFY2(report->firstBreak, qPrintable(sql));
    QCOMPARE(report->firstBreak->table, table);
    QCOMPARE(report->firstBreak->problem, problem);
    QCOMPARE(!report->firstBreak->row.isEmpty(), namesRow);
}

void TestStaff::databaseFilesOwnerOnly() {
    // Whatever the umask, the database and its WAL and SHM are the owner's only (the county token,
    // PIN hashes and phone numbers are in it).
    const mode_t old = ::umask(0);
    test::Fixture f;
    ::umask(old);
    f.receive(QStringLiteral("YT6000000000001"), QStringLiteral("13800001234"));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        struct stat st {};
        QVERIFY2(::stat(QFile::encodeName(f.path() + suffix).constData(), &st) == 0, qPrintable(suffix));
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
    }
    // A database made wider before is narrowed when opened.
    QFile::setPermissions(f.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QVERIFY(Database::open(f.path()));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(f.path()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
}

QTEST_GUILESS_MAIN(TestStaff)
#include "tst_staff.moc"
