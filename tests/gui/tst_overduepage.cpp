// The Overdue & returns page through the whole window (F5): the overdue list with fees and the
// unclaimed mark, reminders at most once a day, marking a parcel for return with a reason, the
// return list, and both models under QAbstractItemModelTester.
#include "guifixture.h"
#include "mainwindow.h"
#include "overduemodel.h"
#include "overduepage.h"
#include "returnsmodel.h"
#include "settingspage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestOverduePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void overdueListShowsFees();
    void remindersOncePerDay();
    void markForReturn();
    void followsStationChanges();
    void modelsStandalone();

private:
    static void showWindow(MainWindow& w) {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
    int count(const QString& sql) {
        auto v = m_f->station->ctx->database().scalar(sql);
        return v ? v->toInt() : -1;
    }

    // a: held 8 days (unclaimed), b: held 4 days, c: just arrived; all waiting.
    std::unique_ptr<GuiFixture> m_f;
    Parcel m_a, m_b, m_c;
};

void TestOverduePage::init() {
    m_f = std::make_unique<GuiFixture>();
    QVERIFY(m_f->station->setup.setSetting(QStringLiteral("fee_per_day_fen"), QStringLiteral("50")));
    auto a = m_f->station->inbound.receive({QStringLiteral("YT764306505052"), QStringLiteral("13812345678"),
                                            QStringLiteral("张三"), QStringLiteral("YTO"), std::nullopt});
    QVERIFY(a);
    m_a = a->parcel;
    m_f->clock->advance(4 * kDayMs);
    m_b = m_f->receive(QStringLiteral("YT764306505053"), QStringLiteral("13900001111"));
    m_f->clock->advance(4 * kDayMs);
    m_c = m_f->receive(QStringLiteral("YT764306505054"), QStringLiteral("13700002222"));
    // One hour into the next started day: a is 5 days 1 hour past its 3 free days (6 started days).
    m_f->clock->advance(3600 * 1000);
}

void TestOverduePage::cleanup() {
    m_f.reset();
}

void TestOverduePage::overdueListShowsFees() {
    MainWindow w(*m_f->station->ctx, m_f->scanClock());
    showWindow(w);
    QTest::keyClick(&w, Qt::Key_F5);
    OverduePage* page = w.overduePage();
    QCOMPARE(w.currentPage(), page);
    QAbstractItemModelTester tester(page->overdueModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    OverdueModel* m = page->overdueModel();
    QCOMPARE(m->rowCount(), 2); // c is still within its free days
    QCOMPARE(m->index(0, OverdueModel::Code).data().toString(), m_a.pickupCode);
    QCOMPARE(m->index(0, OverdueModel::Slot).data().toString(), m_a.slotName());
    QCOMPARE(m->index(0, OverdueModel::Phone).data().toString(), QStringLiteral("138****5678"));
    QCOMPARE(m->index(0, OverdueModel::Name).data().toString(), QStringLiteral("张*"));
    // Started days, for the days held and the fee alike: 9 held, 3 free, 6 charged.
    QCOMPARE(m->index(0, OverdueModel::DaysHeld).data().toInt(), 9);
    QCOMPARE(m->index(0, OverdueModel::OverdueDays).data().toInt(), 6);
    QCOMPARE(m->index(0, OverdueModel::Fee).data().toString(), QStringLiteral("3.00"));
    QVERIFY(!m->index(0, OverdueModel::Advice).data().toString().isEmpty());
    QCOMPARE(m->index(1, OverdueModel::Code).data().toString(), m_b.pickupCode);
    QCOMPARE(m->index(1, OverdueModel::DaysHeld).data().toInt(), 5);
    QCOMPARE(m->index(1, OverdueModel::Fee).data().toString(), QStringLiteral("1.00"));
    QVERIFY(m->index(1, OverdueModel::Advice).data().toString().isEmpty());
    QVERIFY(!m->index(0, OverdueModel::Carrier).data().toString().isEmpty());
    // No full phone number anywhere in the table.
    for (int row = 0; row < m->rowCount(); ++row) {
        for (int col = 0; col < m->columnCount(); ++col)
            QVERIFY(!m->index(row, col).data().toString().contains(QStringLiteral("13812345678")));
    }

    // The page opens on the oldest parcel, its reason already "unclaimed".
    QCOMPARE(page->selectedParcelId(), m_a.id);
    QCOMPARE(page->reasonBox()->currentData().toInt(), static_cast<int>(ReturnReason::Unclaimed));

    // Settings is the last key (F8) after Send and Handover.
    QTest::keyClick(&w, Qt::Key_F8);
    QCOMPARE(w.currentPage(), w.settingsPage());
}

void TestOverduePage::remindersOncePerDay() {
    const QString overdueRows = QStringLiteral("SELECT count(*) FROM notification WHERE kind = 'overdue'");
    MainWindow w(*m_f->station->ctx, m_f->scanClock());
    showWindow(w);
    QTest::keyClick(&w, Qt::Key_F5);
    OverduePage* page = w.overduePage();
    QCOMPARE(count(overdueRows), 0);

    QTest::keyClick(&w, Qt::Key_Q, Qt::AltModifier); // &Queue reminders (an animated click)
    QTRY_COMPARE(count(overdueRows), 2);
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM notification WHERE kind = 'overdue' AND parcel_id = '%1'")
                  .arg(m_c.id)),
        0);
    QVERIFY2(page->shownReminderMessage().startsWith(QStringLiteral("2 ")),
             qPrintable(page->shownReminderMessage()));

    // Again the same day: nothing new, and the page says so rather than showing an error.
    m_f->clock->advance(3600 * 1000);
    QTest::mouseClick(page->remindButton(), Qt::LeftButton);
    QCOMPARE(count(overdueRows), 2);
    QVERIFY2(page->shownReminderMessage().startsWith(QStringLiteral("0 ")),
             qPrintable(page->shownReminderMessage()));
    QVERIFY(page->shownReminderMessage().contains(QStringLiteral("already")));
    QVERIFY(Messages::shown().isEmpty());

    // The next day they can be reminded again.
    m_f->clock->advance(kDayMs);
    page->queueReminders();
    QCOMPARE(count(overdueRows), 4);
    QVERIFY(page->shownReminderMessage().startsWith(QStringLiteral("2 ")));
}

