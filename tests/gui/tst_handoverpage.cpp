// The Handover page: a sent parcel and a parcel on the return list scanned into a sealed bag, the
// manifest listed (model-tested), the handover confirmed through the Messages seam, and the
// statuses it leaves in the database; a "no" leaves everything as it was.
#include "dispatch.h"
#include "guifixture.h"
#include "handoverpage.h"
#include "manifestmodel.h"
#include "printpreview.h"
#include "sampledispatch.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>

using namespace cz;
using namespace cz::ui;
using cz::test::GuiFixture;

class TestHandoverPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void bagAndHandOver();
    void lookingWritesNothing();
    void driverAndPlateBeforeTheQuestion();

private:
    QString status(const QString& sql, const QString& id);
    std::unique_ptr<GuiFixture> m_f;
    Dispatch m_sent;
    Parcel m_back;
};

void TestHandoverPage::init() {
    m_f = std::make_unique<GuiFixture>();
    DispatchDesk desk(*m_f->station->ctx);
    QVERIFY(desk.importRates(QStringLiteral("YTO,广东省,粤-20,1200,600,30000")));
    DispatchRequest r = cz::test::sampleDispatchRequest();
    r.senderId = QStringLiteral("410102199003071230");
    r.contents = QStringLiteral("clothing");
    r.weightGrams = 800;
    auto d = desk.accept(r);
    QVERIFY2(d, d ? "" : qPrintable(d.error().message));
    m_sent = *d;
    m_back = m_f->receive(QStringLiteral("YT764306505052"), QStringLiteral("13800001111"));
    QVERIFY(m_f->station->overdue.markForReturn(m_back.id, ReturnReason::Refused));
}

void TestHandoverPage::cleanup() {
    m_f.reset();
}

QString TestHandoverPage::status(const QString& sql, const QString& id) {
    auto v = m_f->station->ctx->database().scalar(sql, {id});
    return v ? v->toString() : QString();
}

void TestHandoverPage::bagAndHandOver() {
    HandoverPage page(*m_f->station->ctx);
    QAbstractItemModelTester tester(page.manifestModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(page.manifestModel()->rowCount(), 0);

    // A waybill without a bag number is refused in place.
    page.handleScan(m_sent.waybill);
    QVERIFY(!page.shownMessage().isEmpty());
    QCOMPARE(page.manifestModel()->rowCount(), 0);

    page.bagField()->setText(QStringLiteral("B1"));
    page.sealField()->setText(QStringLiteral("SEAL0001"));
    page.handleScan(m_sent.waybill);
    page.handleScan(m_back.waybill);
    ManifestModel* m = page.manifestModel();
    QCOMPARE(m->rowCount(), 2);
    QCOMPARE(m->bagCount(), 1);
    QCOMPARE(m->index(0, ManifestModel::Bag).data().toString(), QStringLiteral("B1"));
    QCOMPARE(m->index(0, ManifestModel::Seal).data().toString(), QStringLiteral("SEAL0001"));
    QCOMPARE(m->index(0, ManifestModel::Waybill).data().toString(), m_sent.waybill);
    QCOMPARE(m->index(1, ManifestModel::Waybill).data().toString(), m_back.waybill);
    QCOMPARE(status(QStringLiteral("SELECT status FROM dispatch WHERE id = ?"), m_sent.id),
             QStringLiteral("bagged"));
    // The same parcel twice is refused, the list unchanged.
    page.handleScan(m_back.waybill);
    QCOMPARE(m->rowCount(), 2);

    page.driverField()->setText(QStringLiteral("王师傅"));
    page.plateField()->setText(QStringLiteral("赣C12345"));
    Messages::setNextAnswer(false);
    page.handOver();
    QCOMPARE(Messages::shown().size(), 1);
    QCOMPARE(status(QStringLiteral("SELECT status FROM dispatch WHERE id = ?"), m_sent.id),
             QStringLiteral("bagged"));
    QCOMPARE(m->rowCount(), 2);

    Messages::setNextAnswer(true);
    page.handOver();
    QCOMPARE(status(QStringLiteral("SELECT status FROM dispatch WHERE id = ?"), m_sent.id),
             QStringLiteral("handed_over"));
    QCOMPARE(status(QStringLiteral("SELECT status FROM parcel WHERE id = ?"), m_back.id),
             QStringLiteral("returned"));
    QCOMPARE(m_f->station->ctx->database()
                 .scalar(QStringLiteral("SELECT driver FROM manifest WHERE status = 'handed_over'"))
                 ->toString(),
             QStringLiteral("王师傅"));
    QCOMPARE(m->rowCount(), 0);

    // The manifest just handed over is the one printed.
    page.printManifest();
    const QList<print::Document> opened = PrintPreview::takeOpened();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().pageMm, QSizeF(210, 297));
}

void TestHandoverPage::lookingWritesNothing() {
    auto outbox = [this] {
        return m_f->station->ctx->database().scalar(QStringLiteral("SELECT count(*) FROM outbox"))->toInt();
    };
    const int before = outbox();
    HandoverPage page(*m_f->station->ctx);
    page.activate();
    QCOMPARE(outbox(), before);
    QCOMPARE(m_f->station->ctx->database().scalar(QStringLiteral("SELECT count(*) FROM manifest"))->toInt(),
             0);
    page.printManifest();
    QVERIFY(!page.shownMessage().isEmpty());
    QVERIFY(PrintPreview::takeOpened().isEmpty());
}

// The question names the person the bags go to: the driver and the plate are checked first, and
// the question shows them as they are stored (spaces gone, the plate in capitals).
void TestHandoverPage::driverAndPlateBeforeTheQuestion() {
    HandoverPage page(*m_f->station->ctx);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.bagField()->setText(QStringLiteral("B1"));
    page.sealField()->setText(QStringLiteral("SEAL0001"));
    page.waybillField()->setText(m_sent.waybill);
    page.addToBag();
    QCOMPARE(page.manifestModel()->rowCount(), 1);

    page.plateField()->setText(QStringLiteral("赣c12345"));
    page.handOver();
    QCOMPARE(Messages::shown(), QStringList()); // not asked "hand over to ()?"
    QCOMPARE(page.shownMessage(), QStringLiteral("Enter the van driver's name."));
    QCOMPARE(QApplication::focusWidget(), page.driverField());

    page.driverField()->setText(QStringLiteral("  王师傅 "));
    page.plateField()->setText(QStringLiteral("  "));
    page.handOver();
    QCOMPARE(Messages::shown(), QStringList());
    QCOMPARE(page.shownMessage(), QStringLiteral("Enter the van's number plate."));
    QCOMPARE(QApplication::focusWidget(), page.plateField());

    page.plateField()->setText(QStringLiteral("赣c12345"));
    Messages::setNextAnswer(false);
    page.handOver();
    QCOMPARE(Messages::shown().size(), 1);
    QVERIFY2(Messages::shown().first().contains(QStringLiteral("to 王师傅 (赣C12345)?")),
             qPrintable(Messages::shown().first()));
    QCOMPARE(status(QStringLiteral("SELECT status FROM dispatch WHERE id = ?"), m_sent.id),
             QStringLiteral("bagged"));
    QCOMPARE(Manifests::checkVan(QStringLiteral(" 王师傅"), QStringLiteral("赣c12345"))->plate,
             QStringLiteral("赣C12345"));
}

QTEST_MAIN(TestHandoverPage)
#include "tst_handoverpage.moc"
