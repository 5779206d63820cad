#include "settingspage.h"

#include "context.h"
#include "enroldialog.h"
#include "printservice.h"
#include "style.h"
#include "synccontroller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cz::ui {

SettingsPage::SettingsPage(StationContext& station, QWidget* parent)
    : Page(parent)
    , m_station(station)
    , m_setup(station)
    , m_name(new QLineEdit(this))
    , m_freeDays(new QSpinBox(this))
    , m_fee(new QDoubleSpinBox(this))
    , m_undo(new QSpinBox(this))
    , m_lockAfter(new QSpinBox(this))
    , m_unclaimed(new QSpinBox(this))
    , m_shelves(new QLineEdit(this))
    , m_language(new QComboBox(this))
    , m_printers{new QComboBox(this), new QComboBox(this), new QComboBox(this)}
    , m_save(new QPushButton(tr("&Save"), this))
    , m_revert(new QPushButton(tr("&Revert"), this))
    , m_message(new QLabel(this))
    , m_county(new QLabel(this))
    , m_connect(new QPushButton(tr("Connect to &county…"), this)) {
    m_name->setMaxLength(40);
    const auto range = [](QSpinBox* box, const settings::IntSetting& def) {
        box->setRange(int(def.min), int(def.max));
    };
    range(m_freeDays, settings::kFreeDays);
    m_freeDays->setSuffix(tr(" days"));
    // Shown in yuan, kept in fen: 0.01 steps up to the station's limit.
    m_fee->setRange(double(settings::kFeePerDayFen.min) / 100.0, double(settings::kFeePerDayFen.max) / 100.0);
    m_fee->setDecimals(2);
    m_fee->setSingleStep(0.5);
    m_fee->setSuffix(tr(" yuan"));
    range(m_undo, settings::kUndoWindowMin);
    m_undo->setSuffix(tr(" min"));
    range(m_lockAfter, settings::kLockAfterMin);
    m_lockAfter->setSuffix(tr(" min"));
    range(m_unclaimed, settings::kUnclaimedAfterDays);
    m_unclaimed->setSuffix(tr(" days"));
    makeScanField(m_shelves);
    m_shelves->setPlaceholderText(tr("e.g. 1-4:3x30,A:2x10 (shelves 1 to 4, 3 layers of 30 parcels)"));
    // Each language in its own words, so a clerk finds theirs whatever the terminal shows now. The
    // station's language is also that of cunzhanctl and of everything printed, whatever the system's.
    m_language->addItem(QStringLiteral("中文"), QString::fromLatin1(settings::kDefaultLanguage));
    m_language->addItem(QStringLiteral("English"), QString::fromLatin1(settings::kEnglish));
    reserveMessageSpace(m_message);

    auto* form = new QFormLayout;
    form->addRow(tr("Station &name:"), m_name);
    form->addRow(tr("&Free days:"), m_freeDays);
    form->addRow(tr("F&ee per day after that:"), m_fee);
    form->addRow(tr("&Undo a handover within:"), m_undo);
    form->addRow(tr("Loc&k the terminal when idle for:"), m_lockAfter);
    form->addRow(tr("Suggest &return after:"), m_unclaimed);
    form->addRow(tr("Shelf &layout:"), m_shelves);
    form->addRow(tr("Lan&guage:"), m_language);

    auto* printers = new QGroupBox(tr("Printers of this terminal"), this);
    auto* printerForm = new QFormLayout(printers);
    printerForm->addRow(tr("Slip printer (&1):"), m_printers[0]);
    printerForm->addRow(tr("Label printer (&2):"), m_printers[1]);
    printerForm->addRow(tr("A4 printer (&4):"), m_printers[2]);

    auto* county = new QGroupBox(tr("County centre"), this);
    auto* countyRow = new QHBoxLayout(county);
    m_county->setWordWrap(true);
    m_county->setTextInteractionFlags(Qt::TextSelectableByMouse);
    countyRow->addWidget(m_county, 1);
    countyRow->addWidget(m_connect);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(printers);
    layout->addWidget(county);
    layout->addLayout(buttons);
    layout->addStretch();

    showMessage(m_message, {}, Tone::Neutral);
    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        load();
        showMessage(m_message, {}, Tone::Neutral);
    });
    connect(m_connect, &QPushButton::clicked, this, [this] { (void)connectToCounty(); });
    load();
    updateCounty();
}

QString SettingsPage::shownMessage() const {
    return m_message->text();
}

QString SettingsPage::shownCounty() const {
    return m_county->text();
}

void SettingsPage::setSync(SyncController* sync) {
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (m_sync)
        connect(m_sync, &SyncController::statusChanged, this, &SettingsPage::updateCounty);
    updateCounty();
}

void SettingsPage::updateCounty() {
    m_connect->setEnabled(m_sync != nullptr);
    if (!m_sync) {
        m_county->setText(tr("Sync does not run in this window."));
        return;
    }
    const sync::SyncStatus& s = m_sync->status();
    if (s.enrolled)
        //: Settings: the county server this station syncs with, and its id there
        m_county->setText(tr("Server: %1\nStation id: %2").arg(s.serverUrl, s.stationId));
    else
        m_county->setText(tr("Not connected to a county centre yet."));
}

