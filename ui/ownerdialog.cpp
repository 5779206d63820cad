#include "ownerdialog.h"

#include "document.h"
#include "drawing.h"
#include "printservice.h"
#include "style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
QLineEdit* pinEdit(QWidget* parent) {
    auto* e = new QLineEdit(parent);
    e->setEchoMode(QLineEdit::Password);
    e->setMaxLength(kPinLength);
    e->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(kPinLength)), e));
    return e;
}

// The recovery code on the 58 mm slip printer: the station, what it is for, the code large.
// The texts come translated from the dialog.
struct SlipTexts {
    QString title, heading, keep;
};

print::Document recoverySlip(const QString& station, const QString& owner, const QString& code,
                             const SlipTexts& texts) {
    print::Document doc;
    doc.title = texts.title;
    doc.pageMm = QSizeF(48, 50);
    doc.media = QStringLiteral("Custom.58x50mm");
    doc.dpi = print::kThermalDpi;
    doc.paint = [station, owner, code, texts](print::Canvas& c) {
        using print::drawText;
        using print::mmRect;
        drawText(c, mmRect(c, 0, 1, 48, 6), station, 4, Qt::AlignCenter, true);
        drawText(c, mmRect(c, 0, 8, 48, 5), texts.heading, 3.5, Qt::AlignCenter);
        drawText(c, mmRect(c, 0, 14, 48, 5), owner, 3.5, Qt::AlignCenter);
        drawText(c, mmRect(c, 0, 21, 48, 9), code, 6, Qt::AlignCenter, true);
        drawText(c, mmRect(c, 0, 32, 48, 16), texts.keep, 3, Qt::AlignCenter | Qt::TextWordWrap);
    };
    return doc;
}
} // namespace

OwnerDialog::OwnerDialog(StationContext& station, PrintService* printing, QWidget* parent)
    : QDialog(parent)
    , m_station(station)
    , m_staff(station)
    , m_printing(printing)
    , m_pages(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_pin(pinEdit(this))
    , m_pinAgain(pinEdit(this))
    , m_message(new QLabel(this))
    , m_create(new QPushButton(tr("&Create owner"), this))
    , m_skip(new QPushButton(tr("S&kip for now"), this))
    , m_codeLabel(new QLabel(this))
    , m_printMessage(new QLabel(this))
    , m_print(new QPushButton(tr("&Print the code"), this))
    , m_done(new QPushButton(tr("&Done, the code is kept"), this)) {
    setWindowTitle(tr("Station owner"));
    m_name->setMaxLength(40);
    m_message->setWordWrap(true);
    reserveMessageSpace(m_message);

    // 1. The owner: name and PIN twice.
    auto* ask = new QWidget(m_pages);
    auto* intro =
        new QLabel(tr("Who runs this station? The owner (站长) sets the fees and settings and adds the "
                      "staff. Everyone then logs in with a name and a %1-digit PIN.")
                       .arg(kPinLength),
                   ask);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Owner's &name:"), m_name);
    form->addRow(tr("&PIN (%1 digits):").arg(kPinLength), m_pin);
    form->addRow(tr("PIN &again:"), m_pinAgain);
    auto* askButtons = new QHBoxLayout;
    askButtons->addWidget(m_skip);
    askButtons->addStretch();
    askButtons->addWidget(m_create);
    auto* askLayout = new QVBoxLayout(ask);
    askLayout->addWidget(intro);
    askLayout->addLayout(form);
    askLayout->addWidget(m_message);
    askLayout->addLayout(askButtons);
    m_pages->addWidget(ask);

    // 2. The recovery code, once.
    auto* show = new QWidget(m_pages);
    auto* keep =
        new QLabel(tr("This is the owner's recovery code. It is shown only now. Print it or write it "
                      "down and keep it locked away: it is the only way to set a new owner PIN "
                      "when the PIN is forgotten."),
                   show);
    keep->setWordWrap(true);
    QFont big = m_codeLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_codeLabel->setFont(big);
    m_codeLabel->setAlignment(Qt::AlignCenter);
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_printMessage->setWordWrap(true);
    reserveMessageSpace(m_printMessage, 1);
    m_print->setEnabled(m_printing != nullptr);
    auto* showButtons = new QHBoxLayout;
    showButtons->addWidget(m_print);
    showButtons->addStretch();
    showButtons->addWidget(m_done);
    auto* showLayout = new QVBoxLayout(show);
    showLayout->addWidget(keep);
    showLayout->addWidget(m_codeLabel);
    showLayout->addWidget(m_printMessage);
    showLayout->addLayout(showButtons);
    m_pages->addWidget(show);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    m_create->setDefault(true);
    connect(m_create, &QPushButton::clicked, this, [this] { (void)createOwner(); });
    connect(m_skip, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_print, &QPushButton::clicked, this, [this] { (void)printCode(); });
    connect(m_done, &QPushButton::clicked, this, &QDialog::accept);
    showMessage(m_message, {}, Tone::Neutral);
    showMessage(m_printMessage, {}, Tone::Neutral);
    m_name->setFocus();
}

QString OwnerDialog::shownMessage() const {
    return m_message->text();
}

QString OwnerDialog::shownCode() const {
    return m_codeLabel->text();
}

bool OwnerDialog::showsCode() const {
    return m_pages->currentIndex() == 1;
}

bool OwnerDialog::createOwner() {
    const QString name = m_name->text().trimmed();
    if (m_pin->text() != m_pinAgain->text()) {
        showMessage(m_message, tr("The two PINs differ: type the same PIN twice."), Tone::Bad);
        m_pinAgain->clear();
        m_pin->selectAll();
        m_pin->setFocus();
        return false;
    }
    auto code = m_staff.createFirstOwner(name, m_pin->text());
    if (!code) {
        showMessage(m_message, code.error().message, Tone::Bad);
        return false;
    }
    m_code = *code;
    // The owner just chose the PIN: they are the one at the counter.
    if (auto member = m_staff.login(name, m_pin->text()); !member)
        showMessage(m_printMessage, member.error().message, Tone::Bad);
    m_pin->clear();
    m_pinAgain->clear();
    m_codeLabel->setText(m_code);
    m_pages->setCurrentIndex(1);
    m_skip->setEnabled(false);
    m_done->setDefault(true);
    m_done->setFocus();
    return true;
}

int OwnerDialog::printCode() {
    if (!m_printing || m_code.isEmpty())
        return -1;
    const int request =
        m_printing->print(recoverySlip(m_station.settings().stationName, m_name->text().trimmed(), m_code,
                                       {tr("Recovery code"), tr("Owner recovery code"),
                                        tr("Keep locked away. Resets a forgotten owner PIN.")}),
                          Paper::Slip);
    showMessage(m_printMessage, tr("Sent to the slip printer."), Tone::Good);
    return request;
}

} // namespace cz::ui
