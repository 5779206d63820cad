// The main window's navigation rail: the pages under their groups in F-key order, F1..F8 keeping
// their pages (proxy buying's after them on F10..F12), arrow keys browsing the rail (skipping headings, the
// focus staying there) and Enter going into the page, a click leaving the focus in the page, Ctrl+PgUp/PgDn
// stepping round, and Alt+the page's letter, in English and in Chinese, unless the current page's own control
// has it.
#include "guifixture.h"
#include "handoverpage.h"
#include "mainwindow.h"
#include "navrail.h"
#include "orderpage.h"
#include "orderspage.h"
#include "overduepage.h"
#include "page.h"
#include "parcelspage.h"
#include "pickuppage.h"
#include "receivepage.h"
#include "screenfit.h"
#include "sendpage.h"
#include "settingspage.h"
#include "shelvespage.h"
#include "villagerspage.h"

#include <QGroupBox>
#include <QStatusBar>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestNavigation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void railGroupsPagesInKeyOrder();
    void functionKeysKeepTheirPages();
    void arrowKeysBrowseEnterGoesIn();
    void clickLeavesFocusInPage();
    void ctrlPageUpDownStepRound();
    void altLettersShowPages_data();
    void altLettersShowPages();

private:
    static void showWindow(MainWindow& w) {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
    static bool focusIn(QWidget* page) {
        QWidget* f = QApplication::focusWidget();
        return f && (f == page || page->isAncestorOf(f));
    }
};

void TestNavigation::railGroupsPagesInKeyOrder() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    NavRail* rail = w.navRail();
    QCOMPARE(rail->pageCount(), 11);
    QCOMPARE(w.pageCount(), 11);
    QStringList rows;
    for (int row = 0; row < rail->count(); ++row)
        rows << (rail->isGroupRow(row) ? QStringLiteral("[%1]") : QStringLiteral("%1"))
                    .arg(rail->item(row)->text());
    QCOMPARE(rows, (QStringList{"[Parcels]", "Receive (F1)", "Pickup (F2)", "Parcels (F3)", "Shelves (F4)",
                                "Overdue & returns (F5)", "[Sending]", "Send (F6)", "Handover (F7)",
                                "[Station]", "Settings (F8)", "[Proxy buying]", "Buy for villagers (F10)",
                                "Villagers (F11)", "Order list (F12)"}));
    // Headings are neither current nor clickable.
    for (int row = 0; row < rail->count(); ++row) {
        if (rail->isGroupRow(row))
            QCOMPARE(rail->item(row)->flags() & (Qt::ItemIsSelectable | Qt::ItemIsEnabled), Qt::ItemFlags());
    }
    QCOMPARE(rail->currentPage(), 0);
    QCOMPARE(withoutMnemonic(QStringLiteral("&Overdue && returns")), QStringLiteral("Overdue & returns"));
    QCOMPARE(withoutMnemonic(QStringLiteral("交接(&E)")), QStringLiteral("交接(E)"));
}

void TestNavigation::functionKeysKeepTheirPages() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    const QList<Page*> expected = {w.receivePage(), w.pickupPage(),    w.parcelsPage(),  w.shelvesPage(),
                                   w.overduePage(), w.sendPage(),      w.handoverPage(), w.settingsPage(),
                                   w.orderPage(),   w.villagersPage(), w.ordersPage()};
    for (auto i = static_cast<int>(expected.size()) - 1; i >= 0; --i) {
        // F9 is the camera's: the pages after the eighth take F10..F12.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(Qt::Key_F1 + (i < 8 ? i : i + 1)));
        QCOMPARE(w.currentPage(), expected[i]);
        QCOMPARE(w.navRail()->currentPage(), i);
        QVERIFY2(focusIn(expected[i]), qPrintable(expected[i]->title()));
    }
}

