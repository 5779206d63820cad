#include "staff.h"

#include "chain.h"
#include "writetx.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <argon2.h>

namespace cz {

namespace {
struct StaffText {
    Q_DECLARE_TR_FUNCTIONS(Staff)
};

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr int kMaxNameLength = 32;
// Crockford's base32: no I, L, O or U to misread on paper.
constexpr char kCodeAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int kCodeGroups = 5; // 5 groups of 4: 100 bits
// Compared against when the name is unknown, so a wrong name costs the same time as a wrong PIN.
constexpr char kDummyHash[] =
    "$argon2id$v=19$m=49152,t=2,p=1$AQAAAAAAAAAAAAAAAAAAAA$RYcVm8EKYk2yd+o9IcZyBx22XuNShj9wUKUJ6sjKkpE";

Error wrongPin() {
    return Error{
        ErrorKind::BadInput, QStringLiteral("login.failed"), StaffText::tr("Wrong name or PIN."), {}};
}

QString normaliseCode(const QString& input) {
    QString out;
    for (QChar c : input.toUpper()) {
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        if (c.isLetterOrNumber())
            out.append(c);
    }
    return out;
}

Result<StaffMember> readMember(Database& db, const QString& name, QByteArray* pinHash = nullptr) {
    auto q =
        db.exec(QStringLiteral("SELECT name, role, active, failed_pins, locked_until, created_at, pin_hash"
                               " FROM staff_user WHERE name = ?"),
                {name});
    if (!q)
        return fail(q.error());
    if (!(*q)->next())
        return fail(ErrorKind::NotFound, QStringLiteral("staff.not_found"),
                    StaffText::tr("No staff member is called %1.").arg(name));
    StaffMember m;
    m.name = (*q)->value(0).toString();
    m.role = parseRole((*q)->value(1).toString()).value_or(Role::Trainee);
    m.active = (*q)->value(2).toBool();
    m.failedPins = (*q)->value(3).toInt();
    m.lockedUntil = (*q)->value(4).toLongLong();
    m.createdAt = (*q)->value(5).toLongLong();
    if (pinHash)
        *pinHash = (*q)->value(6).toByteArray();
    (*q)->finish();
    return m;
}
} // namespace

Result<QByteArray> hashSecret(const QString& secret, const PinHashCost& cost) {
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(salt.data()),
                                         reinterpret_cast<quint32*>(salt.data() + salt.size()));
    const QByteArray pwd = secret.toUtf8();
    QByteArray encoded(
        int(argon2_encodedlen(cost.timeCost, cost.memoryKiB, cost.lanes, kSaltBytes, kHashBytes, Argon2_id)),
        '\0');
    const int rc = argon2id_hash_encoded(cost.timeCost, cost.memoryKiB, cost.lanes, pwd.constData(),
                                         size_t(pwd.size()), salt.constData(), size_t(salt.size()),
                                         kHashBytes, encoded.data(), size_t(encoded.size()));
    if (rc != ARGON2_OK)
        return fail(ErrorKind::Internal, QStringLiteral("pin.hash_failed"),
                    StaffText::tr("The PIN could not be stored safely (%1).")
                        .arg(QString::fromLatin1(argon2_error_message(rc))));
    encoded.truncate(int(qstrlen(encoded.constData())));
    return encoded;
}

bool verifySecret(const QByteArray& encoded, const QString& secret) {
    const QByteArray pwd = secret.toUtf8();
    return argon2id_verify(encoded.constData(), pwd.constData(), size_t(pwd.size())) == ARGON2_OK;
}

bool hashCostBelow(const QByteArray& encoded, const PinHashCost& cost) {
    static const QRegularExpression re(QStringLiteral("\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"));
    const auto m = re.match(QString::fromLatin1(encoded));
    if (!m.hasMatch())
        return true;
    return m.captured(1).toUInt() < cost.memoryKiB || m.captured(2).toUInt() < cost.timeCost;
}

