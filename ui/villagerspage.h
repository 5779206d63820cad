// Villagers (村民账户): find villagers by phone tail or name (shown masked), add one (a number already
// taken is refused in the dialog), and the chosen villager's account: balance, credit limit and what is
// owed, the ledger, a deposit or repayment over the counter, the credit limit (the owner's decision), the
// receipt of a ledger entry and the A4 statement. The balance is always the ledger's (station-core).
#pragma once

#include "accounts.h"
#include "page.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cz::ui {

class PrintService;
class TextRowsModel;

// Adds a villager: name, full mobile number, village group, note. Stays open with the reason when
// station-core refuses (a duplicate number, a short one), so nothing typed is lost.
class VillagerDialog : public QDialog {
    Q_OBJECT
public:
    VillagerDialog(StationContext& station, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* nameField() const { return m_name; }
    [[nodiscard]] QLineEdit* phoneField() const { return m_phone; }
    [[nodiscard]] QLineEdit* groupField() const { return m_group; }
    [[nodiscard]] QLineEdit* noteField() const { return m_note; }
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] const Villager& added() const { return m_added; }

    // Adds the villager; closes the dialog on success.
    void save();

private:
    StationContext& m_station;
    QLineEdit* m_name;
    QLineEdit* m_phone;
    QLineEdit* m_group;
    QLineEdit* m_note;
    QLabel* m_message;
    Villager m_added;
};

class VillagersPage : public Page {
    Q_OBJECT
public:
    VillagersPage(StationContext& station, PrintService* printing, QWidget* parent = nullptr);

    [[nodiscard]] QString title() const override { return tr("&Villagers"); }
    void handleScan(const QString& code) override;
    void activate() override;

    void find(const QString& text);
    // Opens the add dialog (not modal to the test: it returns at once); null when none is open.
    VillagerDialog* openAddDialog();
    [[nodiscard]] VillagerDialog* addDialog() const { return m_dialog; }
    void showVillager(const QString& villagerId);
    void deposit();
    void repay();
    void setCreditLimit();
    void printStatement();
    void printEntryReceipt();

    [[nodiscard]] QLineEdit* findField() const { return m_find; }
    [[nodiscard]] TextRowsModel* villagers() const { return m_villagers; }
    [[nodiscard]] TextRowsModel* ledger() const { return m_ledger; }
    [[nodiscard]] QTableView* ledgerView() const { return m_ledgerView; }
    [[nodiscard]] QLineEdit* amountField() const { return m_amount; }
    [[nodiscard]] QComboBox* methodBox() const { return m_method; }
    [[nodiscard]] QLineEdit* limitField() const { return m_limit; }
    [[nodiscard]] QString shownAccount() const;
    [[nodiscard]] QString shownMessage() const;
    [[nodiscard]] QString currentVillager() const { return m_current; }

private:
    void counterEntry(bool repayment);
    void reload();

    StationContext& m_station;
    PrintService* m_printing;
    Accounts m_accounts;
    QLineEdit* m_find;
    QPushButton* m_add;
    TextRowsModel* m_villagers;
    QTableView* m_villagersView;
    QLabel* m_account;
    TextRowsModel* m_ledger;
    QTableView* m_ledgerView;
    QLineEdit* m_amount;
    QComboBox* m_method;
    QPushButton* m_deposit;
    QPushButton* m_repay;
    QPushButton* m_receipt;
    QLineEdit* m_limit;
    QPushButton* m_setLimit;
    QPushButton* m_statement;
    QLabel* m_message;
    VillagerDialog* m_dialog = nullptr;
    QString m_current;
    QString m_lastSearch;
};

} // namespace cz::ui
