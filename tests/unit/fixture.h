// A fresh station in a temporary directory with a manual clock, for station-core unit tests.
#pragma once

#include "stationfixture.h"
#include "testtime.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace cz::test {

struct Fixture {
    QTemporaryDir dir;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(kStart);
    std::unique_ptr<StationServices> station;

    explicit Fixture(const QString& shelves = QStringLiteral("1-2:2x3"), bool init = true) {
        auto s = StationServices::open(path(), {}, clock);
        if (!s)
            qFatal("cannot open test station: %s", qPrintable(s.error().message));
        station = std::move(*s);
        if (init) {
            auto st = station->setup.initialise(QStringLiteral("测试站"), shelves);
            if (!st)
                qFatal("cannot initialise: %s", qPrintable(st.error().message));
        }
    }
    [[nodiscard]] QString path() const { return dir.filePath(QStringLiteral("station.db")); }

    // Row count of a table, read through the station's own connection.
    int rows(const QString& table, const QString& where = QStringLiteral("1")) {
        auto v = station->ctx->database().scalar(
            QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where));
        return v ? v->toInt() : -1;
    }
    // All row counts that any write touches: used to prove that a failed call wrote nothing.
    QList<int> snapshot() {
        return {rows(QStringLiteral("parcel")),
                rows(QStringLiteral("parcel_event")),
                rows(QStringLiteral("outbox")),
                rows(QStringLiteral("notification")),
                rows(QStringLiteral("counter")),
                rows(QStringLiteral("parcel"), QStringLiteral("status = 'waiting'"))};
    }

    Parcel receive(const QString& waybill, const QString& phone,
                   const QString& carrier = QStringLiteral("YTO"), const QString& name = {}) {
        auto r = station->inbound.receive({waybill, phone, name, carrier, std::nullopt});
        if (!r)
            qFatal("receive %s failed: %s", qPrintable(waybill), qPrintable(r.error().message));
        return r->parcel;
    }
};

} // namespace cz::test
