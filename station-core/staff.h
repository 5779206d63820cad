// Staff at the station: people with a role (permissions.h) and a 6-digit PIN, logging in through a
// StationContext. PINs and the owner's recovery code are stored only as Argon2id hashes (libargon2)
// in the encoded form that keeps the salt and the cost, so the cost can be raised later (a login
// re-hashes a PIN stored with a lower cost). Five wrong PINs in a row lock the name for a delay
// that doubles with every further wrong PIN; the count and the lock are stored, so restarting does
// not reset them, and the time is the context's clock. All of it is the station's own (WriteTx::
// beginLocal): PIN hashes never go to the county.
#pragma once

#include "context.h"
#include "permissions.h"
#include "result.h"

#include <QList>
#include <QStringList>

namespace cz {

struct StaffMember {
    QString name;
    Role role = Role::Keeper;
    bool active = true;
    int failedPins = 0;
    qint64 lockedUntil = 0; // ms; 0 when not locked
    qint64 createdAt = 0;
};

// Argon2id cost of a PIN hash: about 150 ms of one core here (tests/bench/bench_login measures it).
struct PinHashCost {
    quint32 timeCost = 2;
    quint32 memoryKiB = 48 * 1024;
    quint32 lanes = 1;
};
constexpr PinHashCost kPinHashCost{};

// The encoded Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash) with a random salt.
[[nodiscard]] Result<QByteArray> hashSecret(const QString& secret, const PinHashCost& cost = kPinHashCost);
[[nodiscard]] bool verifySecret(const QByteArray& encoded, const QString& secret);
// True when the hash was made with less than cost.
[[nodiscard]] bool hashCostBelow(const QByteArray& encoded, const PinHashCost& cost = kPinHashCost);

constexpr int kPinLength = 6;
constexpr int kMaxFailedPins = 5;       // wrong PINs in a row before the first lock
constexpr qint64 kFirstLockMs = 30'000; // then 30 s, doubling with every further wrong PIN
constexpr qint64 kLongestLockMs = 3'600'000;
// How long a name stays locked after failed wrong PINs in a row (0 below kMaxFailedPins).
[[nodiscard]] qint64 lockDelayMs(int failed);

// Schema step "staff.initial" (migrations.cpp): staff, the recovery code, the audit log and the
// chains' heads (chain.h).
[[nodiscard]] QStringList staffSchemaStep();

class Staff {
public:
    explicit Staff(StationContext& ctx)
        : m_ctx(ctx) {}

    [[nodiscard]] Result<QList<StaffMember>> list();
    [[nodiscard]] Result<StaffMember> member(const QString& name);

    // The first owner, once, while there is no owner yet. Returns the recovery code, to print and keep
    // (it is stored hashed and shown only now).
    [[nodiscard]] Result<QString> createFirstOwner(const QString& name, const QString& pin);
    // Owner only (ManageStaff).
    [[nodiscard]] Status add(const QString& name, Role role, const QString& pin);
    [[nodiscard]] Status resetPin(const QString& name, const QString& newPin);
    [[nodiscard]] Status deactivate(const QString& name);

    // Checks the PIN (with the lockout) and, when right, logs the person in on the context.
    [[nodiscard]] Result<StaffMember> login(const QString& name, const QString& pin);
    void logout();

    // A forgotten owner PIN: the recovery code sets a new PIN for that owner and unlocks the name.
    // Returns a new recovery code (the used one is spent).
    [[nodiscard]] Result<QString> recoverOwner(const QString& name, const QString& recoveryCode,
                                               const QString& newPin);

private:
    [[nodiscard]] Status checkPin(const QString& pin);
    [[nodiscard]] Result<QString> checkName(const QString& name);
    [[nodiscard]] Result<QString> newRecoveryCode(WriteTx& tx);

    StationContext& m_ctx;
};

} // namespace cz
