// Fills the printable documents from the station's records (dispatches, manifests), so the CLI and
// the terminal print the same thing.
#pragma once

#include "context.h"
#include "dispatch.h"
#include "documents.h"
#include "manifest.h"

namespace cz::print {

// A parcel's pickup slip with the station's name, free days and carrier names.
[[nodiscard]] SlipData slipData(const StationContext& station, const Parcel& parcel);
// The arrival list of a local day from the parcels that arrived on it.
[[nodiscard]] ArrivalListData arrivalListData(const StationContext& station, const QDate& day,
                                              const QList<Parcel>& parcels);
// The label of a parcel sent from the station; names and phones stay whole here and are masked by
// the renderer.
[[nodiscard]] LabelData labelData(const Dispatch& dispatch, const CarrierRegistry& carriers);
// The manifest with each bag's items: dispatches with carrier and weight, returns with their carrier.
[[nodiscard]] Result<ManifestData> manifestData(StationContext& station, const Manifest& manifest);

} // namespace cz::print
