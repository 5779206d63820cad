// The main window's navigation: a list down the left edge with the pages under group headings
// (Parcels, Sending, Station, …). A tab bar holds eight pages at 1024×768 only with scroll arrows;
// a rail holds the fourteen or so areas the station grows into, and scrolls if it ever has to.
// Up/Down, Home/End and PgUp/PgDn move between pages and skip the headings; the window adds the
// function keys, Alt+mnemonic and Ctrl+PgUp/PgDn on top (MainWindow).
#pragma once

#include <QList>
#include <QListWidget>

namespace cz::ui {

class NavRail : public QListWidget {
    Q_OBJECT
public:
    explicit NavRail(QWidget* parent = nullptr);

    void addGroup(const QString& title);
    // text may carry a mnemonic ("&Receive"): the rail shows it without the ampersand (a list cannot
    // underline); the window makes Alt+letter a shortcut. Returns the page's number: 0, 1, … in order.
    int addPage(const QString& text, const QString& toolTip = {});

    [[nodiscard]] int pageCount() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int currentPage() const;
    void setCurrentPage(int page);
    // As shown, without the mnemonic's ampersand.
    [[nodiscard]] QString pageText(int page) const;
    [[nodiscard]] bool isGroupRow(int row) const;

    // Wide enough for the longest entry (and a scroll bar, so a short screen never cuts text off).
    [[nodiscard]] QSize sizeHint() const override;

Q_SIGNALS:
    // The clerk moved to another page (click or keys); not emitted by setCurrentPage().
    void pageChosen(int page);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void moveBy(int pages);

    QList<int> m_rows; // the list row of each page
    bool m_setting = false;
};

// "&Overdue && returns" → "Overdue & returns": how a label shows a mnemonic text, minus the underline.
[[nodiscard]] QString withoutMnemonic(const QString& text);

} // namespace cz::ui
