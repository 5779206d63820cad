// Manifests (交接单): the van handover — one open manifest, bags by number with their seal,
// outgoing dispatches and parcels of the return list scanned into them, then the handover that
// freezes them (the return parcels leave the station).
#pragma once

#include "context.h"
#include "dispatch.h"
#include "parcelstore.h"

namespace cz {

struct BagSummary {
    QString id;
    QString bagNo;
    QString seal;
    QStringList waybills;
};

struct Manifest {
    QString id;
    QString status; // "open" or "handed_over"
    qint64 createdAt = 0;
    QString driver;
    QString plate;
    qint64 handedAt = 0;
    QList<BagSummary> bags;
};

// The van's driver and number plate as a handover stores them: simplified, the plate in capitals.
struct Van {
    QString driver;
    QString plate;
};

class Manifests {
public:
    explicit Manifests(StationContext& context)
        : m_ctx(context)
        , m_parcels(context)
        , m_desk(context) {}

    // The open manifest, created on first use.
    [[nodiscard]] Result<Manifest> openManifest();
    // The open manifest without creating one (looking must write nothing); NotFound when none is open.
    [[nodiscard]] Result<Manifest> currentManifest();
    [[nodiscard]] Result<BagSummary> addToBag(const QString& bagNo, const QString& seal,
                                              const QString& waybill);
    // The driver and plate as handOver() takes them, or why not (manifest.driver, manifest.plate):
    // the counter asks "hand over to <driver>?" only about a real name.
    [[nodiscard]] static Result<Van> checkVan(const QString& driver, const QString& plate);
    [[nodiscard]] Result<Manifest> handOver(const QString& driver, const QString& plate);
    [[nodiscard]] Result<Manifest> manifest(const QString& id);

private:
    [[nodiscard]] Result<Manifest> loadManifest(const QString& where, const QVariantList& args);

    StationContext& m_ctx;
    ParcelStore m_parcels;
    DispatchDesk m_desk;
};

} // namespace cz
