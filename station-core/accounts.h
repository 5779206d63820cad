// Villagers and their accounts (代购 issue 10): who orders through the clerk, found by phone tail, full
// number or name as at pickup; and each villager's ledger of deposits (预存), withdrawals, order
// payments, credit (赊账) within a limit the owner sets, repayments, refunds and corrections. The
// balance is the sum of the entries, never a stored number; a correction is a new entry. Every entry
// that moves money in or out of the station also lands in the cash book (cash_entry, with its payment
// method), and every change appends its op (villager.added/updated, account.entry), in one WriteTx.
#pragma once

#include "context.h"

#include <QJsonObject>
#include <optional>

namespace cz {

class WriteTx;

// How money moved: the four ways a villager pays at the counter (recorded only, no payment API), and
// "account" for money moved inside the villager's account (an order paid from the deposit or on
// credit, a refund back to the account).
enum class PayMethod { Cash, Wechat, Alipay, Bank, Account };
[[nodiscard]] QString toString(PayMethod method);
// cash|wechat|alipay|bank (what a clerk may choose); "account" is never given, only made.
[[nodiscard]] std::optional<PayMethod> counterMethodFrom(const QString& text);
[[nodiscard]] QString methodDisplayName(PayMethod method);
[[nodiscard]] QString methodDisplayName(const QString& method);

// The kinds of ledger entries (also the protocol's account.entry kinds).
namespace entry {
inline const QString kDeposit = QStringLiteral("deposit");
inline const QString kWithdrawal = QStringLiteral("withdrawal");
inline const QString kOrderPayment = QStringLiteral("order_payment");
inline const QString kCreditCharge = QStringLiteral("credit_charge");
inline const QString kRepayment = QStringLiteral("repayment");
inline const QString kRefund = QStringLiteral("refund");
inline const QString kCorrection = QStringLiteral("correction");
} // namespace entry
[[nodiscard]] QString entryKindDisplayName(const QString& kind);

// The largest amount one entry may move and the largest credit limit: far beyond a village's needs,
// small enough that no sum of a ledger overflows.
constexpr qint64 kMaxAmountFen = 10'000'000'000LL;   // 1e8 yuan
constexpr qint64 kMaxCreditLimitFen = 100'000'000LL; // 1e6 yuan
// Villagers a search returns at most.
constexpr int kMaxVillagersFound = 50;
// Ledger entries shown at most.
constexpr int kMaxLedgerEntries = 1000;

struct Villager {
    QString id;
    QString name;
    QString phone; // 11 digits
    QString phoneTail;
    QString group; // 村民小组
    QString note;
    qint64 creditLimitFen = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    [[nodiscard]] QString maskedPhone() const;
    [[nodiscard]] QString maskedName() const;
    [[nodiscard]] QString maskedLabel() const; // "张* 138****5678"
};

struct NewVillager {
    QString name;
    QString phone; // the full mobile number: an account is one person's
    QString group;
    QString note;
    qint64 creditLimitFen = 0;
};

// What a clerk changes on a villager's record: only the fields given change (a typo in the name, a
// new mobile number, another group). The credit limit is changed by setCreditLimit, the owner's.
struct VillagerChanges {
    std::optional<QString> name;
    std::optional<QString> phone; // the full new number
    std::optional<QString> group;
    std::optional<QString> note;
};

struct AccountEntry {
    QString id;
    QString villagerId;
    qint64 at = 0;
    QString kind;
    qint64 amountFen = 0; // signed: + raises the villager's balance
    QString method;       // cash|wechat|alipay|bank|account
    QString orderId;      // empty unless the entry belongs to an order
    QString cashEntryId;  // empty when no money crossed the counter
    QString note;
    QString actor;
    [[nodiscard]] QJsonObject toOpJson() const; // the op's "entry"
};

// A villager's account as derived from the ledger.
struct AccountState {
    qint64 balanceFen = 0;     // deposits less what was spent; negative while on credit
    qint64 creditLimitFen = 0; // how far below 0 the balance may go
    [[nodiscard]] qint64 owedFen() const { return balanceFen < 0 ? -balanceFen : 0; }
    [[nodiscard]] qint64 availableFen() const { return balanceFen + creditLimitFen; }
};

class Accounts {
public:
    explicit Accounts(StationContext& context)
        : m_ctx(context) {}

    [[nodiscard]] Result<Villager> add(const NewVillager& villager);
    // A 4-digit tail or an 11-digit number finds by phone, anything else by name (its start, or the
    // whole name), at most kMaxVillagersFound, by name.
    [[nodiscard]] Result<QList<Villager>> find(const QString& input);
    [[nodiscard]] Result<Villager> villager(const QString& id);
    [[nodiscard]] Result<AccountState> state(const QString& villagerId);
    // The newest kMaxLedgerEntries entries, oldest first.
    [[nodiscard]] Result<QList<AccountEntry>> ledger(const QString& villagerId);
    // Checked as add() checks (a number another villager has is refused); nothing changed is an
    // error too, so that the clerk knows the save did nothing.
    [[nodiscard]] Result<Villager> edit(const QString& villagerId, const VillagerChanges& changes);
    [[nodiscard]] Result<Villager> setCreditLimit(const QString& villagerId, qint64 limitFen);

    // Money over the counter (method: cash, wechat, alipay or bank); amount > 0.
    [[nodiscard]] Result<AccountEntry> deposit(const QString& villagerId, qint64 amountFen, PayMethod method,
                                               const QString& note = {});
    // Refused when it would take the balance below 0 (credit is for orders, not for cash).
    [[nodiscard]] Result<AccountEntry> withdraw(const QString& villagerId, qint64 amountFen, PayMethod method,
                                                const QString& note = {});
    [[nodiscard]] Result<AccountEntry> repay(const QString& villagerId, qint64 amountFen, PayMethod method,
                                             const QString& note = {});
    // A correction of an earlier mistake: signed, non-zero, with the reason; over the counter (a
    // method) or inside the account (PayMethod::Account).
    [[nodiscard]] Result<AccountEntry> correct(const QString& villagerId, qint64 amountFen, PayMethod method,
                                               const QString& note);

private:
    [[nodiscard]] Result<AccountEntry> counterEntry(const QString& villagerId, const QString& kind,
                                                    qint64 amountFen, PayMethod method, const QString& note);

    StationContext& m_ctx;
};

// For the orders domain, inside its transaction.
[[nodiscard]] Result<Villager> loadVillager(WriteTx& tx, const QString& villagerId);
[[nodiscard]] Result<qint64> accountBalance(WriteTx& tx, const QString& villagerId);
// Appends a ledger entry, its cash entry when the method is not "account" (the amount as it enters
// the till: + in, - out) and its account.entry op.
[[nodiscard]] Result<AccountEntry> appendAccountEntry(WriteTx& tx, const QString& villagerId,
                                                      const QString& kind, qint64 amountFen, PayMethod method,
                                                      const QString& orderId = {}, const QString& note = {});
// Refusals shared with the orders domain.
[[nodiscard]] Error insufficientDeposit(qint64 balanceFen, qint64 neededFen);
[[nodiscard]] Error beyondCreditLimit(qint64 balanceFen, qint64 limitFen, qint64 neededFen);

// An amount as a clerk types it, in yuan ("12", "12.5", "12.50"), as fen; a leading "-" only when
// negative amounts are allowed (corrections). Exact: no floating point.
[[nodiscard]] Result<qint64> parseYuan(const QString& text, bool allowNegative = false);

// The schema step (listed in migrations.cpp).
[[nodiscard]] QStringList accountsSchemaStep();

} // namespace cz
