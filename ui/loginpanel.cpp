#include "loginpanel.h"

#include "style.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace cz::ui {

LoginPanel::LoginPanel(StationContext& station, QWidget* parent)
    : QWidget(parent)
    , m_station(station)
    , m_staff(station)
    , m_pickup(station)
    , m_user(new QComboBox(this))
    , m_pin(new QLineEdit(this))
    , m_login(new QPushButton(tr("&Log in"), this))
    , m_message(new QLabel(this))
    , m_lookup(new QLabel(this)) {
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setMaxLength(kPinLength);
    m_pin->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(kPinLength)), m_pin));
    m_pin->setPlaceholderText(tr("%n digit(s)", nullptr, kPinLength));
    m_message->setWordWrap(true);
    reserveMessageSpace(m_message);
    m_lookup->setWordWrap(true);
    reserveMessageSpace(m_lookup, 3);

    auto* box = new QGroupBox(tr("The terminal is locked"), this);
    auto* form = new QFormLayout;
    form->addRow(tr("&Who:"), m_user);
    form->addRow(tr("&PIN:"), m_pin);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_login, 0, Qt::AlignRight);
    boxLayout->addWidget(m_message);

    auto* scans = new QGroupBox(tr("Scanner"), this);
    auto* scansLayout = new QVBoxLayout(scans);
    auto* hint = new QLabel(
        tr("While the terminal is locked, scan a pickup code or waybill to see where the parcel is. "
           "Nothing is handed over or changed until someone logs in."),
        scans);
    hint->setWordWrap(true);
    scansLayout->addWidget(hint);
    scansLayout->addWidget(m_lookup);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(box);
    layout->addWidget(scans);
    layout->addStretch(2);

    connect(m_pin, &QLineEdit::returnPressed, this, &LoginPanel::logIn);
    connect(m_login, &QPushButton::clicked, this, &LoginPanel::logIn);
    connect(m_user, &QComboBox::activated, this, [this] { m_pin->setFocus(); });
    reset();
}

QString LoginPanel::shownMessage() const {
    return m_message->text();
}

QString LoginPanel::shownLookup() const {
    return m_lookup->text();
}

bool LoginPanel::chooseUser(const QString& name) {
    const int i = m_user->findData(name);
    if (i < 0)
        return false;
    m_user->setCurrentIndex(i);
    return true;
}

void LoginPanel::reset(const QString& preselect) {
    m_user->clear();
    auto staff = m_staff.list();
    if (!staff) {
        showMessage(m_message, staff.error().message, Tone::Bad);
    } else {
        for (const StaffMember& m : std::as_const(*staff)) {
            if (m.active)
                //: Login list: a staff member's name and role, e.g. "王芳 (keeper)"
                m_user->addItem(tr("%1 (%2)").arg(m.name, roleLabel(m.role)), m.name);
        }
        showMessage(m_message, {}, Tone::Neutral);
    }
    m_user->setCurrentIndex(preselect.isEmpty() ? -1 : m_user->findData(preselect));
    m_pin->clear();
    showMessage(m_lookup, {}, Tone::Neutral);
    if (m_user->currentIndex() >= 0)
        m_pin->setFocus();
    else
        m_user->setFocus();
}

void LoginPanel::logIn() {
    const QString name = m_user->currentData().toString();
    if (name.isEmpty()) {
        showMessage(m_message, tr("Choose who is logging in."), Tone::Bad);
        m_pin->clear(); // never left behind for the next person
        m_user->setFocus();
        return;
    }
    auto member = m_staff.login(name, m_pin->text());
    m_pin->clear();
    if (!member) {
        // Wrong PIN, or locked for a while after too many (the message says how long).
        showMessage(m_message, member.error().message, Tone::Bad);
        m_pin->setFocus();
        return;
    }
    showMessage(m_message, {}, Tone::Neutral);
    showMessage(m_lookup, {}, Tone::Neutral);
    Q_EMIT loggedIn();
}

void LoginPanel::lookUp(const QString& code) {
    auto found = m_pickup.lookUp(code);
    if (!found || found->nothingWaiting) {
        showMessage(m_lookup, found ? found->nothingWaiting->message : found.error().message, Tone::Bad);
        return;
    }
    // By code or waybill the matched parcel comes first; the place is what the person at the counter
    // needs (a phone or name stays masked, and only one parcel is named).
    const Parcel& p = found->people.first().parcels.first();
    showMessage(m_lookup,
                //: While locked: a scanned parcel's place (shelf-layer), e.g. "… is at 1-2."
                tr("Pickup code %1 (%2, waybill %3) is at %4. Log in to hand it over.")
                    .arg(p.pickupCode, p.maskedPhone(), p.waybill, p.slotName()),
                Tone::Good);
}

} // namespace cz::ui
