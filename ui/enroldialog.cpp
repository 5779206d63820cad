#include "enroldialog.h"

#include "messages.h"
#include "protocol.h"
#include "style.h"
#include "synccontroller.h"

#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cz::ui {

EnrolDialog::EnrolDialog(SyncController& sync, QWidget* parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_server(new QLineEdit(this))
    , m_code(new QLineEdit(this))
    , m_ca(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Choose…"), this))
    , m_connect(new QPushButton(tr("C&onnect"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_message(new QLabel(this)) {
    setWindowTitle(tr("Connect to the county centre"));
    m_server->setText(sync.status().serverUrl);
    m_server->setPlaceholderText(tr("e.g. https://county.example.cn:8443"));
    makeScanField(m_code);
    m_code->setPlaceholderText(tr("from the county centre, e.g. K7QM-2XPD"));
    m_ca->setPlaceholderText(tr("optional: only for a county with its own certificate"));
    reserveMessageSpace(m_message);
    m_connect->setDefault(true);

    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(tr("County &server:"), m_server);
    form->addRow(tr("Enrolment &code:"), m_code);
    // addRow() gives a label a buddy only beside a single field: this one sits beside a row.
    auto* caLabel = new QLabel(tr("CA c&ertificate:"), this);
    caLabel->setBuddy(m_ca);
    form->addRow(caLabel, caRow);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_close);
    buttons->addWidget(m_connect);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    showMessage(m_message, {}, Tone::Neutral);
    setMinimumWidth(560);

    // The county's QR invite, scanned (or pasted) into the code field, names the server too.
    connect(m_code, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (const auto invite = sync::parseInvite(text)) {
            m_server->setText(invite->serverUrl);
            m_code->setText(invite->code);
        }
    });
    connect(m_browse, &QPushButton::clicked, this, &EnrolDialog::chooseCaFile);
    connect(m_connect, &QPushButton::clicked, this, [this] { (void)connectNow(); });
    connect(m_close, &QPushButton::clicked, this, [this] { done(m_succeeded ? Accepted : Rejected); });
    connect(&m_sync, &SyncController::enrolled, this, [this](const QString& stationId, const QString& name) {
        if (!m_waiting)
            return;
        m_succeeded = true;
        setBusy(false);
        m_code->clear();
        //: After enrolment: the station's name and id at the county centre
        showMessage(m_message,
                    tr("Connected: the county knows this station as %1 (%2).").arg(name, stationId),
                    Tone::Good);
        m_close->setDefault(true);
        m_close->setFocus();
    });
    connect(&m_sync, &SyncController::enrollFailed, this, [this](const QString& message) {
        if (!m_waiting)
            return;
        setBusy(false);
        showMessage(m_message, message, Tone::Bad);
        m_code->setFocus();
        m_code->selectAll();
    });
}

QString EnrolDialog::shownMessage() const {
    return m_message->text();
}

void EnrolDialog::chooseCaFile() {
    const QString path = Messages::openFileName(this, tr("Choose the county's CA certificate"),
                                                tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_ca->setText(path);
}

bool EnrolDialog::connectNow() {
    if (m_waiting)
        return false;
    const QString server = m_server->text().trimmed();
    // The county compares codes without case and dashes; spaces typed between groups go too.
    const QString code = m_code->text().simplified().remove(QLatin1Char(' '));
    if (server.isEmpty() || code.isEmpty()) {
        showMessage(m_message, tr("Give the county server's address and the enrolment code."), Tone::Bad);
        (server.isEmpty() ? m_server : m_code)->setFocus();
        return false;
    }
    QByteArray caPem;
    if (const QString caPath = m_ca->text().trimmed(); !caPath.isEmpty()) {
        QFile file(caPath);
        // A certificate is a few kilobytes: reading it here does not hold up the window.
        if (!file.open(QIODevice::ReadOnly)) {
            showMessage(m_message, tr("Cannot read the certificate %1: %2").arg(caPath, file.errorString()),
                        Tone::Bad);
            m_ca->setFocus();
            return false;
        }
        caPem = file.read(1024 * 1024);
        if (!caPem.contains("-----BEGIN CERTIFICATE-----")) {
            showMessage(m_message, tr("%1 is not a PEM certificate.").arg(caPath), Tone::Bad);
            m_ca->setFocus();
            return false;
        }
    }
    setBusy(true);
    showMessage(m_message, tr("Connecting to %1…").arg(server), Tone::Neutral);
    m_sync.enroll(server, code, caPem);
    return true;
}

void EnrolDialog::setBusy(bool busy) {
    m_waiting = busy;
    m_connect->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_code->setEnabled(!busy);
    m_ca->setEnabled(!busy);
    m_browse->setEnabled(!busy);
}

} // namespace cz::ui
