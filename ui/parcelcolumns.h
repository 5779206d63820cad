// The leading columns of the terminal's parcel tables: each model maps its first columns to parcel
// fields (station-core's ParcelFields gives their headers and values, the same as cunzhanctl's
// lists) and keeps its own columns (days held, fee, advice ...) after them.
#pragma once

#include "parcelfields.h"

#include <optional>
#include <span>

namespace cz::ui {

using cz::ParcelField;
using cz::ParcelFields;

// The field shown in a column of a model whose leading columns are `leading`, or nullopt for the
// model's own columns.
[[nodiscard]] std::optional<ParcelField> parcelFieldAt(std::span<const ParcelField> leading, int column);

} // namespace cz::ui
