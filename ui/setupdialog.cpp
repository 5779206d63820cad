#include "setupdialog.h"

#include "shelves.h"
#include "context.h"
#include "style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cz::ui {

SetupDialog::SetupDialog(StationContext& station, QWidget* parent)
    : QDialog(parent)
    , m_station(station)
    , m_setup(station)
    , m_name(new QLineEdit(this))
    , m_shelves(new QLineEdit(QString::fromLatin1(kDefaultShelfSpec), this))
    , m_message(new QLabel(this)) {
    setWindowTitle(tr("Set up the station"));
    auto* intro =
        new QLabel(tr("Welcome to Cunzhan. Give the station a name and describe its shelves: for example "
                      "\"1-4:3x30\" means shelves 1 to 4, each with 3 layers of 30 parcels; add more "
                      "groups after a comma, such as \"1-4:3x30,A:2x10\"."),
                   this);
    intro->setWordWrap(true);
    m_name->setMaxLength(40);
    makeScanField(m_shelves);
    reserveMessageSpace(m_message);

    auto* form = new QFormLayout;
    form->addRow(tr("Station &name:"), m_name);
    form->addRow(tr("Shelf &layout:"), m_shelves);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Set up"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SetupDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    showMessage(m_message, {}, Tone::Neutral);
    // Wide enough that the welcome text reads as a paragraph, not a column (as the enrolment dialog).
    setMinimumWidth(560);
    m_name->setFocus();
}

QString SetupDialog::shownMessage() const {
    return m_message->text();
}

void SetupDialog::accept() {
    if (auto st = m_setup.initialise(m_name->text(), m_shelves->text().trimmed()); !st) {
        showMessage(m_message, st.error().message, Tone::Bad);
        return;
    }
    QDialog::accept();
}

} // namespace cz::ui
