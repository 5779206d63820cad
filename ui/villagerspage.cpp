#include "villagerspage.h"

#include "basketmodel.h"
#include "clock.h"
#include "context.h"
#include "messages.h"
#include "orderprinting.h"
#include "privacy.h"
#include "style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

VillagerDialog::VillagerDialog(StationContext& station, QWidget* parent)
    : QDialog(parent)
    , m_station(station)
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_group(new QLineEdit(this))
    , m_note(new QLineEdit(this))
    , m_message(new QLabel(this)) {
    setWindowTitle(tr("New villager"));
    m_phone->setPlaceholderText(tr("11-digit mobile number"));
    m_phone->setMaxLength(20);
    m_name->setMaxLength(40);
    m_group->setMaxLength(40);
    m_note->setMaxLength(200);
    reserveMessageSpace(m_message);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Mobile:"), m_phone);
    form->addRow(tr("Village &group:"), m_group);
    form->addRow(tr("N&ote:"), m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    showMessage(m_message, {}, Tone::Neutral);
    connect(buttons, &QDialogButtonBox::accepted, this, &VillagerDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

VillagerDialog::VillagerDialog(StationContext& station, const Villager& editing, QWidget* parent)
    : VillagerDialog(station, parent) {
    m_editing = editing;
    setWindowTitle(tr("Change %1").arg(editing.maskedLabel()));
    m_name->setText(editing.name);
    m_phone->setPlaceholderText(
        tr("Unchanged: %1 (type a new number to change it)").arg(editing.maskedPhone()));
    m_group->setText(editing.group);
    m_note->setText(editing.note);
}

QString VillagerDialog::shownMessage() const {
    return m_message->text();
}

void VillagerDialog::save() {
    if (m_editing) {
        VillagerChanges changes;
        const auto changed = [](const QLineEdit* field, const QString& was, std::optional<QString>& into) {
            if (field->text() != was)
                into = field->text();
        };
        changed(m_name, m_editing->name, changes.name);
        changed(m_group, m_editing->group, changes.group);
        changed(m_note, m_editing->note, changes.note);
        if (!m_phone->text().trimmed().isEmpty())
            changes.phone = m_phone->text();
        auto edited = Accounts(m_station).edit(m_editing->id, changes);
        if (!edited) {
            showMessage(m_message, edited.error().message, Tone::Bad);
            growToFitText(this);
            return;
        }
        m_added = *edited;
        accept();
        return;
    }
    NewVillager v;
    v.name = m_name->text();
    v.phone = m_phone->text();
    v.group = m_group->text();
    v.note = m_note->text();
    auto added = Accounts(m_station).add(v);
    if (!added) {
        showMessage(m_message, added.error().message, Tone::Bad);
        growToFitText(this);
        return;
    }
    m_added = *added;
    accept();
}

VillagersPage::VillagersPage(StationContext& station, PrintService* printing, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_printing(printing)
    , m_accounts(station)
    , m_find(new QLineEdit(this))
    , m_add(new QPushButton(tr("&New villager…"), this))
    , m_edit(new QPushButton(tr("C&hange…"), this))
    , m_villagers(new TextRowsModel({tr("Name"), tr("Phone"), tr("Group"), tr("Credit limit")}, this))
    , m_villagersView(new QTableView(this))
    , m_account(new QLabel(this))
    , m_ledger(new TextRowsModel({tr("Time"), tr("Entry"), tr("Method"), tr("Amount"), tr("Note")}, this))
    , m_ledgerView(new QTableView(this))
    , m_amount(new QLineEdit(this))
    , m_method(new QComboBox(this))
    , m_deposit(new QPushButton(tr("Deposi&t"), this))
    , m_repay(new QPushButton(tr("Repa&y"), this))
    , m_receipt(new QPushButton(tr("Re&ceipt"), this))
    , m_limit(new QLineEdit(this))
    , m_setLimit(new QPushButton(tr("Set limit"), this))
    , m_statement(new QPushButton(tr("State&ment"), this))
    , m_message(new QLabel(this)) {
    m_find->setPlaceholderText(tr("Last 4 digits of the phone, or the name"));
    setUpRowTable(m_villagersView, m_villagers);
    m_villagersView->setMaximumHeight(m_villagersView->fontMetrics().height() * 7);
    setUpRowTable(m_ledgerView, m_ledger);
    scaleFont(m_account, 1.15, true);
    m_account->setWordWrap(true);
    m_amount->setPlaceholderText(tr("yuan"));
    m_amount->setMaxLength(16);
    m_limit->setPlaceholderText(tr("yuan"));
    m_limit->setMaxLength(16);
    for (PayMethod m : {PayMethod::Cash, PayMethod::Wechat, PayMethod::Alipay, PayMethod::Bank})
        m_method->addItem(methodDisplayName(m), QVariant::fromValue(int(m)));
    reserveMessageSpace(m_message);

    auto* findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_find);
    auto* top = new QHBoxLayout;
    top->addWidget(findLabel);
    top->addWidget(m_find, 1);
    top->addWidget(m_add);
    top->addWidget(m_edit);

    auto* amountLabel = new QLabel(tr("Amo&unt:"), this);
    amountLabel->setBuddy(m_amount);
    auto* money = new QHBoxLayout;
    money->addWidget(amountLabel);
    money->addWidget(m_amount);
    money->addWidget(m_method);
    money->addWidget(m_deposit);
    money->addWidget(m_repay);
    money->addStretch(1);
    money->addWidget(m_receipt);

    auto* limitLabel = new QLabel(tr("Cred&it limit:"), this);
    limitLabel->setBuddy(m_limit);
    auto* owner = new QHBoxLayout;
    owner->addWidget(limitLabel);
    owner->addWidget(m_limit);
    owner->addWidget(m_setLimit);
    owner->addStretch(1);
    owner->addWidget(m_statement);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_villagersView);
    layout->addWidget(m_account);
    layout->addWidget(m_ledgerView, 1);
    layout->addLayout(money);
    layout->addLayout(owner);
    layout->addWidget(m_message);

    connect(m_find, &QLineEdit::returnPressed, this, [this] { find(m_find->text()); });
    connect(m_add, &QPushButton::clicked, this, [this] { (void)openAddDialog(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { (void)openEditDialog(); });
    connect(m_villagersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) { showVillager(m_villagers->idAt(index.row())); });
    connect(m_amount, &QLineEdit::returnPressed, this, &VillagersPage::deposit);
    connect(m_deposit, &QPushButton::clicked, this, &VillagersPage::deposit);
    connect(m_repay, &QPushButton::clicked, this, &VillagersPage::repay);
    connect(m_limit, &QLineEdit::returnPressed, this, &VillagersPage::setCreditLimit);
    connect(m_setLimit, &QPushButton::clicked, this, &VillagersPage::setCreditLimit);
    connect(m_statement, &QPushButton::clicked, this, &VillagersPage::printStatement);
    connect(m_receipt, &QPushButton::clicked, this, &VillagersPage::printEntryReceipt);
    whenChanged(station, this, Domains(Domain::Accounts) | Domain::Orders, [this] { reload(); });

    showMessage(m_message, {}, Tone::Neutral);
    showVillager({});
}

void VillagersPage::activate() {
    m_find->setFocus();
    m_find->selectAll();
}

void VillagersPage::handleScan(const QString& code) {
    m_find->setText(code);
    find(code);
}

QString VillagersPage::shownAccount() const {
    return m_account->text();
}

QString VillagersPage::shownMessage() const {
    return m_message->text();
}

void VillagersPage::find(const QString& text) {
    m_lastSearch = text;
    auto found = m_accounts.find(text);
    if (!found) {
        m_villagers->clear();
        showMessage(m_message, found.error().message, Tone::Bad);
        return;
    }
    QStringList ids;
    QList<QStringList> rows;
    for (const Villager& v : *found) {
        ids << v.id;
        rows << QStringList{v.maskedName(), v.maskedPhone(), v.group, formatFen(v.creditLimitFen)};
    }
    m_villagers->setRows(ids, rows);
    if (found->isEmpty()) {
        showMessage(m_message, tr("No villager matches %1.").arg(text.trimmed().left(32)), Tone::Warning);
        showVillager({});
        return;
    }
    showMessage(m_message, tr("%n villager(s) found.", nullptr, static_cast<int>(found->size())),
                Tone::Neutral);
    const int row = std::max(0, m_villagers->rowOf(m_current));
    m_villagersView->selectRow(row);
    showVillager(m_villagers->idAt(row));
}

VillagerDialog* VillagersPage::openAddDialog() {
    if (m_dialog)
        return m_dialog;
    return openDialog(new VillagerDialog(m_station, this));
}

VillagerDialog* VillagersPage::openEditDialog() {
    if (m_dialog)
        return m_dialog;
    if (m_current.isEmpty())
        return nullptr;
    auto v = m_accounts.villager(m_current);
    if (!v) {
        showMessage(m_message, v.error().message, Tone::Bad);
        return nullptr;
    }
    return openDialog(new VillagerDialog(m_station, *v, this));
}

VillagerDialog* VillagersPage::openDialog(VillagerDialog* dialog) {
    m_dialog = dialog;
    const bool adding = !dialog->editing();
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, adding] {
        const Villager v = m_dialog->added();
        showMessage(m_message, (adding ? tr("Added %1.") : tr("Changed %1.")).arg(v.maskedLabel()),
                    Tone::Good);
        m_current = v.id;
        m_find->setText(v.phoneTail);
        find(v.phoneTail);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
    return m_dialog;
}

void VillagersPage::showVillager(const QString& villagerId) {
    m_current = villagerId;
    const bool chosen = !villagerId.isEmpty();
    for (QWidget* w : QList<QWidget*>{m_edit, m_amount, m_method, m_deposit, m_repay, m_receipt, m_limit,
                                      m_setLimit, m_statement})
        w->setEnabled(chosen);
    m_ledger->clear();
    if (!chosen) {
        m_account->setText(tr("Find a villager to see the account."));
        return;
    }
    auto v = m_accounts.villager(villagerId);
    auto state = m_accounts.state(villagerId);
    auto entries = m_accounts.ledger(villagerId);
    if (!v || !state || !entries) {
        showMessage(m_message,
                    !v       ? v.error().message
                    : !state ? state.error().message
                             : entries.error().message,
                    Tone::Bad);
        return;
    }
    m_account->setText(tr("%1: balance %2 yuan · credit limit %3 yuan · owed %4 yuan")
                           .arg(v->maskedLabel(), formatFen(state->balanceFen),
                                formatFen(state->creditLimitFen), formatFen(state->owedFen())));
    m_limit->setText(formatFen(v->creditLimitFen));
    QStringList ids;
    QList<QStringList> rows;
    // Newest first: what the clerk just did is at the top.
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        ids << it->id;
        rows << QStringList{
            localDateTimeText(it->at), entryKindDisplayName(it->kind), methodDisplayName(it->method),
            (it->amountFen > 0 ? QStringLiteral("+") : QString()) + formatFen(it->amountFen), it->note};
    }
    m_ledger->setRows(ids, rows);
}

void VillagersPage::reload() {
    if (!m_current.isEmpty())
        showVillager(m_current);
}

void VillagersPage::deposit() {
    counterEntry(false);
}

void VillagersPage::repay() {
    counterEntry(true);
}

void VillagersPage::counterEntry(bool repayment) {
    if (m_current.isEmpty())
        return;
    auto amount = parseYuan(m_amount->text());
    if (!amount) {
        showMessage(m_message, amount.error().message, Tone::Bad);
        m_amount->setFocus();
        return;
    }
    const auto method = static_cast<PayMethod>(m_method->currentData().toInt());
    auto entry = repayment ? m_accounts.repay(m_current, *amount, method)
                           : m_accounts.deposit(m_current, *amount, method);
    if (!entry) {
        showMessage(m_message, entry.error().message, Tone::Bad);
        return;
    }
    m_amount->clear();
    showVillager(m_current); // also done on the change notice; at once here so the balance is current
    showMessage(
        m_message,
        (repayment ? tr("Repayment of %1 yuan recorded (%2).") : tr("Deposit of %1 yuan recorded (%2)."))
            .arg(formatFen(*amount), methodDisplayName(method)),
        Tone::Good);
    if (Messages::confirm(this, tr("Receipt"), tr("Print a receipt for this payment?"))) {
        if (auto st = previewPaymentReceipt(this, m_station, *entry, m_printing); !st)
            showMessage(m_message, st.error().message, Tone::Bad);
    }
}

void VillagersPage::setCreditLimit() {
    if (m_current.isEmpty())
        return;
    auto limit = parseYuan(m_limit->text());
    if (!limit) {
        showMessage(m_message, limit.error().message, Tone::Bad);
        return;
    }
    if (!Messages::confirm(
            this, tr("Credit limit"),
            tr("Set the credit limit to %1 yuan? This is the owner's decision.").arg(formatFen(*limit))))
        return;
    auto v = m_accounts.setCreditLimit(m_current, *limit);
    if (!v) {
        showMessage(m_message, v.error().message, Tone::Bad);
        return;
    }
    showVillager(m_current);
    showMessage(m_message, tr("Credit limit set to %1 yuan.").arg(formatFen(v->creditLimitFen)), Tone::Good);
}

void VillagersPage::printStatement() {
    if (m_current.isEmpty())
        return;
    if (auto st = previewStatement(this, m_station, m_current, m_printing); !st)
        showMessage(m_message, st.error().message, Tone::Bad);
}

void VillagersPage::printEntryReceipt() {
    const int row = m_ledgerView->currentIndex().row();
    if (m_current.isEmpty() || row < 0) {
        showMessage(m_message, tr("Choose the ledger entry to print a receipt for."), Tone::Bad);
        return;
    }
    auto entries = m_accounts.ledger(m_current);
    if (!entries) {
        showMessage(m_message, entries.error().message, Tone::Bad);
        return;
    }
    const QString id = m_ledger->idAt(row);
    for (const AccountEntry& e : *entries) {
        if (e.id == id) {
            if (auto st = previewPaymentReceipt(this, m_station, e, m_printing); !st)
                showMessage(m_message, st.error().message, Tone::Bad);
            return;
        }
    }
}

} // namespace cz::ui
