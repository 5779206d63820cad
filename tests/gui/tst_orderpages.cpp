// Proxy buying on the terminal: the Order page (scanning into the basket, searching by pinyin, the
// villager, refusals that write nothing, a paid order written with its receipt offered), the Villagers
// page (a duplicate number refused in the dialog, a deposit changing the balance shown, the statement),
// the Orders page (filter, detail, cancel with confirmation), and the models under
// QAbstractItemModelTester.
#include "accounts.h"
#include "basketmodel.h"
#include "countychanges.h"
#include "guifixture.h"
#include "mainwindow.h"
#include "orderpage.h"
#include "orders.h"
#include "orderspage.h"
#include "printpreview.h"
#include "readonlyquery.h"
#include "samplecatalogue.h"
#include "villagerspage.h"
#include "writetx.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

namespace {
const QString kRiceBarcode = QStringLiteral("6901234567892");

void seedCatalogue(GuiFixture& f) {
    QVERIFY(test::storeCatalogue(
        *f.station->ctx,
        {{QStringLiteral("R1"), QStringLiteral("香稻丸"), 1280, QStringLiteral("粮油"), kRiceBarcode, true,
          QStringLiteral("500 g/袋"), QStringLiteral("袋")},
         {QStringLiteral("F1"), QStringLiteral("复合肥"), 12000, QStringLiteral("农资"),
          QStringLiteral("6909876543210"), true, QStringLiteral("50 kg/袋"), QStringLiteral("袋")}}));
}

Villager addVillager(GuiFixture& f, const QString& phone, qint64 creditLimitFen = 0) {
    auto v = Accounts(*f.station->ctx)
                 .add({QStringLiteral("张三丰"), phone, QStringLiteral("一组"), {}, creditLimitFen});
    if (!v)
        qFatal("add villager: %s", qPrintable(v.error().message));
    return *v;
}

int rows(GuiFixture& f, const QString& table) {
    return test::countRows(f.dir.filePath(QStringLiteral("station.db")), table);
}
} // namespace

class TestOrderPages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scanTwiceMakesQuantityTwo();
    void pinyinInitialsFindTheItem();
    void beyondCreditLimitWritesNothing();
    void paidOrderIsWrittenAndReceiptOffered();
    void duplicatePhoneRefusedInDialog();
    void depositChangesShownBalance();
    void editVillagerKeepsNumberHidden();
    void ordersPageCancelsAfterConfirmation();
    void ordersPagePaysRefundDue();
    void modelsPassTheTester();

private:
    static void showWindow(MainWindow& w) {
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
    }
};

void TestOrderPages::scanTwiceMakesQuantityTwo() {
    GuiFixture f;
    seedCatalogue(f);
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 3);
    OrderPage* page = w.orderPage();
    QCOMPARE(w.currentPage(), page);
    QCOMPARE(QApplication::focusWidget(), page->itemField());

    f.scan(QApplication::focusWidget(), kRiceBarcode);
    QCOMPARE(page->basket()->rowCount(), 1);
    QCOMPARE(page->basket()->lineAt(0).quantity, 1);
    f.scan(QApplication::focusWidget(), kRiceBarcode);
    QCOMPARE(page->basket()->rowCount(), 1);
    QCOMPARE(page->basket()->lineAt(0).quantity, 2);
    QVERIFY2(page->shownTotal().contains(QStringLiteral("25.60")), qPrintable(page->shownTotal()));
    QCOMPARE(page->itemField()->text(), QString()); // the scan went to the basket, not into the field

    f.scan(QApplication::focusWidget(), QStringLiteral("6900000000000"));
    QVERIFY2(page->shownMessage().contains(QStringLiteral("6900000000000")),
             qPrintable(page->shownMessage()));
    QCOMPARE(page->basket()->rowCount(), 1);

    // The quantity is edited in place; Delete removes the line.
    QVERIFY(page->basket()->setData(page->basket()->index(0, BasketModel::Quantity), 5));
    QVERIFY(page->shownTotal().contains(QStringLiteral("64.00")));
    QVERIFY(!page->basket()->setData(page->basket()->index(0, BasketModel::Quantity), 0));
    page->basketView()->setFocus();
    page->basketView()->setCurrentIndex(page->basket()->index(0, BasketModel::Name));
    QTest::keyClick(page->basketView(), Qt::Key_Delete);
    QCOMPARE(page->basket()->rowCount(), 0);
    QVERIFY(page->shownTotal().contains(QStringLiteral("0.00")));
}