qint64 lockDelayMs(int failed) {
    if (failed < kMaxFailedPins)
        return 0;
    const int doublings = std::min(failed - kMaxFailedPins, 20);
    return std::min<qint64>(kFirstLockMs << doublings, kLongestLockMs);
}

QStringList staffSchemaStep() {
    QStringList s{
        QStringLiteral("CREATE TABLE staff_user ("
                       " name TEXT PRIMARY KEY,"
                       " role TEXT NOT NULL CHECK (role IN ('owner', 'keeper', 'trainee')),"
                       " active INTEGER NOT NULL DEFAULT 1,"
                       " pin_hash TEXT NOT NULL,"
                       " failed_pins INTEGER NOT NULL DEFAULT 0,"
                       " locked_until INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE staff_recovery (id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " code_hash TEXT NOT NULL, created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE audit_log ("
                       " seq INTEGER PRIMARY KEY,"
                       " at INTEGER NOT NULL,"
                       " actor TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " subject TEXT NOT NULL DEFAULT '',"
                       " detail TEXT NOT NULL DEFAULT '',"
                       " chain_seq INTEGER,"
                       " hash BLOB)"),
        QStringLiteral("CREATE TABLE chain_head (chain TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash BLOB,"
                       " legacy INTEGER NOT NULL)"),
    };
    // Rows from before the chains are counted as legacy; every later row is chained.
    for (const char* table : {"parcel_event", "account_entry", "cash_entry"}) {
        s << QStringLiteral("ALTER TABLE %1 ADD COLUMN chain_seq INTEGER").arg(QLatin1String(table))
          << QStringLiteral("ALTER TABLE %1 ADD COLUMN hash BLOB").arg(QLatin1String(table));
    }
    for (Chain c : {Chain::Audit, Chain::ParcelEvents, Chain::Ledger, Chain::CashBook})
        s << QStringLiteral("INSERT INTO chain_head(chain, seq, hash, legacy) SELECT '%1', 0, NULL, count(*)"
                            " FROM %2")
                 .arg(QLatin1String(chainDef(c).name), QLatin1String(chainDef(c).table));
    return s;
}

Status Staff::checkPin(const QString& pin) {
    static const QRegularExpression digits(QStringLiteral("^[0-9]{%1}$").arg(kPinLength));
    if (!digits.match(pin).hasMatch())
        return fail(ErrorKind::BadInput, QStringLiteral("pin.invalid"),
                    StaffText::tr("A PIN is exactly %1 digits.").arg(kPinLength));
    return {};
}

Result<QString> Staff::checkName(const QString& input) {
    const QString name = input.simplified();
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return fail(ErrorKind::BadInput, QStringLiteral("staff.name_invalid"),
                    StaffText::tr("A staff name has 1 to %1 characters.").arg(kMaxNameLength));
    if (name.compare(QLatin1String(kStationActor), Qt::CaseInsensitive) == 0 ||
        name.compare(QLatin1String("support"), Qt::CaseInsensitive) == 0)
        return fail(ErrorKind::BadInput, QStringLiteral("staff.name_reserved"),
                    StaffText::tr("The name %1 is reserved; choose another.").arg(name));
    return name;
}

Result<QList<StaffMember>> Staff::list() {
    QList<StaffMember> out;
    if (!hasChains(m_ctx.database()))
        return out;
    auto q = m_ctx.database().exec(QStringLiteral("SELECT name FROM staff_user ORDER BY created_at, name"));
    if (!q)
        return fail(q.error());
    QStringList names;
    while ((*q)->next())
        names << (*q)->value(0).toString();
    (*q)->finish();
    for (const QString& n : names) {
        auto m = readMember(m_ctx.database(), n);
        if (!m)
            return fail(m.error());
        out << *m;
    }
    return out;
}

Result<StaffMember> Staff::member(const QString& name) {
    return readMember(m_ctx.database(), name.simplified());
}

Result<QString> Staff::newRecoveryCode(WriteTx& tx) {
    QString code;
    auto* rng = QRandomGenerator::system();
    for (int g = 0; g < kCodeGroups; ++g) {
        if (g)
            code += QLatin1Char('-');
        for (int i = 0; i < 4; ++i)
            code += QLatin1Char(kCodeAlphabet[rng->bounded(32)]);
    }
    auto hash = hashSecret(normaliseCode(code));
    if (!hash)
        return fail(hash.error());
    if (auto st = tx.write(QStringLiteral("INSERT OR REPLACE INTO staff_recovery(id, code_hash, created_at)"
                                          " VALUES (1, ?, ?)"),
                           {QString::fromLatin1(*hash), tx.now()});
        !st)
        return fail(st.error());
    return code;
}

Result<QString> Staff::createFirstOwner(const QString& nameInput, const QString& pin) {
    auto name = checkName(nameInput);
    if (!name)
        return fail(name.error());
    if (auto st = checkPin(pin); !st)
        return fail(st.error());
    auto hash = hashSecret(pin);
    if (!hash)
        return fail(hash.error());
    auto tx = m_ctx.beginLocal();
    if (!tx)
        return fail(tx.error());
    auto owners = tx->scalar(QStringLiteral("SELECT count(*) FROM staff_user WHERE role = 'owner'"));
    if (!owners)
        return fail(owners.error());
    if (owners->toInt() > 0)
        return fail(ErrorKind::Conflict, QStringLiteral("staff.owner_exists"),
                    StaffText::tr("The station already has an owner; the owner adds staff."));
    if (auto st =
            tx->write(QStringLiteral("INSERT INTO staff_user(name, role, pin_hash, created_at, updated_at)"
                                     " VALUES (?, 'owner', ?, ?, ?)"),
                      {*name, QString::fromLatin1(*hash), tx->now(), tx->now()});
        !st)
        return fail(st.error());
    auto code = newRecoveryCode(*tx);
    if (!code)
        return fail(code.error());
    if (auto st = tx->appendAudit(QStringLiteral("staff.owner_created"), *name); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    if (auto st = m_ctx.reloadAndNotify(Domain::Station); !st)
        return fail(st.error());
    return *code;
}

Status Staff::add(const QString& nameInput, Role role, const QString& pin) {
    if (auto st = m_ctx.require(Permission::ManageStaff); !st)
        return st;
    auto name = checkName(nameInput);
    if (!name)
        return fail(name.error());
    if (auto st = checkPin(pin); !st)
        return st;
    auto hash = hashSecret(pin);
    if (!hash)
        return fail(hash.error());
    auto tx = m_ctx.beginLocal();
    if (!tx)
        return fail(tx.error());
    auto exists = tx->scalar(QStringLiteral("SELECT count(*) FROM staff_user WHERE name = ?"), {*name});
    if (!exists)
        return fail(exists.error());
    if (exists->toInt() > 0)
        return fail(ErrorKind::Conflict, QStringLiteral("staff.duplicate"),
                    StaffText::tr("There is already a staff member called %1.").arg(*name));
    if (auto st =
            tx->write(QStringLiteral("INSERT INTO staff_user(name, role, pin_hash, created_at, updated_at)"
                                     " VALUES (?, ?, ?, ?, ?)"),
                      {*name, roleName(role), QString::fromLatin1(*hash), tx->now(), tx->now()});
        !st)
        return st;
    if (auto st = tx->appendAudit(QStringLiteral("staff.added"), *name, roleName(role)); !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    return m_ctx.reloadAndNotify(Domain::Station);
}

Status Staff::resetPin(const QString& nameInput, const QString& newPin) {
    if (auto st = m_ctx.require(Permission::ManageStaff); !st)
        return st;
    const QString name = nameInput.simplified();
    if (auto st = checkPin(newPin); !st)
        return st;
    auto target = readMember(m_ctx.database(), name);
    if (!target)
        return fail(target.error());
    // An owner's PIN is changed by that owner, or recovered with the recovery code.
    if (target->role == Role::Owner && (!m_ctx.user() || m_ctx.user()->name != target->name))
        return fail(ErrorKind::Conflict, QStringLiteral("staff.owner_pin"),
                    StaffText::tr("Another owner's PIN can only be reset with the recovery code."));
    auto hash = hashSecret(newPin);
    if (!hash)
        return fail(hash.error());
    auto tx = m_ctx.beginLocal();
    if (!tx)
        return fail(tx.error());
    if (auto st =
            tx->write(QStringLiteral("UPDATE staff_user SET pin_hash = ?, failed_pins = 0, locked_until = 0,"
                                     " updated_at = ? WHERE name = ?"),
                      {QString::fromLatin1(*hash), tx->now(), target->name});
        !st)
        return st;
    if (auto st = tx->appendAudit(QStringLiteral("staff.pin_reset"), target->name); !st)
        return st;
    return tx->commit();
}

Status Staff::deactivate(const QString& nameInput) {
    if (auto st = m_ctx.require(Permission::ManageStaff); !st)
        return st;
    auto target = readMember(m_ctx.database(), nameInput.simplified());
    if (!target)
        return fail(target.error());
    auto tx = m_ctx.beginLocal();
    if (!tx)
        return fail(tx.error());
    if (target->role == Role::Owner) {
        auto owners =
            tx->scalar(QStringLiteral("SELECT count(*) FROM staff_user WHERE role = 'owner' AND active = 1"));
        if (!owners)
            return fail(owners.error());
        if (owners->toInt() <= 1)
            return fail(
                ErrorKind::Conflict, QStringLiteral("staff.last_owner"),
                StaffText::tr("%1 is the station's only owner; add another owner first.").arg(target->name));
    }
    if (auto st = tx->write(QStringLiteral("UPDATE staff_user SET active = 0, updated_at = ? WHERE name = ?"),
                            {tx->now(), target->name});
        !st)
        return st;
    if (auto st = tx->appendAudit(QStringLiteral("staff.deactivated"), target->name); !st)
        return st;
    if (auto st = tx->commit(); !st)
        return st;
    return m_ctx.reloadAndNotify(Domain::Station);
}

Result<StaffMember> Staff::login(const QString& nameInput, const QString& pin) {
    const QString name = nameInput.simplified();
    QByteArray stored;
    auto m = hasChains(m_ctx.database()) ? readMember(m_ctx.database(), name, &stored)
                                         : Result<StaffMember>(fail(wrongPin()));
    if (!m && m.error().kind != ErrorKind::NotFound && m.error().code != QLatin1String("login.failed"))
        return fail(m.error());
    if (!m || !m->active) {
        (void)verifySecret(QByteArray(kDummyHash), pin); // the same time as a known name
        (void)m_ctx.audit(QStringLiteral("login.failed"), name, QStringLiteral("unknown"));
        return fail(wrongPin());
    }
    const qint64 now = m_ctx.now();
    if (m->lockedUntil > now) {
        (void)m_ctx.audit(QStringLiteral("login.locked"), name);
        const qint64 seconds = (m->lockedUntil - now + 999) / 1000;
        return fail(
            ErrorKind::Conflict, QStringLiteral("login.locked"),
            StaffText::tr("Too many wrong PINs for %1: try again in %n second(s).", nullptr, int(seconds))
                .arg(name),
            {QString::number(m->lockedUntil)});
    }
    const bool right = verifySecret(stored, pin);
    QByteArray rehash;
    if (right && hashCostBelow(stored)) {
        if (auto h = hashSecret(pin))
            rehash = *h;
    }
    auto tx = m_ctx.beginLocal();
    if (!tx)
        return fail(tx.error());
    if (!right) {
        auto failed =
            tx->scalar(QStringLiteral("SELECT failed_pins + 1 FROM staff_user WHERE name = ?"), {name});
        if (!failed)
            return fail(failed.error());
        const int count = failed->toInt();
        const qint64 delay = lockDelayMs(count);
        if (auto st = tx->write(QStringLiteral("UPDATE staff_user SET failed_pins = ?, locked_until = ?"
                                               " WHERE name = ?"),
                                {count, delay > 0 ? tx->now() + delay : qint64(0), name});
            !st)
            return fail(st.error());
        if (auto st = tx->appendAudit(QStringLiteral("login.failed"), name, QString::number(count)); !st)
            return fail(st.error());
        if (auto st = tx->commit(); !st)
            return fail(st.error());
        if (delay > 0)
            return fail(ErrorKind::Conflict, QStringLiteral("login.locked"),
                        StaffText::tr("Too many wrong PINs for %1: try again in %n second(s).", nullptr,
                                      int(delay / 1000))
                            .arg(name),
                        {QString::number(now + delay)});
        return fail(wrongPin());
    }
    QString sql = QStringLiteral("UPDATE staff_user SET failed_pins = 0, locked_until = 0");
    QVariantList args;
    if (!rehash.isEmpty()) {
        sql += QStringLiteral(", pin_hash = ?");
        args << QString::fromLatin1(rehash);
    }
    sql += QStringLiteral(" WHERE name = ?");
    args << name;
    if (auto st = tx->write(sql, args); !st)
        return fail(st.error());
    m_ctx.setUser(m->name, m->role);
    if (auto st = tx->appendAudit(QStringLiteral("login"), m->name, roleName(m->role)); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st) {
        m_ctx.logout();
        return fail(st.error());
    }
    m->failedPins = 0;
    m->lockedUntil = 0;
    return *m;
}

void Staff::logout() {
    if (m_ctx.user())
        (void)m_ctx.audit(QStringLiteral("logout"), m_ctx.user()->name);
    m_ctx.logout();
}

Result<QString> Staff::recoverOwner(const QString& nameInput, const QString& recoveryCode,
                                    const QString& newPin) {
    const QString name = nameInput.simplified();
    if (auto st = checkPin(newPin); !st)
        return fail(st.error());
    auto m = readMember(m_ctx.database(), name);
    if (!m)
        return fail(m.error());
    if (m->role != Role::Owner || !m->active)
        return fail(
            ErrorKind::Conflict, QStringLiteral("staff.not_owner"),
            StaffText::tr("The recovery code resets an owner's PIN; %1 is not an active owner.").arg(name));
    auto stored =
        m_ctx.database().scalar(QStringLiteral("SELECT code_hash FROM staff_recovery WHERE id = 1"));
    if (!stored)
        return fail(stored.error());
    if (!verifySecret(stored->toByteArray(), normaliseCode(recoveryCode))) {
        (void)m_ctx.audit(QStringLiteral("recovery.failed"), name);
        return fail(ErrorKind::BadInput, QStringLiteral("recovery.wrong_code"),
                    StaffText::tr("That is not the station's recovery code."));
    }
    auto hash = hashSecret(newPin);
    if (!hash)
        return fail(hash.error());
    auto tx = m_ctx.beginLocal();
    if (!tx)
        return fail(tx.error());
    if (auto st =
            tx->write(QStringLiteral("UPDATE staff_user SET pin_hash = ?, failed_pins = 0, locked_until = 0,"
                                     " updated_at = ? WHERE name = ?"),
                      {QString::fromLatin1(*hash), tx->now(), name});
        !st)
        return fail(st.error());
    auto code = newRecoveryCode(*tx);
    if (!code)
        return fail(code.error());
    if (auto st = tx->appendAudit(QStringLiteral("staff.pin_recovered"), name); !st)
        return fail(st.error());
    if (auto st = tx->commit(); !st)
        return fail(st.error());
    return *code;
}

} // namespace cz
