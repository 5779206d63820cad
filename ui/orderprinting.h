// The papers of proxy buying from the terminal: an order's or a payment's receipt on the slip printer
// (58 mm roll) and a villager's account statement on A4, through the print preview. Each reads what it
// prints from station-core at the moment it is asked, so the balance on paper is the ledger's.
#pragma once

#include "accounts.h"
#include "orders.h"

class QWidget;

namespace cz {
class StationContext;
}

namespace cz::ui {

class PrintService;

// Each returns an error (to show) when the villager or the ledger cannot be read.
Status previewOrderReceipt(QWidget* parent, StationContext& station, const Order& order,
                           PrintService* printing);
Status previewPaymentReceipt(QWidget* parent, StationContext& station, const AccountEntry& entry,
                             PrintService* printing);
Status previewStatement(QWidget* parent, StationContext& station, const QString& villagerId,
                        PrintService* printing);

} // namespace cz::ui