void TestOrderPages::pinyinInitialsFindTheItem() {
    GuiFixture f;
    seedCatalogue(f);
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 3);
    OrderPage* page = w.orderPage();
    f.type(QApplication::focusWidget(), QStringLiteral("xdw"));
    w.scanFilter()->flush(); // the last key waits to see whether a scan follows
    QCOMPARE(page->itemField()->text(), QStringLiteral("xdw"));
    QCOMPARE(page->results()->count(), 1);
    QVERIFY(page->results()->item(0)->text().contains(QStringLiteral("香稻丸")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(page->basket()->rowCount(), 1);
    QCOMPARE(page->basket()->lineAt(0).item.sku, QStringLiteral("R1"));
    QCOMPARE(page->results()->count(), 0);

    // Full pinyin, and the category narrows the browse.
    page->search(QStringLiteral("fuhefei"));
    QCOMPARE(page->results()->count(), 1);
    QVERIFY(page->results()->item(0)->text().contains(QStringLiteral("复合肥")));
    QCOMPARE(page->categoryBox()->count(), 3); // all, 农资, 粮油
    const int farm = page->categoryBox()->findData(QStringLiteral("农资"));
    QVERIFY(farm > 0);
    page->categoryBox()->setCurrentIndex(farm);
    page->showCategory(farm);
    QCOMPARE(page->results()->count(), 1);
    QVERIFY(page->results()->item(0)->text().contains(QStringLiteral("复合肥")));
}

void TestOrderPages::beyondCreditLimitWritesNothing() {
    GuiFixture f;
    seedCatalogue(f);
    addVillager(f, QStringLiteral("13812345678"), 5000); // 50 yuan of credit
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 3);
    OrderPage* page = w.orderPage();
    page->handleScan(QStringLiteral("6909876543210")); // 120 yuan
    page->villagerField()->setText(QStringLiteral("5678"));
    page->findVillager(page->villagerField()->text());
    QCOMPARE(page->villagerBox()->count(), 1);
    QVERIFY(page->villagerBox()->currentText().contains(QStringLiteral("138****5678")));
    QVERIFY(!page->villagerBox()->currentText().contains(QStringLiteral("13812345678")));
    page->paymentBox()->setCurrentIndex(page->paymentBox()->findData(int(OrderPayment::Credit)));
    const int ordersBefore = rows(f, QStringLiteral("proxy_order"));
    const int outboxBefore = rows(f, QStringLiteral("outbox"));
    QTest::mouseClick(page->placeButton(), Qt::LeftButton);
    QVERIFY2(page->shownMessage().contains(QStringLiteral("credit limit")), qPrintable(page->shownMessage()));
    QCOMPARE(rows(f, QStringLiteral("proxy_order")), ordersBefore);
    QCOMPARE(rows(f, QStringLiteral("outbox")), outboxBefore);
    QCOMPARE(page->basket()->rowCount(), 1); // kept: the clerk can pay another way
    QVERIFY(PrintPreview::takeOpened().isEmpty());

    // From the deposit: refused too, the deposit is empty.
    page->paymentBox()->setCurrentIndex(page->paymentBox()->findData(int(OrderPayment::Deposit)));
    page->placeOrder();
    QVERIFY2(page->shownMessage().contains(QStringLiteral("deposit")), qPrintable(page->shownMessage()));
    QCOMPARE(rows(f, QStringLiteral("proxy_order")), ordersBefore);
}

