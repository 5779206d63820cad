// The station's records turned into paper: a dispatch's label carries its waybill as Code 128 and
// its routing zone; a handed-over manifest lists dispatches and returns per bag; carriers are printed by
// name, in the station's language (this test runs under LANG=LC_ALL=C, as a fresh install does).
#include "barcode.h"
#include "context.h"
#include "dispatch.h"
#include "document.h"
#include "fromstation.h"
#include "i18n.h"
#include "inbound.h"
#include "manifest.h"
#include "overdue.h"
#include "pdf.h"
#include "query.h"
#include "setup.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cz;

class TestFromStation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelAndManifest();
    void paperSpeaksTheStationsLanguage();
};

namespace {
QString pdfText(const print::Document& doc, const QString& path) {
    if (!print::printToPdf(doc, path))
        return {};
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

void TestFromStation::labelAndManifest() {
    QTemporaryDir dir;
    auto clock = std::make_shared<ManualClock>(1795827600000LL);
    auto s = StationContext::open(dir.filePath(QStringLiteral("s.db")), {}, clock);
    QVERIFY(s.has_value());
    StationContext& st = **s;
    StationSetup setup(st);
    Inbound inbound(st);
    QVERIFY(setup.initialise(QStringLiteral("李家村服务站"), QStringLiteral("1-2:2x10")).has_value());
    DispatchDesk desk(st);
    QVERIFY(desk.importRates(QStringLiteral("YTO,广东省,粤-20,1200,600,30000")).has_value());
    DispatchRequest r{QStringLiteral("张三"),
                      QStringLiteral("13812345678"),
                      QStringLiteral("360721198508150017"),
                      QStringLiteral("李四"),
                      QStringLiteral("13987654321"),
                      QStringLiteral("广东省"),
                      QStringLiteral("深圳市"),
                      QStringLiteral("南山区"),
                      QStringLiteral("科技园一路 8 号"),
                      QStringLiteral("farm_produce"),
                      QStringLiteral("脐橙"),
                      true,
                      2300,
                      QStringLiteral("YTO"),
                      QStringLiteral("YT900000000001")};
    auto d = desk.accept(r);
    QVERIFY(d.has_value());

    const print::LabelData label = print::labelData(*d, st.carriers());
    QCOMPARE(label.routingZone, QStringLiteral("粤-20"));
    QCOMPARE(label.feeFen, 2400);
    QVERIFY(label.recipientAddress.contains(QStringLiteral("南山区")));
    const QImage img = print::renderPage(print::waybillLabel(label));
    bool found = false;
    for (const auto& code : barcode::decode(img)) {
        if (code.format == QLatin1String("Code128") && code.text == d->waybill)
            found = true;
    }
    QVERIFY2(found, "the label's Code 128 must read back as the dispatch's waybill");

    auto parcel = inbound.receive(
        {QStringLiteral("JT0001234567890"), QStringLiteral("1234"), {}, QStringLiteral("JT"), std::nullopt});
    QVERIFY(parcel.has_value());
    QVERIFY(Overdue(st).markForReturn(parcel->parcel.id, ReturnReason::Refused).has_value());
    Manifests manifests(st);
    QVERIFY(manifests.addToBag(QStringLiteral("B1"), QStringLiteral("S-0001"), d->waybill).has_value());
    QVERIFY(manifests.addToBag(QStringLiteral("B1"), QStringLiteral("S-0001"), parcel->parcel.waybill)
                .has_value());
    auto m = manifests.handOver(QStringLiteral("王师傅"), QStringLiteral("赣C12345"));
    QVERIFY(m.has_value());
    auto data = print::manifestData(st, *m);
    QVERIFY(data.has_value());
    QCOMPARE(data->stationName, QStringLiteral("李家村服务站"));
    QCOMPARE(data->bags.size(), 1);
    QCOMPARE(data->bags.first().items.size(), 2);
    QCOMPARE(data->bags.first().items.at(0).weightGrams, 2300);
    QCOMPARE(data->bags.first().items.at(1).carrier, QStringLiteral("JT")); // the code; printed by name
    QCOMPARE(data->carriers.displayName(QStringLiteral("JT")),
             st.carriers().displayName(QStringLiteral("JT")));
    QCOMPARE(data->plate, QStringLiteral("赣C12345"));
    QVERIFY(!print::renderPage(print::manifest(*data)).isNull());
}

void TestFromStation::paperSpeaksTheStationsLanguage() {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QCOMPARE(QLocale::system().language(), QLocale::C);
    QTemporaryDir dir;
    auto clock = std::make_shared<ManualClock>(1795827600000LL);
    auto s = StationContext::open(dir.filePath(QStringLiteral("s.db")), {}, clock);
    QVERIFY(s.has_value());
    StationContext& st = **s;
    StationSetup setup(st);
    Inbound inbound(st);
    QVERIFY(setup.initialise(QStringLiteral("李家村服务站"), QStringLiteral("1-2:2x10")).has_value());
    auto parcel =
        inbound.receive({QStringLiteral("JT0001234567890"), QStringLiteral("13812345678"), {}, {}, {}});
    QVERIFY(parcel.has_value());
    QCOMPARE(parcel->parcel.carrier, QStringLiteral("JT"));
    auto arrivals = ParcelQueries(st).arrivals(localDate(clock->nowMs()));
    QVERIFY(arrivals.has_value());

    // As the programs do: the station's language, Chinese by default, whatever the locale.
    QCOMPARE(installTranslations(*qApp, chooseLanguage({}, st.settings().language)), QStringLiteral("zh_CN"));
    const QString slip =
        pdfText(print::pickupSlip(print::slipData(st, parcel->parcel)), dir.filePath("s.pdf"));
    QVERIFY2(slip.contains(QStringLiteral("取件码")) && slip.contains(QStringLiteral("极兔")),
             qPrintable(slip));
    QVERIFY(!slip.contains(QStringLiteral("JT"))); // the code is for machines
    const QString list =
        pdfText(print::arrivalList(print::arrivalListData(st, localDate(clock->nowMs()), *arrivals)),
                dir.filePath("a.pdf"));
    QVERIFY2(list.contains(QStringLiteral("快递公司")) && list.contains(QStringLiteral("极兔")),
             qPrintable(list));
    // Dates are written the same way in both languages.
    QVERIFY(list.contains(QStringLiteral("2026-11-28")));

    QVERIFY(setup.setSetting(QStringLiteral("language"), QStringLiteral("en")).has_value());
    QCOMPARE(installTranslations(*qApp, chooseLanguage({}, st.settings().language)), QStringLiteral("en"));
    const QString english =
        pdfText(print::arrivalList(print::arrivalListData(st, localDate(clock->nowMs()), *arrivals)),
                dir.filePath("e.pdf"));
    QVERIFY2(english.contains(QStringLiteral("Carrier")) && english.contains(QStringLiteral("J&T Express")),
             qPrintable(english));
    QVERIFY(english.contains(QStringLiteral("2026-11-28")));
    QVERIFY(!english.contains(QStringLiteral("极兔")));
}

QTEST_MAIN(TestFromStation)
#include "tst_fromstation.moc"