void TestNavigation::arrowKeysBrowseEnterGoesIn() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    NavRail* rail = w.navRail();
    w.showPage(4); // Overdue, the last of its group
    rail->setFocus();
    QTest::keyClick(rail, Qt::Key_Down);
    QCOMPARE(w.currentPage(), w.sendPage());     // over the "Sending" heading
    QCOMPARE(QApplication::focusWidget(), rail); // browsing: the focus stays in the rail
    QTest::keyClick(rail, Qt::Key_Up);
    QCOMPARE(w.currentPage(), w.overduePage());
    QTest::keyClick(rail, Qt::Key_End);
    QCOMPARE(w.currentPage(), w.ordersPage());
    QTest::keyClick(rail, Qt::Key_Down); // the end stays the end
    QCOMPARE(w.currentPage(), w.ordersPage());
    QTest::keyClick(rail, Qt::Key_Home);
    QCOMPARE(w.currentPage(), w.receivePage());
    QTest::keyClick(rail, Qt::Key_Up);
    QCOMPARE(w.currentPage(), w.receivePage());
    QCOMPARE(rail->currentRow(), 1); // never the heading above
    QTest::keyClick(rail, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), rail);
    QTest::keyClick(rail, Qt::Key_Return);
    QCOMPARE(w.currentPage(), w.pickupPage());
    QCOMPARE(QApplication::focusWidget(), w.pickupPage()->lookupField());
}

void TestNavigation::clickLeavesFocusInPage() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    NavRail* rail = w.navRail();
    const QRect handover = rail->visualItemRect(rail->item(8));
    QTest::mouseClick(rail->viewport(), Qt::LeftButton, {}, handover.center());
    QCOMPARE(w.currentPage(), w.handoverPage());
    QVERIFY(focusIn(w.handoverPage()));
    // A click on a heading changes nothing.
    QTest::mouseClick(rail->viewport(), Qt::LeftButton, {}, rail->visualItemRect(rail->item(0)).center());
    QCOMPARE(w.currentPage(), w.handoverPage());
    QCOMPARE(rail->currentPage(), 6);
}

void TestNavigation::ctrlPageUpDownStepRound() {
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    // From a page's own field (the receive page's waybill field has the focus).
    QVERIFY(focusIn(w.receivePage()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), w.pickupPage());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), w.receivePage());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), w.ordersPage()); // round to the last
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(w.currentPage(), w.receivePage());
}

void TestNavigation::altLettersShowPages_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Alt+letter of a page shows it from any page, unless the current page has a control on that letter:
// then the control answers (two shortcuts on one key would make Qt do neither).
void TestNavigation::altLettersShowPages() {
    QFETCH(QString, language);
    const cz::test::LanguageScope lang(language);
    GuiFixture f;
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    QMap<QKeySequence, int> railKeys;
    for (int i = 0; i < w.pageCount(); ++i) {
        const QKeySequence key = QKeySequence::mnemonic(w.page(i)->title());
        QVERIFY2(!key.isEmpty(), qPrintable(w.page(i)->title()));
        QVERIFY2(!railKeys.contains(key), qPrintable(key.toString()));
        railKeys.insert(key, i);
    }
    auto ownKeys = [](QWidget* page) {
        QList<QKeySequence> keys;
        for (QWidget* c : page->findChildren<QWidget*>()) {
            QString text;
            if (auto* b = qobject_cast<QAbstractButton*>(c))
                text = b->text();
            else if (auto* l = qobject_cast<QLabel*>(c); l && l->buddy())
                text = l->text();
            else if (auto* g = qobject_cast<QGroupBox*>(c))
                text = g->title();
            keys << QKeySequence::mnemonic(text);
        }
        return keys;
    };
    int switched = 0;
    for (int from = 0; from < w.pageCount(); ++from) {
        const QList<QKeySequence> own = ownKeys(w.page(from));
        for (auto it = railKeys.cbegin(); it != railKeys.cend(); ++it) {
            if (it.value() == from)
                continue;
            w.showPage(from);
            QWidget* before = QApplication::focusWidget();
            QTest::keySequence(before, it.key());
            const QString what =
                withoutMnemonic(w.page(from)->title()) + QStringLiteral(", ") + it.key().toString();
            if (own.contains(it.key())) {
                // The page's own control answered: the focus moved to it (or it was clicked).
                QVERIFY2(w.currentPage() == w.page(from), qPrintable(what));
            } else {
                QVERIFY2(w.currentPage() == w.page(it.value()), qPrintable(what));
                ++switched;
            }
        }
    }
    // Most letters work from most pages (the clashes are a few, on Shelves, Overdue and Settings).
    QVERIFY2(switched > w.pageCount() * (w.pageCount() - 1) * 3 / 4, qPrintable(QString::number(switched)));
}

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
