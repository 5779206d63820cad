// The parcel fields the terminal's tables show, with their header texts and display values in one
// place, so every table labels and shows a parcel the same way. Each model maps its leading
// columns to these fields and keeps its own columns (days held, fee, advice ...) after them.
#pragma once

#include "station.h"

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <span>

namespace cz::ui {

enum class ParcelField { Code, Place, Waybill, Carrier, Phone, Name, Status, Received, ReturnReason };

class ParcelColumns {
    Q_DECLARE_TR_FUNCTIONS(cz::ui::ParcelColumns)
public:
    [[nodiscard]] static QString header(ParcelField field);
    // Phone and name masked; carrierName is what the Carrier field shows (its display name, looked
    // up by the model once per row).
    [[nodiscard]] static QString text(const Parcel& p, ParcelField field, const QString& carrierName);
    // The field shown in a column of a model whose leading columns are `leading`, or nullopt for
    // the model's own columns.
    [[nodiscard]] static std::optional<ParcelField> fieldAt(std::span<const ParcelField> leading, int column);
};

} // namespace cz::ui
