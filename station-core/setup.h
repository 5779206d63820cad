// StationSetup: making a database a station (name and shelf layout), its settings (each defined
// once in settingdefs.h and checked here) and its shelf layout.
#pragma once

#include "context.h"
#include "shelves.h"
#include "writetx.h"

namespace cz {

class StationSetup {
public:
    explicit StationSetup(StationContext& context)
        : m_ctx(context) {}

    [[nodiscard]] Status initialise(const QString& stationName, const QString& shelfSpec);
    // Any key of settings::allKeys(); the value checked against its definition.
    [[nodiscard]] Status setSetting(const QString& key, const QString& value);
    // Places that still hold parcels cannot be removed (shelves.not_empty).
    [[nodiscard]] Status setShelfLayout(const QString& spec);
    // Changes not yet acknowledged by the county.
    [[nodiscard]] Result<int> pendingOps();

private:
    struct LayoutChange {
        QList<SlotDef> slots;
        WriteTx tx;
    };
    // Parses a shelf spec and begins the transaction that writes it.
    [[nodiscard]] Result<LayoutChange> beginLayoutChange(const QString& spec);

    StationContext& m_ctx;
};

} // namespace cz
