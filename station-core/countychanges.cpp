#include "countychanges.h"

#include <QHash>

namespace cz {

Result<ChangeOutcome> applyCountyChange(WriteTx& tx, const CountyChange& change) {
    using Store = Result<ChangeOutcome> (*)(WriteTx&, const CountyChange&);
    static const QHash<QString, Store> kOwners{{QStringLiteral("carrier_rules"), &storeCarrierRules},
                                               {QStringLiteral("setting"), &storeCountySetting},
                                               {QStringLiteral("prealert"), &storePrealert},
                                               {QStringLiteral("notice_status"), &storeNoticeState},
                                               {QStringLiteral("catalogue_item"), &storeCatalogueItem},
                                               {QStringLiteral("rates"), &storeCountyRates},
                                               {QStringLiteral("waybill_block"), &storeWaybillBlock},
                                               {QStringLiteral("order_status"), &storeOrderStatus}};
    const auto it = kOwners.constFind(change.kind);
    if (it == kOwners.cend())
        return skipped("unknown kind");
    return (*it)(tx, change);
}

Status beginCountySnapshot(WriteTx& tx) {
    return dropAllPrealerts(tx);
}

} // namespace cz
