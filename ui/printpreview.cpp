#include "printpreview.h"

#include "messages.h"
#include "pdf.h"
#include "style.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
// Thermal paper is previewed dot for dot; A4 pages at the same resolution are big enough to read
// and a quarter of the memory of their 300 dpi print.
constexpr double kMaxPreviewDpi = print::kThermalDpi;
// A long arrival list is previewed in part; it still prints whole.
constexpr int kMaxPreviewPages = 20;

QList<print::Document>& opened() {
    static QList<print::Document> docs;
    return docs;
}
} // namespace

PrintPreview::PrintPreview(print::Document doc, Paper paper, PrintService* service, QWidget* parent)
    : QDialog(parent)
    , m_doc(std::move(doc))
    , m_paper(paper)
    , m_service(service)
    , m_message(new QLabel(this))
    , m_print(new QPushButton(tr("&Print"), this)) {
    setWindowTitle(tr("Print preview — %1").arg(m_doc.title));
    const double dpi = qMin(m_doc.dpi, kMaxPreviewDpi);
    auto* pages = new QWidget;
    auto* pagesLayout = new QVBoxLayout(pages);
    for (int i = 0; i < qMin(m_doc.pages, kMaxPreviewPages) && m_doc.isValid(); ++i) {
        m_pages.append(print::renderPage(m_doc, i, dpi));
        auto* label = new QLabel(pages);
        label->setPixmap(QPixmap::fromImage(m_pages.last()));
        label->setFrameShape(QFrame::Box);
        pagesLayout->addWidget(label, 0, Qt::AlignHCenter);
    }
    if (m_doc.pages > kMaxPreviewPages)
        pagesLayout->addWidget(
            new QLabel(tr("… and %n more page(s)", nullptr, m_doc.pages - kMaxPreviewPages)));
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(pages);
    scroll->setAlignment(Qt::AlignHCenter);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_print, QDialogButtonBox::AcceptRole);
    auto* save = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_print->setEnabled(m_service != nullptr);
    m_print->setDefault(m_service != nullptr);
    m_message->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 800);

    connect(m_print, &QPushButton::clicked, this, &PrintPreview::printNow);
    if (m_service) {
        connect(m_service, &PrintService::printed, this, [this](int request, const QString&) {
            if (request != m_request)
                return;
            m_request = 0;
            m_print->setEnabled(true);
            showMessage(m_message, tr("Printed."), Tone::Good);
            accept();
        });
        connect(m_service, &PrintService::failed, this, [this](int request, const QString& message, int) {
            if (request != m_request)
                return;
            m_request = 0;
            m_print->setEnabled(true);
            showMessage(m_message, message, Tone::Bad);
        });
    }
    connect(save, &QPushButton::clicked, this, &PrintPreview::saveAsPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PrintPreview::preview(QWidget* parent, const print::Document& doc, Paper paper, PrintService* service) {
    if (Messages::isTestMode()) {
        opened().append(doc);
        return;
    }
    PrintPreview dialog(doc, paper, service, parent);
    dialog.exec();
}

QList<print::Document> PrintPreview::takeOpened() {
    return std::exchange(opened(), {});
}

QString PrintPreview::shownMessage() const {
    return m_message->text();
}

bool PrintPreview::printNow() {
    if (!m_service || m_request != 0)
        return false;
    m_request = m_service->print(m_doc, m_paper);
    m_print->setEnabled(false);
    showMessage(m_message, tr("Printing…"), Tone::Neutral);
    return true;
}

bool PrintPreview::saveAsPdf() {
    QString name = m_doc.title;
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("-"));
    const QString path =
        Messages::saveFileName(this, tr("Save as PDF"), QDir::home().filePath(name + QStringLiteral(".pdf")),
                               tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (auto st = print::printToPdf(m_doc, path); !st) {
        showMessage(m_message, st.error().message, Tone::Bad);
        return false;
    }
    showMessage(m_message, tr("Saved as %1.").arg(QDir::toNativeSeparators(path)), Tone::Good);
    return true;
}

} // namespace cz::ui
