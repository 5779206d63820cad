// A station (tests/unit/fixture.h) wired to a FakeCounty through a FakeTransport, with helpers
// to read the outbox as the sync tests check it.
#pragma once

#include "../unit/fixture.h"
#include "fakecounty.h"
#include "faketransport.h"
#include "syncengine.h"

namespace czt {

struct SyncFixture {
    cz::test::Fixture station;
    FakeCounty county;
    cz::sync::FakeTransport net{[this](const cz::sync::HttpRequest& r) { return county.handle(r); }};
    cz::sync::SyncEngine engine{station.station->ctx->database(), net, *station.clock};
    int waybills = 0;

    explicit SyncFixture(bool enrol = true) {
        if (enrol && !engine.enroll(QStringLiteral("https://county.test:8443"), county.code))
            qFatal("enrolment failed");
    }

    // Receives a parcel (one outbox op); returns its id.
    QString receive() {
        return station
            .receive(QStringLiteral("YT%1").arg(++waybills + 500000000000LL), QStringLiteral("1234"))
            .id;
    }

    int pending() { return station.rows(QStringLiteral("outbox"), QStringLiteral("acked_at IS NULL")); }
    int ops() { return station.rows(QStringLiteral("outbox")); }
    QString result(const QString& entityId) {
        auto v = station.station->ctx->database().scalar(
            QStringLiteral("SELECT group_concat(result) FROM outbox WHERE entity_id = ?"), {entityId});
        return v ? v->toString() : QString();
    }
    QStringList opIds(const QString& where = QStringLiteral("1")) {
        auto q = station.station->ctx->database().exec(
            QStringLiteral("SELECT op_id FROM outbox WHERE %1 ORDER BY seq").arg(where));
        QStringList ids;
        while (q && (*q)->next())
            ids << (*q)->value(0).toString();
        if (q)
            (*q)->finish();
        return ids;
    }
    // Every station op is on the county exactly once.
    bool converged() {
        const QStringList all = opIds();
        QStringList seen = county.applied;
        seen.removeDuplicates();
        QStringList sortedAll = all, sortedApplied = county.applied;
        sortedAll.sort();
        sortedApplied.sort();
        return pending() == 0 && seen.size() == county.applied.size() && sortedAll == sortedApplied;
    }
};

} // namespace czt