void TestOverduePage::markForReturn() {
    MainWindow w(*m_f->station->ctx, m_f->scanClock());
    showWindow(w);
    w.showPage(4);
    OverduePage* page = w.overduePage();
    QCOMPARE(w.currentPage(), page);
    QAbstractItemModelTester overdueTester(page->overdueModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester returnsTester(page->returnsModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(page->returnsModel()->rowCount(), 0);

    // b is not flagged unclaimed: no reason is preselected, and marking without one is refused in place.
    QVERIFY(page->selectParcel(m_b.id));
    QCOMPARE(page->reasonBox()->currentData().toInt(), -1);
    QTest::mouseClick(page->markButton(), Qt::LeftButton);
    QVERIFY(!page->shownReturnMessage().isEmpty());
    QCOMPARE(toString(m_f->station->queries.parcel(m_b.id)->status), toString(ParcelStatus::Waiting));

    // Selecting a (unclaimed) presets the reason; going back to b resets it.
    QVERIFY(page->selectParcel(m_a.id));
    QCOMPARE(page->reasonBox()->currentData().toInt(), static_cast<int>(ReturnReason::Unclaimed));
    QVERIFY(page->selectParcel(m_b.id));
    QCOMPARE(page->reasonBox()->currentData().toInt(), -1);

    // Damaged, with a note, confirmed with Enter in the note field.
    page->reasonBox()->setCurrentIndex(page->reasonBox()->findData(static_cast<int>(ReturnReason::Damaged)));
    page->noteField()->setFocus();
    page->noteField()->setText(QStringLiteral("box crushed"));
    QTest::keyClick(page->noteField(), Qt::Key_Return);

    auto b = m_f->station->queries.parcel(m_b.id);
    QVERIFY(b);
    QCOMPARE(toString(b->status), toString(ParcelStatus::ToReturn));
    QCOMPARE(m_f->station->ctx->database()
                 .scalar(QStringLiteral("SELECT status || '/' || return_reason FROM parcel WHERE id = ?"),
                         {m_b.id})
                 ->toString(),
             QStringLiteral("to_return/damaged"));
    QVERIFY(page->noteField()->text().isEmpty());
    QVERIFY(page->shownReturnMessage().contains(m_b.waybill));

    // It left the overdue list and is in the return list.
    QCOMPARE(page->overdueModel()->rowCount(), 1);
    QCOMPARE(page->overdueModel()->rowOf(m_b.id), -1);
    ReturnsModel* r = page->returnsModel();
    QCOMPARE(r->rowCount(), 1);
    QCOMPARE(r->index(0, ReturnsModel::Code).data().toString(), m_b.pickupCode);
    QCOMPARE(r->index(0, ReturnsModel::Waybill).data().toString(), m_b.waybill);
    QCOMPARE(r->index(0, ReturnsModel::Reason).data().toString(), returnReasonLabel(ReturnReason::Damaged));
    QCOMPARE(r->index(0, ReturnsModel::Phone).data().toString(), QStringLiteral("139****1111"));
    QVERIFY(!r->index(0, ReturnsModel::Carrier).data().toString().isEmpty());

    // Nothing selected: said in place, no dialog, nothing changed.
    page->overdueView()->clearSelection();
    page->markSelectedForReturn();
    QVERIFY(!page->shownReturnMessage().contains(m_b.waybill));
    QCOMPARE(toString(m_f->station->queries.parcel(m_a.id)->status), toString(ParcelStatus::Waiting));
    QVERIFY(Messages::shown().isEmpty());

    // A scanned waybill selects the parcel; its preset reason is used.
    m_f->scan(QApplication::focusWidget(), m_a.waybill);
    QCOMPARE(page->selectedParcelId(), m_a.id);
    page->markSelectedForReturn();
    QCOMPARE(m_f->station->ctx->database()
                 .scalar(QStringLiteral("SELECT return_reason FROM parcel WHERE id = ?"), {m_a.id})
                 ->toString(),
             QStringLiteral("unclaimed"));
    QCOMPARE(page->overdueModel()->rowCount(), 0);
    QCOMPARE(page->returnsModel()->rowCount(), 2);
}

void TestOverduePage::followsStationChanges() {
    MainWindow w(*m_f->station->ctx, m_f->scanClock());
    showWindow(w);
    w.showPage(4);
    OverduePage* page = w.overduePage();
    QCOMPARE(page->overdueModel()->rowCount(), 2);
    // Another program (cunzhanctl, a handover at the counter) changes the station: the page follows.
    QVERIFY(m_f->station->pickup.handOver({m_a.id}));
    QCOMPARE(page->overdueModel()->rowCount(), 1);
    QVERIFY(m_f->station->overdue.markForReturn(m_b.id, ReturnReason::Refused));
    QCOMPARE(page->overdueModel()->rowCount(), 0);
    QCOMPARE(page->returnsModel()->rowCount(), 1);
    QCOMPARE(page->returnsModel()->index(0, ReturnsModel::Reason).data().toString(),
             returnReasonLabel(ReturnReason::Refused));
}

void TestOverduePage::modelsStandalone() {
    OverdueModel overdue;
    QAbstractItemModelTester t1(&overdue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto items = m_f->station->overdue.overdue();
    QVERIFY(items);
    QList<OverdueRow> rows;
    for (const OverdueItem& item : std::as_const(*items))
        rows << OverdueRow{item, QStringLiteral("圆通")};
    overdue.setRows(rows);
    QCOMPARE(overdue.rowCount(), 2);
    QCOMPARE(overdue.columnCount(), int(OverdueModel::ColumnCount));
    QCOMPARE(overdue.index(0, 0).data(Qt::UserRole).toString(), m_a.id);
    QVERIFY(overdue.index(0, 0).data(Qt::ForegroundRole).isValid()); // unclaimed stands out
    QVERIFY(!overdue.index(1, 0).data(Qt::ForegroundRole).isValid());
    for (int c = 0; c < OverdueModel::ColumnCount; ++c)
        QVERIFY(!overdue.headerData(c, Qt::Horizontal).toString().isEmpty());
    overdue.clear();
    QCOMPARE(overdue.rowCount(), 0);

    ReturnsModel returns;
    QAbstractItemModelTester t2(&returns, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Parcel unknown = m_c;
    unknown.returnReason = QStringLiteral("wrong_address"); // from a newer peer: shown as stored
    Parcel lost = m_b;
    lost.returnReason = QStringLiteral("lost");
    returns.setRows({ReturnRow{unknown, QStringLiteral("圆通")}, ReturnRow{lost, QStringLiteral("圆通")}});
    QCOMPARE(returns.rowCount(), 2);
    QCOMPARE(returns.index(0, ReturnsModel::Reason).data().toString(), QStringLiteral("wrong_address"));
    QCOMPARE(returns.index(1, ReturnsModel::Reason).data().toString(), returnReasonLabel(ReturnReason::Lost));
    QCOMPARE(returns.rowOf(m_b.id), 1);
    for (int c = 0; c < ReturnsModel::ColumnCount; ++c)
        QVERIFY(!returns.headerData(c, Qt::Horizontal).toString().isEmpty());
}

QTEST_MAIN(TestOverduePage)
#include "tst_overduepage.moc"
