// Shared by the GUI tests: a station in a temporary directory with a manual clock, a scanner
// clock the test moves by hand, and helpers to type like a person or like a scanner.
#pragma once

#include "messages.h"
#include "stationfixture.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

namespace cz::test {

// 2026-11-28 09:00 in Beijing.
constexpr qint64 kStart = 1796259600000LL;

struct GuiFixture {
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    std::unique_ptr<StationServices> station; // pages and windows take *station->ctx
    qint64 scanMs = 1000;                     // what the scan filter's clock reads

    explicit GuiFixture(const QString& shelves = QStringLiteral("1-2:2x3"), bool init = true) {
        ui::Messages::setTestMode(true);
        auto s = StationServices::open(dir.filePath(QStringLiteral("station.db")), {}, clock);
        if (!s)
            qFatal("cannot open test station: %s", qPrintable(s.error().message));
        station = std::move(*s);
        if (init) {
            if (auto st = station->setup.initialise(QStringLiteral("测试站"), shelves); !st)
                qFatal("cannot initialise: %s", qPrintable(st.error().message));
        }
    }
    ~GuiFixture() { ui::Messages::setTestMode(false); }

    [[nodiscard]] std::function<qint64()> scanClock() {
        return [this] { return scanMs; };
    }

    // Keys as a wedge scanner sends them: gapMs apart, then the terminator.
    void scan(QWidget* target, const QString& code, qint64 gapMs = 5, Qt::Key terminator = Qt::Key_Return) {
        for (QChar c : code) {
            QTest::keyClick(target, c.toLatin1());
            scanMs += gapMs;
        }
        QTest::keyClick(target, terminator);
        scanMs += gapMs;
    }

    // Keys as a person types them: far apart.
    void type(QWidget* target, const QString& text, qint64 gapMs = 200) {
        for (QChar c : text) {
            scanMs += gapMs;
            QTest::keyClick(target, c.toLatin1());
        }
        scanMs += gapMs;
    }

    Parcel receive(const QString& waybill, const QString& phone,
                   const QString& carrier = QStringLiteral("YTO")) {
        auto r = station->inbound.receive({waybill, phone, {}, carrier, std::nullopt});
        if (!r)
            qFatal("receive %s failed: %s", qPrintable(waybill), qPrintable(r.error().message));
        return r->parcel;
    }
};

} // namespace cz::test
