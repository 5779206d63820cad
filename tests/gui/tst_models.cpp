// Every item model of the terminal under QAbstractItemModelTester, plus what each must show:
// lazy paging and filters (parcels), ticks and fees (pickup), loads (shelves), findings (audit).
#include "auditmodel.h"
#include "guifixture.h"
#include "parceltablemodel.h"
#include "pickupmodel.h"
#include "slotloadmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parcelModelPagesLazily();
    void parcelModelFilters();
    void pickupModelTicks();
    void slotLoadModel();
    void auditModel();
};

namespace {
QString waybill(int i) {
    return QStringLiteral("YT7643065%1").arg(i, 5, 10, QLatin1Char('0'));
}
} // namespace

void TestModels::parcelModelPagesLazily() {
    GuiFixture f(QStringLiteral("1-3:3x10"));
    for (int i = 0; i < 10; ++i) {
        f.receive(waybill(i), QStringLiteral("1380000%1").arg(1000 + i));
        f.clock->advance(60'000);
    }
    ParcelTableModel model(*f.station->ctx);
    model.setChunkSize(4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ParcelFilter filter;
    filter.inStationOnly = true;
    model.setFilter(filter);
    // Only the first chunk is read; the rest waits until a view asks.
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 8);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(!model.canFetchMore({}));
    // Newest first, phones masked.
    QCOMPARE(model.index(0, ParcelTableModel::Waybill).data().toString(), waybill(9));
    QCOMPARE(model.index(0, ParcelTableModel::Phone).data().toString(), QStringLiteral("138****1009"));
    QCOMPARE(model.index(0, ParcelTableModel::Code).data().toString(), model.parcelAt(0).pickupCode);
    QVERIFY(model.headerData(ParcelTableModel::Code, Qt::Horizontal).toString().size() > 0);

    // A change in the station and a reload start again from the first chunk.
    auto handed = f.station->pickup.handOver({model.parcelAt(0).id});
    QVERIFY(handed);
    model.reload();
    QCOMPARE(model.rowCount(), 4);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 9);
}

void TestModels::parcelModelFilters() {
    GuiFixture f;
    const Parcel a = f.receive(waybill(1), QStringLiteral("13800001111"));
    f.receive(waybill(2), QStringLiteral("13800002222"));
    QVERIFY(f.station->pickup.handOver({a.id}));
    ParcelTableModel model(*f.station->ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    ParcelFilter byTail;
    byTail.text = QStringLiteral("2222");
    model.setFilter(byTail);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.parcelAt(0).waybill, waybill(2));

    ParcelFilter picked;
    picked.status = ParcelStatus::PickedUp;
    model.setFilter(picked);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ParcelTableModel::Status).data().toString(), statusLabel(ParcelStatus::PickedUp));

    ParcelFilter inStation;
    inStation.inStationOnly = true;
    model.setFilter(inStation);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.parcelAt(0).waybill, waybill(2));

    model.setFilter({}); // everything
    QCOMPARE(model.rowCount(), 2);
}

void TestModels::pickupModelTicks() {
    PickupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<PickupRow> rows;
    for (int i = 0; i < 3; ++i) {
        PickupRow r;
        r.parcel.id = QStringLiteral("id%1").arg(i);
        r.parcel.pickupCode = QStringLiteral("1-1-100%1").arg(i);
        r.parcel.phone = QStringLiteral("13912345678");
        r.parcel.phoneTail = QStringLiteral("5678");
        r.parcel.name = QStringLiteral("张三");
        r.feeFen = 150 * i;
        r.daysHeld = 4 + i;
        rows << r;
    }
    QSignalSpy changed(&model, &PickupModel::checkedChanged);
    model.setRows(rows);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.checkedIds(),
             (QStringList{QStringLiteral("id0"), QStringLiteral("id1"), QStringLiteral("id2")}));
    QCOMPARE(model.checkedFeeFen(), 450);
    QCOMPARE(model.index(1, PickupModel::Phone).data().toString(), QStringLiteral("139****5678"));
    QCOMPARE(model.index(1, PickupModel::Name).data().toString(), QStringLiteral("张*"));
    QCOMPARE(model.index(2, PickupModel::Fee).data().toString(), QStringLiteral("3.00"));
    QVERIFY(model.flags(model.index(0, PickupModel::Code)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, PickupModel::Fee)) & Qt::ItemIsUserCheckable));

    QVERIFY(model.setData(model.index(2, PickupModel::Code), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(model.index(2, PickupModel::Code).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(model.checkedIds(), (QStringList{QStringLiteral("id0"), QStringLiteral("id1")}));
    QCOMPARE(model.checkedFeeFen(), 150);
    QVERIFY(changed.size() >= 2);
    QVERIFY(!model.setData(model.index(2, PickupModel::Fee), Qt::Unchecked, Qt::CheckStateRole));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.checkedFeeFen(), 0);
}

void TestModels::slotLoadModel() {
    GuiFixture f(QStringLiteral("1:2x1"));
    f.receive(waybill(1), QStringLiteral("13800001111"));
    f.receive(waybill(2), QStringLiteral("13800002222"));
    f.receive(waybill(3), QStringLiteral("13800003333")); // every place full: over capacity
    SlotLoadModel model(*f.station->ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SlotLoadModel::Place).data().toString(), QStringLiteral("1-1"));
    int waiting = 0;
    bool overfull = false;
    for (int row = 0; row < 2; ++row) {
        waiting += model.index(row, SlotLoadModel::Waiting).data().toInt();
        QCOMPARE(model.index(row, SlotLoadModel::Capacity).data().toInt(), 1);
        if (model.index(row, SlotLoadModel::Free).data().toInt() < 0) {
            overfull = true;
            QVERIFY(model.index(row, SlotLoadModel::Place).data(Qt::ForegroundRole).isValid());
        }
    }
    QCOMPARE(waiting, 3);
    QVERIFY(overfull);
}

void TestModels::auditModel() {
    AuditModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AuditReport report;
    report.places = {QStringLiteral("1-1")};
    report.ok = {{QStringLiteral("W1"), QStringLiteral("p1"), QStringLiteral("1-1-1001"),
                  QStringLiteral("1-1"), QStringLiteral("1-1")}};
    report.missing = {
        {QStringLiteral("W2"), QStringLiteral("p2"), QStringLiteral("1-1-1002"), QStringLiteral("1-1"), {}}};
    report.misplaced = {{QStringLiteral("W3"), QStringLiteral("p3"), QStringLiteral("1-2-1003"),
                         QStringLiteral("1-2"), QStringLiteral("1-1")}};
    report.unknown = {{QStringLiteral("W4"), {}, {}, {}, QStringLiteral("1-1")}};
    model.setReport(report);
    QCOMPARE(model.rowCount(), 4);
    // Problems first.
    QCOMPARE(model.findingAt(0), AuditModel::Finding::Missing);
    QCOMPARE(model.findingAt(1), AuditModel::Finding::Misplaced);
    QCOMPARE(model.findingAt(2), AuditModel::Finding::Unknown);
    QCOMPARE(model.findingAt(3), AuditModel::Finding::Ok);
    QCOMPARE(model.index(1, AuditModel::Recorded).data().toString(), QStringLiteral("1-2"));
    QCOMPARE(model.index(1, AuditModel::Found).data().toString(), QStringLiteral("1-1"));
    QVERIFY(model.index(0, AuditModel::Result).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(3, AuditModel::Result).data(Qt::ForegroundRole).isValid());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
