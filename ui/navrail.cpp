#include "navrail.h"

#include <QKeyEvent>
#include <QScrollBar>

namespace cz::ui {

namespace {
constexpr int kPageRole = Qt::UserRole; // the page number; -1 on a group heading
}

QString withoutMnemonic(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size())
            ++i; // "&&" is a literal ampersand, "&x" is x with an underline
        out.append(text.at(i));
    }
    return out;
}

NavRail::NavRail(QWidget* parent)
    : QListWidget(parent) {
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    setUniformItemSizes(false);
    // Roomy rows: the rail is used with a mouse at arm's length as often as with keys.
    setStyleSheet(QStringLiteral("QListWidget::item { padding: 5px 8px; }"));
    // As wide as its entries (sizeHint) or the column it stands in, whichever is wider.
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Expanding);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        const auto page = static_cast<int>(m_rows.indexOf(row));
        if (!m_setting && page >= 0)
            Q_EMIT pageChosen(page);
    });
}

void NavRail::addGroup(const QString& title) {
    auto* item = new QListWidgetItem(title, this);
    item->setFlags(Qt::NoItemFlags); // neither current nor clickable
    item->setData(kPageRole, -1);
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 0.85);
    item->setFont(f);
    updateGeometry();
}

int NavRail::addPage(const QString& text, const QString& toolTip) {
    auto* item = new QListWidgetItem(withoutMnemonic(text), this);
    item->setToolTip(toolTip);
    const int page = static_cast<int>(m_rows.size());
    item->setData(kPageRole, page);
    m_rows.append(row(item));
    updateGeometry();
    return page;
}

int NavRail::currentPage() const {
    return static_cast<int>(m_rows.indexOf(currentRow()));
}

void NavRail::setCurrentPage(int page) {
    if (page < 0 || page >= m_rows.size() || page == currentPage())
        return;
    m_setting = true;
    setCurrentRow(m_rows.at(page));
    m_setting = false;
}

QString NavRail::pageText(int page) const {
    const QListWidgetItem* it = item(m_rows.value(page, -1));
    return it ? it->text() : QString();
}

bool NavRail::isGroupRow(int row) const {
    const QListWidgetItem* it = item(row);
    return it && it->data(kPageRole).toInt() < 0;
}

QSize NavRail::sizeHint() const {
    const int width = sizeHintForColumn(0) + 2 * frameWidth() +
                      style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
    return {width, QListWidget::sizeHint().height()};
}

void NavRail::keyPressEvent(QKeyEvent* event) {
    // Moving the current row with the list's own keys would stop on headings (it only skips them
    // sometimes, depending on the key): page by page instead.
    const int page = currentPage();
    switch (event->key()) {
    case Qt::Key_Up:
        moveBy(-1);
        return;
    case Qt::Key_Down:
        moveBy(1);
        return;
    case Qt::Key_Home:
    case Qt::Key_PageUp:
        moveBy(-page);
        return;
    case Qt::Key_End:
    case Qt::Key_PageDown:
        moveBy(pageCount() - 1 - page);
        return;
    default:
        QListWidget::keyPressEvent(event);
    }
}

void NavRail::moveBy(int pages) {
    const int page = qBound(0, currentPage() + pages, pageCount() - 1);
    if (page >= 0 && page != currentPage())
        setCurrentRow(m_rows.at(page)); // currentRowChanged → pageChosen
}

} // namespace cz::ui
