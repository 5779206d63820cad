// TRANSITIONAL: the old facade over the station's services, kept only while the front ends and
// tests move to holding the services themselves (context.h). Removed when nothing uses it.
#pragma once

#include "inbound.h"
#include "overdue.h"
#include "pickup.h"
#include "query.h"
#include "setup.h"
#include "shelfaudit.h"
#include "writetx.h"

namespace cz {

using settings::kDefaultLanguage;

class Station : public QObject {
    Q_OBJECT
public:
    [[nodiscard]] static Result<std::unique_ptr<Station>> open(const QString& path,
                                                               const OpenOptions& options = {},
                                                               std::shared_ptr<Clock> clock = {},
                                                               std::shared_ptr<IdSource> ids = {}) {
        auto ctx = StationContext::open(path, options, std::move(clock), std::move(ids));
        if (!ctx)
            return fail(ctx.error());
        return std::unique_ptr<Station>(new Station(std::move(*ctx)));
    }
    using IncomingCheck = cz::IncomingCheck;

    StationContext& context() { return *m_ctx; }
    operator StationContext&() { return *m_ctx; } // NOLINT: transitional
    [[nodiscard]] bool isInitialised() const { return m_ctx->isInitialised(); }
    [[nodiscard]] QString stationId() const { return m_ctx->stationId(); }
    [[nodiscard]] Status initialise(const QString& n, const QString& s) { return m_setup.initialise(n, s); }
    [[nodiscard]] const StationSettings& settings() const { return m_ctx->settings(); }
    [[nodiscard]] Status setSetting(const QString& k, const QString& v) { return m_setup.setSetting(k, v); }
    [[nodiscard]] Status setShelfLayout(const QString& s) { return m_setup.setShelfLayout(s); }
    [[nodiscard]] Result<QList<SlotLoad>> slotLoads() { return m_audit.slotLoads(); }
    [[nodiscard]] const CarrierRegistry& carriers() const { return m_ctx->carriers(); }
    [[nodiscard]] Result<int> pendingOps() { return m_setup.pendingOps(); }
    [[nodiscard]] Result<ReceiveResult> receive(const ReceiveRequest& r) { return m_inbound.receive(r); }
    [[nodiscard]] Result<IncomingCheck> checkIncoming(const QString& w) { return m_inbound.checkIncoming(w); }
    [[nodiscard]] Result<QList<Parcel>> findByCode(const QString& c) { return m_pickup.findByCode(c); }
    [[nodiscard]] Result<QList<Parcel>> findByPhoneTail(const QString& t) { return m_pickup.findByPhoneTail(t); }
    [[nodiscard]] Result<QList<Parcel>> findByWaybill(const QString& w) { return m_pickup.findByWaybill(w); }
    [[nodiscard]] Result<PickupLookup> lookUpForPickup(const QString& i) { return m_pickup.lookUp(i); }
    [[nodiscard]] Result<PickupLookup> lookUpForPickup(PickupLookup::By by, const QString& v) {
        return m_pickup.lookUp(by, v);
    }
    [[nodiscard]] Result<std::optional<Parcel>> lastHandedOver(PickupLookup::By by, const QString& v) {
        return m_pickup.lastHandedOver(by, v);
    }
    [[nodiscard]] Result<HandoverResult> handOver(const QStringList& ids, const QString& c = {},
                                                  Recipients r = Recipients::OnePerson) {
        return m_pickup.handOver(ids, c, r);
    }
    [[nodiscard]] Result<Parcel> undoPickup(const QString& id) { return m_pickup.undoPickup(id); }
    [[nodiscard]] Holding holding(const Parcel& p, qint64 at) const { return cz::holding(settings(), p, at); }
    [[nodiscard]] Result<QList<OverdueItem>> overdue() { return m_overdue.overdue(); }
    [[nodiscard]] Result<int> queueReminders() { return m_overdue.queueReminders(); }
    [[nodiscard]] Result<Parcel> markForReturn(const QString& id, ReturnReason r, const QString& n = {}) {
        return m_overdue.markForReturn(id, r, n);
    }
    [[nodiscard]] Result<QList<Parcel>> returnList() { return m_overdue.returnList(); }
    [[nodiscard]] Result<AuditReport> audit(const QList<AuditScan>& s, const QStringList& e = {}) {
        return m_audit.audit(s, e);
    }
    [[nodiscard]] Result<QList<MoveResult>> applyAudit(const AuditReport& r) { return m_audit.applyAudit(r); }
    [[nodiscard]] Result<Parcel> parcel(const QString& id) { return m_queries.parcel(id); }
    [[nodiscard]] Result<QList<Parcel>> list(const ParcelFilter& f) { return m_queries.list(f); }
    [[nodiscard]] Result<int> count(const ParcelFilter& f) { return m_queries.count(f); }
    [[nodiscard]] Result<QList<Parcel>> arrivals(const QDate& d) { return m_queries.arrivals(d); }
    [[nodiscard]] Result<QList<Prealert>> expectedToday() { return m_inbound.expectedToday(); }
    [[nodiscard]] Result<int> expectedTodayCount() { return m_inbound.expectedTodayCount(); }
    [[nodiscard]] Status refresh() { return m_ctx->refresh(); }
    [[nodiscard]] Result<bool> refreshIfChangedElsewhere() { return m_ctx->refreshIfChangedElsewhere(); }
    void watchChangesElsewhere(int ms) { m_ctx->watchChangesElsewhere(ms); }
    [[nodiscard]] Result<WriteTx> beginWrite() { return m_ctx->beginWrite(); }
    [[nodiscard]] const QString& actor() const { return m_ctx->actor(); }
    void setActor(const QString& a) { m_ctx->setActor(a); }
    [[nodiscard]] Database& database() { return m_ctx->database(); }
    [[nodiscard]] const Clock& clock() const { return m_ctx->clock(); }

Q_SIGNALS:
    void changed();

private:
    explicit Station(std::unique_ptr<StationContext> ctx)
        : m_ctx(std::move(ctx))
        , m_setup(*m_ctx)
        , m_inbound(*m_ctx)
        , m_pickup(*m_ctx)
        , m_overdue(*m_ctx)
        , m_audit(*m_ctx)
        , m_queries(*m_ctx) {
        connect(m_ctx.get(), &StationContext::changed, this, &Station::changed);
    }
    std::unique_ptr<StationContext> m_ctx;
    StationSetup m_setup;
    Inbound m_inbound;
    Pickup m_pickup;
    Overdue m_overdue;
    ShelfAudit m_audit;
    ParcelQueries m_queries;
};

} // namespace cz
