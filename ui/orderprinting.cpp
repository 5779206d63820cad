#include "orderprinting.h"

#include "context.h"
#include "documents.h"
#include "printpreview.h"

namespace cz::ui {

Status previewOrderReceipt(QWidget* parent, StationContext& station, const Order& order,
                           PrintService* printing) {
    Accounts accounts(station);
    auto villager = accounts.villager(order.villagerId);
    if (!villager)
        return fail(villager.error());
    auto state = accounts.state(order.villagerId);
    if (!state)
        return fail(state.error());
    Order full = order;
    if (full.lines.isEmpty()) {
        auto shown = Orders(station).show(order.id);
        if (!shown)
            return fail(shown.error());
        full = *shown;
    }
    print::OrderReceiptData data{station.settings().stationName, full, *villager, state->balanceFen};
    PrintPreview::preview(parent, print::orderReceipt(data), Paper::Slip, printing);
    return {};
}

Status previewPaymentReceipt(QWidget* parent, StationContext& station, const AccountEntry& entry,
                             PrintService* printing) {
    Accounts accounts(station);
    auto villager = accounts.villager(entry.villagerId);
    if (!villager)
        return fail(villager.error());
    auto ledger = accounts.ledger(entry.villagerId);
    if (!ledger)
        return fail(ledger.error());
    // The balance right after this entry: the sum up to and including it.
    auto state = accounts.state(entry.villagerId);
    if (!state)
        return fail(state.error());
    qint64 balance = state->balanceFen;
    for (auto it = ledger->crbegin(); it != ledger->crend() && it->id != entry.id; ++it)
        balance -= it->amountFen;
    print::PaymentReceiptData data{station.settings().stationName, entry, *villager, balance};
    PrintPreview::preview(parent, print::paymentReceipt(data), Paper::Slip, printing);
    return {};
}

Status previewStatement(QWidget* parent, StationContext& station, const QString& villagerId,
                        PrintService* printing) {
    Accounts accounts(station);
    auto villager = accounts.villager(villagerId);
    if (!villager)
        return fail(villager.error());
    auto state = accounts.state(villagerId);
    if (!state)
        return fail(state.error());
    auto ledger = accounts.ledger(villagerId);
    if (!ledger)
        return fail(ledger.error());
    print::StatementData data{station.settings().stationName, *villager, *state, *ledger,
                              station.clock().nowMs()};
    PrintPreview::preview(parent, print::accountStatement(data), Paper::A4, printing);
    return {};
}

} // namespace cz::ui
