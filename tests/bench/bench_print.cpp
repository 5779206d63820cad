// Printing benchmark: render time of the station's papers at the printer's resolution, the PDF of
// the arrival list, and the raw-language conversion, each compared with a baseline from the same run
// (a blank page of the same size painted and rasterised: the floor any renderer pays).
//
//   build/bin/bench_print [--runs N]
//
// Prints one figure per line as "name: value unit".
#include "document.h"
#include "documents.h"
#include "pdf.h"
#include "rawlang.h"
#include "sampleprint.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <algorithm>
#include <cstdio>

using namespace cz;
using namespace cz::print;

namespace {

struct Stats {
    double median = 0, p95 = 0;
};

template<class F> Stats measure(int runs, F&& work) {
    work(); // warm-up: fonts, glyph caches
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

void report(const char* name, const Stats& s) {
    std::printf("%s_median: %.2f ms\n%s_p95: %.2f ms\n", name, s.median, name, s.p95);
}

QList<Parcel> sampleParcels(int n) {
    QList<Parcel> out;
    for (int i = 0; i < n; ++i)
        out.append(cz::test::sampleParcel(i, QString::number(1 + i % 4), 1 + i % 3));
    return out;
}

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Repetitions per figure (default 50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.process(app);
    const int runs = std::max(5, parser.value(QStringLiteral("runs")).toInt());

    const LabelData label = cz::test::sampleLabel();
    const Document small = waybillLabel(label, LabelSize::Mm76x130);
    const Document large = waybillLabel(label, LabelSize::Mm100x150);
    const QSize smallDots = pageSizeDots(small.pageMm, kThermalDpi);

    report("baseline_blank_76x130_203dpi", measure(runs, [&] {
               QImage img(smallDots, QImage::Format_RGB32);
               img.fill(Qt::white);
               QPainter p(&img);
               p.drawRect(0, 0, 1, 1);
           }));
    report("label_76x130_203dpi", measure(runs, [&] { (void)renderPage(small, 0, kThermalDpi); }));
    report("label_100x150_203dpi", measure(runs, [&] { (void)renderPage(large, 0, kThermalDpi); }));

    SlipData slip{QStringLiteral("李家村服务站"), sampleParcels(1).first(), 3};
    report("slip_58mm_203dpi", measure(runs, [&] { (void)renderPage(pickupSlip(slip, SlipPaper::Mm58)); }));

    const QImage labelImage = renderPage(small, 0, kThermalDpi);
    report("label_to_zpl", measure(runs, [&] { (void)zplGraphic(labelImage); }));

    const ArrivalListData list{QStringLiteral("李家村服务站"), QDate(2026, 11, 28), sampleParcels(200)};
    const Document arrivals = arrivalList(list);
    std::printf("arrival_list_pages: %d pages for 200 parcels\n", arrivals.pages);
    report("arrival_list_pdf_200", measure(std::max(5, runs / 5), [&] { (void)toPdf(arrivals); }));
    return 0;
}
