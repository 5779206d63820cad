// How a parcel is shown to people, field by field: the header and the display value of each field,
// written once for every table of the terminal, every list of cunzhanctl and every print-out that
// lists parcels, so they all label and show a parcel the same way (phone and name masked).
#pragma once

#include "parcel.h"

#include <QCoreApplication>
#include <QString>

namespace cz {

class CarrierRegistry;

// State: the parcel's status label ("Status" would shadow cz::Status).
enum class ParcelField { Code, Place, Waybill, Carrier, Phone, Name, State, Received, Fee, ReturnReason };

class ParcelFields {
    Q_DECLARE_TR_FUNCTIONS(ParcelFields)
public:
    [[nodiscard]] static QString header(ParcelField field);
    // carrierName is what the Carrier field shows: the carrier's display name (a caller showing many
    // rows looks it up once per row).
    [[nodiscard]] static QString text(const Parcel& p, ParcelField field, const QString& carrierName);
    [[nodiscard]] static QString text(const Parcel& p, ParcelField field, const CarrierRegistry& carriers);
};

} // namespace cz