void TestOrderPages::paidOrderIsWrittenAndReceiptOffered() {
    GuiFixture f;
    seedCatalogue(f);
    const Villager v = addVillager(f, QStringLiteral("13812345678"));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 3);
    OrderPage* page = w.orderPage();
    f.scan(QApplication::focusWidget(), kRiceBarcode);
    f.scan(QApplication::focusWidget(), kRiceBarcode);
    page->findVillager(QStringLiteral("张三"));
    QCOMPARE(page->villagerBox()->count(), 1);
    page->paymentBox()->setCurrentIndex(page->paymentBox()->findData(int(OrderPayment::Now)));
    page->methodBox()->setCurrentIndex(page->methodBox()->findData(int(PayMethod::Wechat)));
    (void)PrintPreview::takeOpened();
    Messages::setNextAnswer(true); // print the receipt
    page->placeOrder();

    auto orders = Orders(*f.station->ctx).list();
    QVERIFY(orders);
    QCOMPARE(orders->size(), 1);
    const Order& o = orders->first();
    QCOMPARE(o.villagerId, v.id);
    QCOMPARE(o.totalFen, 2560);
    QCOMPARE(o.method, QStringLiteral("wechat"));
    QCOMPARE(page->basket()->rowCount(), 0);
    QVERIFY2(page->shownMessage().contains(QStringLiteral("25.60")), qPrintable(page->shownMessage()));
    const QList<print::Document> opened = PrintPreview::takeOpened();
    QCOMPARE(opened.size(), 1);
    QVERIFY2(opened.first().title.contains(o.id.right(8).toUpper()), qPrintable(opened.first().title));
    QCOMPARE(opened.first().pageMm.width(), 48.0);
}

void TestOrderPages::duplicatePhoneRefusedInDialog() {
    GuiFixture f;
    addVillager(f, QStringLiteral("13812345678"));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 2);
    VillagersPage* page = w.villagersPage();
    QCOMPARE(w.currentPage(), page);
    VillagerDialog* dialog = page->openAddDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->nameField()->setText(QStringLiteral("李四"));
    dialog->phoneField()->setText(QStringLiteral("13812345678"));
    dialog->save();
    QVERIFY(dialog->isVisible()); // stays open with the reason
    QVERIFY2(dialog->shownMessage().contains(QStringLiteral("13812345678")) ||
                 dialog->shownMessage().contains(QStringLiteral("already")),
             qPrintable(dialog->shownMessage()));
    auto found = Accounts(*f.station->ctx).find(QStringLiteral("5678"));
    QVERIFY(found);
    QCOMPARE(found->size(), 1);

    dialog->phoneField()->setText(QStringLiteral("13900001111"));
    dialog->save();
    QTRY_VERIFY(!page->addDialog());
    found = Accounts(*f.station->ctx).find(QStringLiteral("1111"));
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(page->villagers()->rowCount(), 1);
    QCOMPARE(page->villagers()->index(0, 1).data().toString(), QStringLiteral("139****1111"));
    QCOMPARE(page->villagers()->index(0, 0).data().toString(), QStringLiteral("李*"));
    QCOMPARE(page->currentVillager(), found->first().id);
}

void TestOrderPages::editVillagerKeepsNumberHidden() {
    GuiFixture f;
    const Villager v = addVillager(f, QStringLiteral("13812345678"));
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 2);
    VillagersPage* page = w.villagersPage();
    QVERIFY(!page->openEditDialog()); // no villager chosen yet
    page->find(QStringLiteral("5678"));
    QCOMPARE(page->currentVillager(), v.id);
    VillagerDialog* dialog = page->openEditDialog();
    QVERIFY(dialog && dialog->editing());
    // The number is not shown: the field is empty, its hint masked.
    QVERIFY(dialog->phoneField()->text().isEmpty());
    QVERIFY(dialog->phoneField()->placeholderText().contains(QStringLiteral("138****5678")));
    QVERIFY(!dialog->phoneField()->placeholderText().contains(QStringLiteral("13812345678")));
    QCOMPARE(dialog->nameField()->text(), v.name);
    dialog->groupField()->setText(QStringLiteral("五组"));
    dialog->save();
    QTRY_VERIFY(!page->addDialog());
    auto changed = Accounts(*f.station->ctx).villager(v.id);
    QVERIFY(changed);
    QCOMPARE(changed->group, QStringLiteral("五组"));
    QCOMPARE(changed->phone, QStringLiteral("13812345678")); // left empty: unchanged
    QCOMPARE(page->villagers()->index(0, 2).data().toString(), QStringLiteral("五组"));
    // Saving without a change says so and keeps the dialog open.
    dialog = page->openEditDialog();
    dialog->save();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->shownMessage().isEmpty());
    dialog->reject();
}

