#include "orderpage.h"

#include "accounts.h"
#include "basketmodel.h"
#include "context.h"
#include "messages.h"
#include "orderprinting.h"
#include "privacy.h"
#include "style.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
constexpr int kResultsShown = 30;
} // namespace

OrderPage::OrderPage(StationContext& station, PrintService* printing, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_printing(printing)
    , m_catalogue(station)
    , m_item(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_results(new QListWidget(this))
    , m_basket(new BasketModel(this))
    , m_basketView(new QTableView(this))
    , m_remove(new QPushButton(tr("Remove li&ne"), this))
    , m_total(new QLabel(this))
    , m_villager(new QLineEdit(this))
    , m_villagers(new QComboBox(this))
    , m_payment(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_place(new QPushButton(tr("Pla&ce order"), this))
    , m_message(new QLabel(this)) {
    makeScanField(m_item);
    m_item->setObjectName(QStringLiteral("item"));
    m_item->setPlaceholderText(tr("Scan a product, or type its name or pinyin (xdw)"));
    m_item->setMaxLength(Catalogue::kMaxQueryLength);
    m_item->installEventFilter(this);
    m_results->setMaximumHeight(m_results->fontMetrics().height() * 5);
    m_results->setFocusPolicy(Qt::NoFocus); // Up/Down in the field move through it
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_category->setMinimumContentsLength(8);

    m_basketView->setModel(m_basket);
    m_basketView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_basketView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_basketView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_basketView->verticalHeader()->hide();
    m_basketView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_basketView->horizontalHeader()->setSectionResizeMode(BasketModel::Name, QHeaderView::Stretch);
    m_basketView->installEventFilter(this);
    scaleFont(m_total, 1.4, true);

    m_villager->setPlaceholderText(tr("Last 4 digits of the phone, or the name"));
    m_villagers->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_villagers->setMinimumContentsLength(14);
    m_payment->addItem(tr("Pay now"), QVariant::fromValue(int(OrderPayment::Now)));
    m_payment->addItem(tr("From deposit"), QVariant::fromValue(int(OrderPayment::Deposit)));
    m_payment->addItem(tr("On credit"), QVariant::fromValue(int(OrderPayment::Credit)));
    for (PayMethod m : {PayMethod::Cash, PayMethod::Wechat, PayMethod::Alipay, PayMethod::Bank})
        m_method->addItem(methodDisplayName(m), QVariant::fromValue(int(m)));
    m_place->setAutoDefault(true);
    reserveMessageSpace(m_message);

    auto* itemLabel = new QLabel(tr("&Item:"), this);
    itemLabel->setBuddy(m_item);
    auto* top = new QHBoxLayout;
    top->addWidget(itemLabel);
    top->addWidget(m_item, 1);
    top->addWidget(m_category);

    auto* basketRow = new QHBoxLayout;
    basketRow->addWidget(m_remove);
    basketRow->addStretch(1);
    basketRow->addWidget(m_total);

    auto* villagerLabel = new QLabel(tr("&Who:"), this);
    villagerLabel->setBuddy(m_villager);
    auto* villagerRow = new QHBoxLayout;
    villagerRow->addWidget(villagerLabel);
    villagerRow->addWidget(m_villager, 1);
    villagerRow->addWidget(m_villagers, 1);

    auto* paymentLabel = new QLabel(tr("Pa&yment:"), this);
    paymentLabel->setBuddy(m_payment);
    auto* payRow = new QHBoxLayout;
    payRow->addWidget(paymentLabel);
    payRow->addWidget(m_payment);
    payRow->addWidget(m_method);
    payRow->addStretch(1);
    payRow->addWidget(m_place);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_results);
    layout->addWidget(m_basketView, 1);
    layout->addLayout(basketRow);
    layout->addLayout(villagerRow);
    layout->addLayout(payRow);
    layout->addWidget(m_message);

    connect(m_item, &QLineEdit::textEdited, this, &OrderPage::search);
    connect(m_item, &QLineEdit::returnPressed, this, &OrderPage::addChosen);
    connect(m_results, &QListWidget::itemActivated, this, [this] { addChosen(); });
    connect(m_category, &QComboBox::activated, this, &OrderPage::showCategory);
    connect(m_remove, &QPushButton::clicked, this, &OrderPage::removeCurrentLine);
    connect(m_basket, &BasketModel::totalChanged, this, &OrderPage::updateTotal);
    connect(m_villager, &QLineEdit::returnPressed, this, [this] { findVillager(m_villager->text()); });
    connect(m_payment, &QComboBox::currentIndexChanged, this,
            [this] { m_method->setEnabled(m_payment->currentData().toInt() == int(OrderPayment::Now)); });
    connect(m_place, &QPushButton::clicked, this, &OrderPage::placeOrder);
    whenChanged(station, this, Domain::Catalogue, [this] { loadCategories(); });

    showMessage(m_message, {}, Tone::Neutral);
    loadCategories();
    updateTotal();
}

void OrderPage::activate() {
    m_item->setFocus();
    m_item->selectAll();
}

QString OrderPage::shownMessage() const {
    return m_message->text();
}

QString OrderPage::shownTotal() const {
    return m_total->text();
}

bool OrderPage::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (watched == m_item && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) &&
            m_results->count() > 0) {
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            m_results->setCurrentRow(qBound(0, m_results->currentRow() + step, m_results->count() - 1));
            return true;
        }
        // While a quantity is edited the keys go to the editor, not to the view.
        if (watched == m_basketView && key->key() == Qt::Key_Delete) {
            removeCurrentLine();
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void OrderPage::handleScan(const QString& code) {
    auto item = m_catalogue.byBarcode(code.trimmed());
    if (!item) {
        showMessage(m_message, item.error().message, Tone::Bad);
        return;
    }
    if (!*item || !(*item)->active) {
        showMessage(m_message,
                    *item ? tr("%1 has been withdrawn from the catalogue.").arg((*item)->name)
                          : tr("No item in the catalogue has the barcode %1.").arg(code.left(64)),
                    Tone::Bad);
        return;
    }
    addItem(**item);
    m_item->clear();
    m_item->setFocus();
}

void OrderPage::search(const QString& text) {
    if (text.trimmed().isEmpty()) {
        showItems({});
        return;
    }
    auto found = m_catalogue.search(text, kResultsShown, m_category->currentData().toString());
    if (!found) {
        showMessage(m_message, found.error().message, Tone::Bad);
        return;
    }
    showItems(*found);
}

void OrderPage::showCategory(int comboIndex) {
    if (comboIndex <= 0) { // all categories: back to searching
        search(m_item->text());
        return;
    }
    auto items =
        m_catalogue.inCategory(m_category->itemData(comboIndex).toString(), Catalogue::kMaxSearchResults);
    if (!items) {
        showMessage(m_message, items.error().message, Tone::Bad);
        return;
    }
    showItems(*items);
    m_item->setFocus();
}

void OrderPage::showItems(const QList<CatalogueItem>& items) {
    m_shown = items;
    m_results->clear();
    for (const CatalogueItem& i : items) {
        const QString spec = i.spec.isEmpty() ? QString() : QStringLiteral(" %1").arg(i.spec);
        m_results->addItem(tr("%1%2 — %3 yuan").arg(i.name, spec, formatFen(i.priceFen)));
    }
    if (!items.isEmpty())
        m_results->setCurrentRow(0);
}

void OrderPage::addChosen() {
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_shown.size()) {
        if (!m_item->text().trimmed().isEmpty())
            handleScan(m_item->text()); // a barcode typed by hand
        return;
    }
    addItem(m_shown.at(row));
    m_item->clear();
    showItems({});
    m_item->setFocus();
}

void OrderPage::addItem(const CatalogueItem& item) {
    const int row = m_basket->add(item);
    m_basketView->selectRow(row);
    showMessage(m_message, tr("%1: %2 in the basket.").arg(item.name).arg(m_basket->lineAt(row).quantity),
                Tone::Neutral);
}

void OrderPage::removeCurrentLine() {
    const int row = m_basketView->currentIndex().row();
    if (row < 0)
        return;
    m_basket->removeLine(row);
}

void OrderPage::loadCategories() {
    const QString current = m_category->currentData().toString();
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    auto categories = m_catalogue.categories();
    if (!categories)
        return;
    for (const CategoryCount& c : *categories) {
        const QString name = c.category.isEmpty() ? tr("Other") : c.category;
        m_category->addItem(tr("%1 (%2)").arg(name).arg(c.items), c.category);
    }
    if (const int i = m_category->findData(current); i > 0)
        m_category->setCurrentIndex(i);
}

void OrderPage::updateTotal() {
    m_total->setText(tr("Total: %1 yuan").arg(formatFen(m_basket->totalFen())));
    m_remove->setEnabled(!m_basket->isEmpty());
}

void OrderPage::findVillager(const QString& text) {
    m_villagers->clear();
    auto found = Accounts(m_station).find(text);
    if (!found) {
        showMessage(m_message, found.error().message, Tone::Bad);
        return;
    }
    if (found->isEmpty()) {
        showMessage(m_message,
                    tr("No villager matches %1. Add the villager on the Villagers page.")
                        .arg(text.trimmed().left(32)),
                    Tone::Bad);
        return;
    }
    for (const Villager& v : *found)
        m_villagers->addItem(v.group.isEmpty() ? v.maskedLabel()
                                               : QStringLiteral("%1 · %2").arg(v.maskedLabel(), v.group),
                             v.id);
    showMessage(m_message, tr("%n villager(s) found.", nullptr, static_cast<int>(found->size())),
                Tone::Neutral);
    (found->size() == 1 ? static_cast<QWidget*>(m_payment) : m_villagers)->setFocus();
}

void OrderPage::placeOrder() {
    if (m_basket->isEmpty()) {
        showMessage(m_message, tr("The basket is empty: scan or search the items first."), Tone::Bad);
        m_item->setFocus();
        return;
    }
    const QString villagerId = m_villagers->currentData().toString();
    if (villagerId.isEmpty()) {
        showMessage(m_message, tr("Choose the villager the order is for."), Tone::Bad);
        m_villager->setFocus();
        return;
    }
    const auto payment = static_cast<OrderPayment>(m_payment->currentData().toInt());
    const auto method = static_cast<PayMethod>(m_method->currentData().toInt());
    auto order = Orders(m_station).place(villagerId, m_basket->orderLines(), payment, method);
    if (!order) {
        showMessage(m_message, tr("Not ordered: %1").arg(order.error().message), Tone::Bad);
        return;
    }
    m_basket->clear();
    const QString text =
        tr("Ordered for %1: %2 yuan.").arg(order->villagerMasked, formatFen(order->totalFen));
    if (order->priceChanged)
        showMessage(m_message,
                    text + QLatin1Char(' ') +
                        tr("Some prices differ from the catalogue now; the order keeps the prices shown."),
                    Tone::Warning);
    else
        showMessage(m_message, text, Tone::Good);
    if (Messages::confirm(this, tr("Receipt"), tr("Print a receipt for this order?"))) {
        if (auto st = previewOrderReceipt(this, m_station, *order, m_printing); !st)
            showMessage(m_message, st.error().message, Tone::Bad);
    }
    m_item->setFocus();
}

} // namespace cz::ui
