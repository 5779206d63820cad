// The station's records turned into paper: a dispatch's label carries its waybill as Code 128 and
// its routing zone; a handed-over manifest lists dispatches and returns per bag; carriers are printed by
// name, in the station's language (this test runs under LANG=LC_ALL=C, as a fresh install does).
#include "../unit/fixture.h"
#include "barcode.h"
#include "dispatch.h"
#include "document.h"
#include "fromstation.h"
#include "i18n.h"
#include "pdf.h"
#include "sampledispatch.h"

#include <QProcess>
#include <QStandardPaths>
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
    test::Fixture f(QString(), false);
    test::StationServices& st = *f.station;
    QVERIFY(st.setup.initialise(QStringLiteral("李家村服务站"), QStringLiteral("1-2:2x10")).has_value());
    QVERIFY(st.desk.importRates(QStringLiteral("YTO,广东省,粤-20,1200,600,30000")).has_value());
    DispatchRequest r = test::sampleDispatchRequest();
    r.contentsNote = QStringLiteral("脐橙");
    auto d = st.desk.accept(r);
    QVERIFY(d.has_value());

    const print::LabelData label = print::labelData(*d, st.ctx->carriers());
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

    auto parcel = st.inbound.receive(
        {QStringLiteral("JT0001234567890"), QStringLiteral("1234"), {}, QStringLiteral("JT"), std::nullopt});
    QVERIFY(parcel.has_value());
    QVERIFY(st.overdue.markForReturn(parcel->parcel.id, ReturnReason::Refused).has_value());
    QVERIFY(st.manifests.addToBag(QStringLiteral("B1"), QStringLiteral("S-0001"), d->waybill).has_value());
    QVERIFY(st.manifests.addToBag(QStringLiteral("B1"), QStringLiteral("S-0001"), parcel->parcel.waybill)
                .has_value());
    auto m = st.manifests.handOver(QStringLiteral("王师傅"), QStringLiteral("赣C12345"));
    QVERIFY(m.has_value());
    auto data = print::manifestData(*st.ctx, *m);
    QVERIFY(data.has_value());
    QCOMPARE(data->stationName, QStringLiteral("李家村服务站"));
    QCOMPARE(data->bags.size(), 1);
    QCOMPARE(data->bags.first().items.size(), 2);
    QCOMPARE(data->bags.first().items.at(0).weightGrams, 2300);
    QCOMPARE(data->bags.first().items.at(1).carrier, QStringLiteral("JT")); // the code; printed by name
    QCOMPARE(data->carriers.displayName(QStringLiteral("JT")),
             st.ctx->carriers().displayName(QStringLiteral("JT")));
    QCOMPARE(data->plate, QStringLiteral("赣C12345"));
    QVERIFY(!print::renderPage(print::manifest(*data)).isNull());
}

void TestFromStation::paperSpeaksTheStationsLanguage() {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QCOMPARE(QLocale::system().language(), QLocale::C);
    test::Fixture f(QString(), false);
    test::StationServices& st = *f.station;
    QVERIFY(st.setup.initialise(QStringLiteral("李家村服务站"), QStringLiteral("1-2:2x10")).has_value());
    auto parcel =
        st.inbound.receive({QStringLiteral("JT0001234567890"), QStringLiteral("13812345678"), {}, {}, {}});
    QVERIFY(parcel.has_value());
    QCOMPARE(parcel->parcel.carrier, QStringLiteral("JT"));
    auto arrivals = st.queries.arrivals(localDate(f.clock->nowMs()));
    QVERIFY(arrivals.has_value());

    // As the programs do: the station's language, Chinese by default, whatever the locale.
    const auto installStationLanguage = [&] {
        return installTranslations(*qApp, chooseLanguage({}, st.ctx->settings().language));
    };
    const auto arrivalListText = [&](const QString& file) {
        return pdfText(
            print::arrivalList(print::arrivalListData(*st.ctx, localDate(f.clock->nowMs()), *arrivals)),
            f.dir.filePath(file));
    };
    QCOMPARE(installStationLanguage(), QStringLiteral("zh_CN"));
    const QString slip =
        pdfText(print::pickupSlip(print::slipData(*st.ctx, parcel->parcel)), f.dir.filePath("s.pdf"));
    QVERIFY2(slip.contains(QStringLiteral("取件码")) && slip.contains(QStringLiteral("极兔")),
             qPrintable(slip));
    QVERIFY(!slip.contains(QStringLiteral("JT"))); // the code is for machines
    const QString list = arrivalListText(QStringLiteral("a.pdf"));
    QVERIFY2(list.contains(QStringLiteral("快递公司")) && list.contains(QStringLiteral("极兔")),
             qPrintable(list));
    // Dates are written the same way in both languages.
    QVERIFY(list.contains(QStringLiteral("2026-11-28")));

    QVERIFY(st.setup.setSetting(QStringLiteral("language"), QStringLiteral("en")).has_value());
    QCOMPARE(installStationLanguage(), QStringLiteral("en"));
    const QString english = arrivalListText(QStringLiteral("e.pdf"));
    QVERIFY2(english.contains(QStringLiteral("Carrier")) && english.contains(QStringLiteral("J&T Express")),
             qPrintable(english));
    QVERIFY(english.contains(QStringLiteral("2026-11-28")));
    QVERIFY(!english.contains(QStringLiteral("极兔")));
}

QTEST_MAIN(TestFromStation)
#include "tst_fromstation.moc"