EnrolDialog* SettingsPage::connectToCounty() {
    if (!m_sync)
        return nullptr;
    if (!m_enrolDialog) {
        m_enrolDialog = new EnrolDialog(*m_sync, this);
        m_enrolDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_enrolDialog->open();
    return m_enrolDialog;
}

void SettingsPage::setPrintService(PrintService* printing) {
    if (m_printing)
        disconnect(m_printing, nullptr, this, nullptr);
    m_printing = printing;
    if (!m_printing)
        return;
    // The listing comes from the print thread; a choice made meanwhile and not saved yet stays.
    connect(m_printing, &PrintService::printersChanged, this, [this] {
        QString current[3];
        for (int i = 0; i < 3; ++i)
            current[i] = m_printers[i]->currentData().toString();
        loadPrinters();
        for (int i = 0; i < 3; ++i) {
            if (const int at = m_printers[i]->findData(current[i]); at >= 0)
                m_printers[i]->setCurrentIndex(at);
        }
    });
}

void SettingsPage::loadPrinters() {
    QList<print::PrinterInfo> available;
    if (m_printing) {
        // Unreachable CUPS is not an error here: the stored choices stay, and the list is empty.
        // The list is the one listed last; activate() asks for a fresh one (printersChanged).
        if (auto all = m_printing->printers())
            available = *all;
    }
    for (int i = 0; i < 3; ++i) {
        QComboBox* box = m_printers[i];
        const QString chosen = PrintService::printerFor(static_cast<Paper>(i));
        box->clear();
        box->addItem(tr("The default printer"), QString());
        for (const print::PrinterInfo& p : std::as_const(available))
            box->addItem(p.info.isEmpty() ? p.name : QStringLiteral("%1 (%2)").arg(p.info, p.name), p.name);
        if (!chosen.isEmpty() && box->findData(chosen) < 0)
            //: A printer chosen before that the print system does not list now
            box->addItem(tr("%1 (not found)").arg(chosen), chosen);
        box->setCurrentIndex(qMax(0, box->findData(chosen)));
    }
}

void SettingsPage::activate() {
    load();
    loadPrinters();
    if (m_printing)
        m_printing->refreshPrinters();
    m_name->setFocus();
}

void SettingsPage::load() {
    const StationSettings& s = m_station.settings();
    m_name->setText(s.stationName);
    m_freeDays->setValue(s.freeDays);
    m_fee->setValue(static_cast<double>(s.feePerDayFen) / 100.0);
    m_undo->setValue(s.undoWindowMin);
    m_lockAfter->setValue(s.lockAfterMin);
    m_unclaimed->setValue(s.unclaimedAfterDays);
    m_shelves->setText(s.shelfSpec);
    m_language->setCurrentIndex(qMax(0, m_language->findData(s.language)));
}

void SettingsPage::save() {
    const StationSettings old = m_station.settings();
    const qint64 feeFen = qRound64(m_fee->value() * 100.0);
    const QString language = m_language->currentData().toString();
    // Only what changed is written: each write is an outbox op the county centre receives.
    QList<std::pair<QString, QString>> changes;
    if (old.stationName != m_name->text().trimmed())
        changes.append({QString::fromLatin1(settings::kStationName), m_name->text()});
    if (old.freeDays != m_freeDays->value())
        changes.append({settings::kFreeDays.name(), QString::number(m_freeDays->value())});
    if (old.feePerDayFen != feeFen)
        changes.append({settings::kFeePerDayFen.name(), QString::number(feeFen)});
    if (old.undoWindowMin != m_undo->value())
        changes.append({settings::kUndoWindowMin.name(), QString::number(m_undo->value())});
    if (old.lockAfterMin != m_lockAfter->value())
        changes.append({settings::kLockAfterMin.name(), QString::number(m_lockAfter->value())});
    if (old.unclaimedAfterDays != m_unclaimed->value())
        changes.append({settings::kUnclaimedAfterDays.name(), QString::number(m_unclaimed->value())});
    if (old.shelfSpec.compare(m_shelves->text().trimmed().remove(QLatin1Char(' ')), Qt::CaseInsensitive) != 0)
        changes.append({QString::fromLatin1(settings::kShelfSpec), m_shelves->text()});
    const bool languageChanged = old.language != language;
    if (languageChanged)
        changes.append({QString::fromLatin1(settings::kLanguage), language});
    bool printersChanged = false;
    for (int i = 0; i < 3; ++i) {
        const auto paper = static_cast<Paper>(i);
        const QString printer = m_printers[i]->currentData().toString();
        if (m_printers[i]->currentIndex() >= 0 && printer != PrintService::printerFor(paper)) {
            PrintService::setPrinterFor(paper, printer);
            printersChanged = true;
        }
    }
    for (const auto& [key, value] : std::as_const(changes)) {
        if (auto st = m_setup.setSetting(key, value); !st) {
            showMessage(m_message, st.error().message, Tone::Bad);
            return;
        }
    }
    load();
    if (languageChanged)
        showMessage(m_message, tr("Saved. The new language applies after Cunzhan is restarted."),
                    Tone::Warning);
    else
        showMessage(m_message, !changes.isEmpty() || printersChanged ? tr("Saved.") : tr("Nothing changed."),
                    Tone::Good);
}

} // namespace cz::ui
