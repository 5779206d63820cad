#include "printpreview.h"

#include "messages.h"
#include "pdf.h"
#include "style.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace cz::ui {

namespace {
// Thermal paper is previewed dot for dot; A4 pages at the same resolution are big enough to read
// and a quarter of the memory of their 300 dpi print.
constexpr double kMaxPreviewDpi = print::kThermalDpi;
// A long arrival list is previewed in part; it still prints whole.
constexpr int kMaxPreviewPages = 20;
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 2.0;
constexpr double kZoomStep = 1.25;
// What the window frame and a taskbar take of the screen: the dialog's buttons stay on it.
constexpr QSize kScreenAllowance(16, 64);
// Large enough for an A4 page to be read across; a small screen gets less.
constexpr QSize kPreferredSize(1000, 1000);

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
    , m_scroll(new QScrollArea(this))
    , m_pagesLayout(nullptr)
    , m_fitWidth(new QPushButton(tr("Fit &width"), this))
    , m_fitPage(new QPushButton(tr("Whole pa&ge"), this))
    , m_zoomLabel(new QLabel(this))
    , m_message(new QLabel(this))
    , m_print(new QPushButton(tr("&Print"), this))
    // A4 is read across, so it fills the width; a label or slip is checked at a glance, whole.
    , m_fit(paper == Paper::A4 ? Fit::Width : Fit::Page) {
    setWindowTitle(tr("Print preview — %1").arg(m_doc.title));
    const double dpi = qMin(m_doc.dpi, kMaxPreviewDpi);
    auto* pages = new QWidget;
    m_pagesLayout = new QVBoxLayout(pages);
    for (int i = 0; i < qMin(m_doc.pages, kMaxPreviewPages) && m_doc.isValid(); ++i) {
        m_pages.append(print::renderPage(m_doc, i, dpi));
        auto* label = new QLabel(pages);
        // Scaled as it is painted (QLabel keeps the scaled copy): zooming twenty A4 pages stays quick.
        label->setPixmap(QPixmap::fromImage(m_pages.last()));
        label->setScaledContents(true);
        label->setFrameShape(QFrame::Box);
        m_pageLabels.append(label);
        m_pagesLayout->addWidget(label, 0, Qt::AlignHCenter);
    }
    if (m_doc.pages > kMaxPreviewPages)
        m_pagesLayout->addWidget(
            new QLabel(tr("… and %n more page(s)", nullptr, m_doc.pages - kMaxPreviewPages)));
    m_scroll->setWidget(pages);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignHCenter);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scroll->installEventFilter(this);

    auto* zoomOut = new QToolButton(this);
    auto* zoomIn = new QToolButton(this);
    auto* zoomOutAction = new QAction(QStringLiteral("−"), this);
    auto* zoomInAction = new QAction(QStringLiteral("+"), this);
    zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    zoomInAction->setShortcut(QKeySequence::ZoomIn);
    zoomOutAction->setToolTip(
        tr("Zoom out (%1)").arg(zoomOutAction->shortcut().toString(QKeySequence::NativeText)));
    zoomInAction->setToolTip(
        tr("Zoom in (%1)").arg(zoomInAction->shortcut().toString(QKeySequence::NativeText)));
    zoomOut->setDefaultAction(zoomOutAction);
    zoomIn->setDefaultAction(zoomInAction);
    m_fitWidth->setCheckable(true);
    m_fitPage->setCheckable(true);
    for (QPushButton* b : {m_fitWidth, m_fitPage})
        b->setAutoDefault(false); // Enter prints
    // Room for "100%" from the start: the + button does not move as the figure changes.
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("888%")));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    auto* zoomRow = new QHBoxLayout;
    zoomRow->addWidget(m_fitWidth);
    zoomRow->addWidget(m_fitPage);
    zoomRow->addSpacing(12);
    zoomRow->addWidget(zoomOut);
    zoomRow->addWidget(m_zoomLabel);
    zoomRow->addWidget(zoomIn);
    zoomRow->addStretch();

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_print, QDialogButtonBox::AcceptRole);
    auto* save = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_print->setEnabled(m_service != nullptr);
    m_print->setDefault(m_service != nullptr);
    reserveMessageSpace(m_message);

    // The message beside the buttons: its reserved lines cost no height of the pages.
    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_message, 1);
    bottomRow->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(zoomRow);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(bottomRow);
    const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen();
    resize(kPreferredSize.boundedTo(screen->availableGeometry().size() - kScreenAllowance));
    applyZoom();

    connect(m_fitWidth, &QPushButton::clicked, this, [this] { setFit(Fit::Width); });
    connect(m_fitPage, &QPushButton::clicked, this, [this] { setFit(Fit::Page); });
    connect(zoomInAction, &QAction::triggered, this, &PrintPreview::zoomIn);
    connect(zoomOutAction, &QAction::triggered, this, &PrintPreview::zoomOut);
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

void PrintPreview::setFit(Fit fit) {
    m_fit = fit;
    applyZoom();
}

void PrintPreview::zoomIn() {
    setZoom(m_zoom * kZoomStep);
}

void PrintPreview::zoomOut() {
    setZoom(m_zoom / kZoomStep);
}

void PrintPreview::setZoom(double zoom) {
    m_fit = Fit::None;
    m_zoom = qBound(kMinZoom, zoom, kMaxZoom);
    applyZoom();
}

QSize PrintPreview::pageViewportSize() const {
    const QMargins m = m_pagesLayout->contentsMargins();
    // Less a vertical scroll bar's width: fitting the width must not make a horizontal one appear.
    const int scrollBar = m_scroll->verticalScrollBar()->sizeHint().width();
    return m_scroll->maximumViewportSize() - QSize(m.left() + m.right() + scrollBar, m.top() + m.bottom());
}

QSize PrintPreview::shownPageSize(int page) const {
    const QLabel* label = m_pageLabels.value(page);
    return label ? label->size() : QSize();
}

void PrintPreview::applyZoom() {
    if (!m_pages.isEmpty() && m_fit != Fit::None) {
        const QSize room = pageViewportSize();
        const QSize page = m_pages.first().size();
        const int frame = 2 * m_pageLabels.first()->frameWidth();
        const double across = double(room.width() - frame) / page.width();
        const double down = double(room.height() - frame) / page.height();
        // Fitting never enlarges past one screen pixel per dot (a label would only get blurred).
        m_zoom = qBound(kMinZoom, m_fit == Fit::Width ? across : qMin(across, down), 1.0);
    }
    for (int i = 0; i < m_pageLabels.size(); ++i) {
        QLabel* label = m_pageLabels[i];
        const int frame = 2 * label->frameWidth();
        label->setFixedSize((QSizeF(m_pages[i].size()) * m_zoom).toSize() + QSize(frame, frame));
    }
    m_fitWidth->setChecked(m_fit == Fit::Width);
    m_fitPage->setChecked(m_fit == Fit::Page);
    m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(m_zoom * 100)));
}

bool PrintPreview::eventFilter(QObject* watched, QEvent* event) {
    // The pages follow the window's size while they are fitted to it.
    if (watched == m_scroll && event->type() == QEvent::Resize && m_fit != Fit::None)
        applyZoom();
    return QDialog::eventFilter(watched, event);
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