void TestOrderPages::depositChangesShownBalance() {
    GuiFixture f;
    const Villager v = addVillager(f, QStringLiteral("13812345678"), 10000);
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 2);
    VillagersPage* page = w.villagersPage();
    f.type(QApplication::focusWidget(), QStringLiteral("5678"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(page->currentVillager(), v.id);
    QVERIFY2(page->shownAccount().contains(QStringLiteral("balance 0.00")), qPrintable(page->shownAccount()));
    QVERIFY(page->shownAccount().contains(QStringLiteral("138****5678")));
    QVERIFY(!page->shownAccount().contains(QStringLiteral("13812345678")));

    page->amountField()->setText(QStringLiteral("50.5"));
    page->methodBox()->setCurrentIndex(page->methodBox()->findData(int(PayMethod::Cash)));
    Messages::setNextAnswer(false); // no receipt
    QTest::keyClick(page->amountField(), Qt::Key_Return);
    QVERIFY2(page->shownAccount().contains(QStringLiteral("balance 50.50")),
             qPrintable(page->shownAccount()));
    QCOMPARE(page->ledger()->rowCount(), 1);
    QCOMPARE(page->ledger()->index(0, 3).data().toString(), QStringLiteral("+50.50"));
    auto state = Accounts(*f.station->ctx).state(v.id);
    QVERIFY(state);
    QCOMPARE(state->balanceFen, 5050);

    // A bad amount is refused and writes nothing.
    page->amountField()->setText(QStringLiteral("abc"));
    page->deposit();
    QVERIFY(page->shownMessage().contains(QStringLiteral("abc")));
    QCOMPARE(page->ledger()->rowCount(), 1);

    // The receipt of the chosen entry and the statement.
    (void)PrintPreview::takeOpened();
    page->ledgerView()->setCurrentIndex(page->ledger()->index(0, 0));
    page->printEntryReceipt();
    page->printStatement();
    const QList<print::Document> opened = PrintPreview::takeOpened();
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened[0].pageMm.width(), 48.0);
    QCOMPARE(opened[1].media, QStringLiteral("A4"));

    // The owner's credit limit, after a confirmation.
    page->limitField()->setText(QStringLiteral("300"));
    Messages::setNextAnswer(true);
    page->setCreditLimit();
    QVERIFY2(page->shownAccount().contains(QStringLiteral("credit limit 300.00")),
             qPrintable(page->shownAccount()));
}

void TestOrderPages::ordersPageCancelsAfterConfirmation() {
    GuiFixture f;
    seedCatalogue(f);
    const Villager v = addVillager(f, QStringLiteral("13812345678"), 100000);
    auto placed =
        Orders(*f.station->ctx).place(v.id, {{QStringLiteral("R1"), 3, std::nullopt}}, OrderPayment::Credit);
    QVERIFY(placed);
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 1);
    OrdersPage* page = w.ordersPage();
    QCOMPARE(w.currentPage(), page);
    QCOMPARE(page->orders()->rowCount(), 1);
    QCOMPARE(page->orders()->index(0, 1).data().toString(), QStringLiteral("张*丰 138****5678"));
    page->ordersView()->setCurrentIndex(page->orders()->index(0, 0));
    QCOMPARE(page->currentOrder(), placed->id);
    QCOMPARE(page->lines()->rowCount(), 1);
    QCOMPARE(page->lines()->index(0, 3).data().toString(), QStringLiteral("38.40"));
    QVERIFY(page->events()->rowCount() >= 1);
    QVERIFY(page->cancelButton()->isEnabled());

    // Without a reason, or when the clerk says no, nothing changes.
    page->cancelOrder();
    QVERIFY(!page->shownMessage().isEmpty());
    page->reasonField()->setText(QStringLiteral("村民不要了"));
    Messages::setNextAnswer(false);
    page->cancelOrder();
    auto still = Orders(*f.station->ctx).show(placed->id);
    QVERIFY(still);
    QCOMPARE(toString(still->status), toString(OrderStatus::Placed));

    Messages::setNextAnswer(true);
    page->cancelOrder();
    auto cancelled = Orders(*f.station->ctx).show(placed->id);
    QVERIFY(cancelled);
    QCOMPARE(toString(cancelled->status), toString(OrderStatus::Cancelled));
    auto state = Accounts(*f.station->ctx).state(v.id);
    QVERIFY(state);
    QCOMPARE(state->balanceFen, 0); // the credit is given back

    // The status filter.
    page->statusBox()->setCurrentIndex(page->statusBox()->findData(int(OrderStatus::Placed)));
    page->refresh();
    QCOMPARE(page->orders()->rowCount(), 0);
    page->statusBox()->setCurrentIndex(page->statusBox()->findData(int(OrderStatus::Cancelled)));
    page->refresh();
    QCOMPARE(page->orders()->rowCount(), 1);
}

