#include "handoverpage.h"

#include "fromstation.h"
#include "manifestmodel.h"
#include "messages.h"
#include "printpreview.h"
#include "privacy.h"
#include "context.h"
#include "style.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
// The open manifest, read without opening one: merely looking at the page must write nothing.
std::optional<Result<Manifest>> openManifest(Manifests& manifests) {
    auto m = manifests.currentManifest();
    if (!m && m.error().kind == ErrorKind::NotFound)
        return std::nullopt;
    return m;
}
} // namespace

HandoverPage::HandoverPage(StationContext& station, PrintService* printing, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_manifests(station)
    , m_printing(printing)
    , m_bag(new QLineEdit(this))
    , m_seal(new QLineEdit(this))
    , m_waybill(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new ManifestModel(this))
    , m_driver(new QLineEdit(this))
    , m_plate(new QLineEdit(this))
    , m_handOver(new QPushButton(tr("&Hand over to the van"), this))
    , m_print(new QPushButton(tr("Print &manifest"), this))
    , m_message(new QLabel(this)) {
    for (QLineEdit* e : {m_bag, m_seal, m_waybill, m_plate})
        makeScanField(e);
    m_bag->setObjectName(QStringLiteral("bag"));
    m_seal->setObjectName(QStringLiteral("seal"));
    m_waybill->setObjectName(QStringLiteral("waybill"));
    m_bag->setPlaceholderText(tr("e.g. B1"));
    m_seal->setPlaceholderText(tr("scan the seal's number"));
    m_waybill->setPlaceholderText(tr("scan each parcel going into the bag"));
    reserveMessageSpace(m_message);
    scaleFont(m_summary, 1.3, true);

    auto* bagForm = new QFormLayout;
    auto addRow = [this](QFormLayout* form, const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(bagForm, tr("&Bag number:"), m_bag);
    addRow(bagForm, tr("Sea&l:"), m_seal);
    addRow(bagForm, tr("Scan &waybill:"), m_waybill);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* vanForm = new QFormLayout;
    addRow(vanForm, tr("Dri&ver:"), m_driver);
    addRow(vanForm, tr("Number pla&te:"), m_plate);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_print);
    buttons->addWidget(m_handOver);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bagForm);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(vanForm);
    layout->addLayout(buttons);

    connect(m_bag, &QLineEdit::returnPressed, m_seal, qOverload<>(&QWidget::setFocus));
    connect(m_seal, &QLineEdit::returnPressed, m_waybill, qOverload<>(&QWidget::setFocus));
    connect(m_waybill, &QLineEdit::returnPressed, this, &HandoverPage::addToBag);
    connect(m_driver, &QLineEdit::returnPressed, m_plate, qOverload<>(&QWidget::setFocus));
    connect(m_plate, &QLineEdit::returnPressed, this, &HandoverPage::handOver);
    connect(m_handOver, &QPushButton::clicked, this, &HandoverPage::handOver);
    connect(m_print, &QPushButton::clicked, this, &HandoverPage::printManifest);
    whenChanged(m_station, this, Domains(Domain::Dispatch) | Domain::Parcels, [this] { refresh(); });
    refresh();
}

void HandoverPage::activate() {
    refresh();
    if (m_bag->text().isEmpty())
        m_bag->setFocus();
    else if (m_seal->text().isEmpty())
        m_seal->setFocus();
    else
        m_waybill->setFocus();
}

QString HandoverPage::shownMessage() const {
    return m_message->text();
}

void HandoverPage::handleScan(const QString& code) {
    if (m_bag->hasFocus()) {
        m_bag->setText(code);
        m_seal->setFocus();
    } else if (m_seal->hasFocus()) {
        m_seal->setText(code);
        m_waybill->setFocus();
    } else {
        m_waybill->setText(code);
        addToBag();
    }
}

void HandoverPage::addToBag() {
    auto bag = m_manifests.addToBag(m_bag->text(), m_seal->text(), m_waybill->text());
    if (!bag) {
        const Error& e = bag.error();
        showMessage(m_message, e.message, Tone::Bad);
        if (e.code == QLatin1String("bag.number"))
            m_bag->setFocus();
        else if (e.code == QLatin1String("bag.seal") || e.code == QLatin1String("bag.seal_mismatch"))
            m_seal->setFocus();
        else
            m_waybill->setFocus();
        m_waybill->selectAll();
        return;
    }
    m_lastHandedOver.clear();
    showMessage(m_message,
                tr("%1 is in bag %2 (%n parcel(s) in it).", nullptr, static_cast<int>(bag->waybills.size()))
                    .arg(normaliseWaybill(m_waybill->text()), bag->bagNo),
                Tone::Good);
    m_waybill->clear();
    m_waybill->setFocus();
}

void HandoverPage::handOver() {
    auto showError = [this](const Error& e) {
        showMessage(m_message, e.message, Tone::Bad);
        if (e.code == QLatin1String("manifest.driver"))
            m_driver->setFocus();
        else if (e.code == QLatin1String("manifest.plate"))
            m_plate->setFocus();
    };
    // The driver and plate first: the question names the person the bags go to.
    const auto van = Manifests::checkVan(m_driver->text(), m_plate->text());
    if (!van) {
        showError(van.error());
        return;
    }
    const int parcels = m_model->rowCount();
    if (parcels > 0 &&
        !Messages::confirm(
            this, tr("Hand over to the van"),
            tr("Hand %n parcel(s) in %1 bag(s) to %2 (%3)? They cannot be bagged again.", nullptr, parcels)
                .arg(m_model->bagCount())
                .arg(van->driver, van->plate)))
        return;
    auto m = m_manifests.handOver(van->driver, van->plate);
    if (!m) {
        showError(m.error());
        return;
    }
    m_lastHandedOver = m->id;
    showMessage(m_message, tr("Handed over to %1. Print the manifest for the driver to sign.").arg(m->driver),
                Tone::Good);
    for (QLineEdit* e : {m_bag, m_seal, m_waybill, m_driver, m_plate})
        e->clear();
    m_print->setFocus();
}

void HandoverPage::printManifest() {
    // After a handover the driver signs that manifest; before one, the open manifest is a checklist.
    std::optional<Result<Manifest>> found =
        m_lastHandedOver.isEmpty() ? openManifest(m_manifests) : m_manifests.manifest(m_lastHandedOver);
    if (!found) {
        showMessage(m_message, tr("Nothing is bagged yet: scan the outgoing parcels into bags first."),
                    Tone::Bad);
        return;
    }
    const Result<Manifest>& m = *found;
    if (!m) {
        showMessage(m_message, m.error().message, Tone::Bad);
        return;
    }
    auto filled = print::manifestData(m_station, *m);
    if (!filled) {
        showMessage(m_message, filled.error().message, Tone::Bad);
        return;
    }
    PrintPreview::preview(this, print::manifest(*filled), Paper::A4, m_printing);
}

void HandoverPage::refresh() {
    const std::optional<Result<Manifest>> m = openManifest(m_manifests);
    if (m && !*m)
        showMessage(m_message, (*m).error().message, Tone::Bad);
    if (m && *m)
        m_model->setManifest(**m);
    else
        m_model->clear();
    m_summary->setText(tr("Open manifest: %n parcel(s)", nullptr, m_model->rowCount()) +
                       QStringLiteral(" · ") + tr("%n bag(s)", nullptr, m_model->bagCount()));
    m_table->resizeColumnsToContents();
}

} // namespace cz::ui
