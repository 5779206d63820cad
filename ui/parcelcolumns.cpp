#include "parcelcolumns.h"

namespace cz::ui {

std::optional<ParcelField> parcelFieldAt(std::span<const ParcelField> leading, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= leading.size())
        return std::nullopt;
    return leading[static_cast<std::size_t>(column)];
}

} // namespace cz::ui