void TestOrderPages::ordersPagePaysRefundDue() {
    GuiFixture f;
    seedCatalogue(f);
    const Villager v = addVillager(f, QStringLiteral("13812345678"));
    auto placed =
        Orders(*f.station->ctx)
            .place(v.id, {{QStringLiteral("R1"), 2, std::nullopt}}, OrderPayment::Now, PayMethod::Wechat);
    QVERIFY2(placed, placed ? "" : qPrintable(placed.error().message));
    { // The county refuses it (as a pull stores its decision).
        UuidV7Source ids(*f.clock);
        auto tx = WriteTx::beginDownstream(f.station->ctx->database(), *f.clock, ids);
        QVERIFY(tx);
        QVERIFY(applyCountyChange(*tx, {QStringLiteral("order_status"), placed->id,
                                        QJsonObject{{QStringLiteral("status"), QStringLiteral("refused")},
                                                    {QStringLiteral("reason"), QStringLiteral("缺货")}}}));
        QVERIFY(tx->commit());
    }
    MainWindow w(*f.station->ctx, f.scanClock());
    showWindow(w);
    w.showPage(w.pageCount() - 1);
    OrdersPage* page = w.ordersPage();
    page->statusBox()->setCurrentIndex(page->statusBox()->findData(int(OrderStatus::Refused)));
    page->refresh();
    QCOMPARE(page->orders()->rowCount(), 1);
    page->ordersView()->setCurrentIndex(page->orders()->index(0, 0));
    // Paid at the counter: still due after the page opened, the way it was paid chosen.
    QVERIFY(page->refundButton()->isEnabled());
    QCOMPARE(page->refundMethodBox()->currentData().toInt(), int(PayMethod::Wechat));
    const auto cashOut = [&] {
        return f.station->ctx->database()
            .scalar(
                QStringLiteral("SELECT count(*) FROM cash_entry WHERE amount_fen = ? AND method = 'wechat'"),
                {-placed->totalFen})
            ->toInt();
    };
    QCOMPARE(cashOut(), 0);
    Messages::setNextAnswer(false);
    page->payRefund();
    QCOMPARE(cashOut(), 0);
    Messages::setNextAnswer(true);
    page->payRefund();
    QCOMPARE(cashOut(), 1);
    auto refunded = Orders(*f.station->ctx).show(placed->id);
    QVERIFY(refunded);
    QVERIFY(!refunded->refundDue);
    page->ordersView()->setCurrentIndex(page->orders()->index(0, 0));
    QVERIFY(!page->refundButton()->isEnabled());
}

void TestOrderPages::modelsPassTheTester() {
    BasketModel basket;
    QAbstractItemModelTester t1(&basket, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CatalogueItem a{
        QStringLiteral("A"), QStringLiteral("甲"), {}, QStringLiteral("袋"), 150, {}, {}, {}, true, 0};
    CatalogueItem b = a;
    b.sku = QStringLiteral("B");
    QCOMPARE(basket.add(a), 0);
    QCOMPARE(basket.add(b), 1);
    QCOMPARE(basket.add(a), 0);
    QCOMPARE(basket.totalFen(), 450);
    QCOMPARE(basket.orderLines().first().quantity, 2);
    QCOMPARE(basket.orderLines().first().priceFen, std::optional<qint64>(150));
    basket.removeLine(0);
    QCOMPARE(basket.rowCount(), 1);
    basket.clear();
    QCOMPARE(basket.totalFen(), 0);

    TextRowsModel text({QStringLiteral("x"), QStringLiteral("y")});
    QAbstractItemModelTester t2(&text, QAbstractItemModelTester::FailureReportingMode::QtTest);
    text.setRows({QStringLiteral("1")}, {{QStringLiteral("a"), QStringLiteral("b")}});
    QCOMPARE(text.index(0, 1).data().toString(), QStringLiteral("b"));
    QCOMPARE(text.rowOf(QStringLiteral("1")), 0);
    text.clear();
    QCOMPARE(text.rowCount(), 0);
}

QTEST_MAIN(TestOrderPages)
#include "tst_orderpages.moc"
