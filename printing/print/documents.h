// The station's paper: pickup slips, e-waybill labels, shelf labels, the daily arrival list and the
// hand-over manifest. Each factory lays the document out in millimetres and returns a Document whose
// one drawing routine serves both the raster (printer dots) and PDF. Every paper masks phones and names
// and names carriers (顺丰, not SF) through the station's CarrierRegistry; fromstation.h fills the data.
// Texts, carrier names and sorting follow the default QLocale, which installTranslations sets from the
// station's language; dates print as yyyy-MM-dd HH:mm and numbers with a decimal point in both
// languages, so nothing on paper depends on the shell's locale.
#pragma once

#include "accounts.h"
#include "carriers.h"
#include "document.h"
#include "orders.h"
#include "parcel.h"

#include <QDate>
#include <QList>
#include <QString>

namespace cz::print {

// ---- Pickup slip (取件凭条) on receipt paper.
enum class SlipPaper { Mm58, Mm80 };

struct SlipData {
    QString stationName;
    cz::Parcel parcel;
    int freeDays = 3;             // free storage days after receipt
    cz::CarrierRegistry carriers; // names the parcel's carrier; empty: the code prints as it is
};

// 58 mm paper: 48 mm printable = 384 dots; 80 mm paper: 72 mm = 576 dots (8 dots/mm). Height as needed.
[[nodiscard]] Document pickupSlip(const SlipData& data, SlipPaper paper = SlipPaper::Mm58);
[[nodiscard]] double slipPrintableWidthMm(SlipPaper paper);

// ---- Electronic waybill label (电子面单).
enum class LabelSize { Mm76x130, Mm100x150 };

struct LabelData {
    QString waybill;
    QString carrier;     // carrier name as printed
    QString routingZone; // 大头笔 / routing code, printed big
    QString recipientName, recipientPhone, recipientAddress;
    QString senderName, senderPhone, senderAddress;
    QString contents;
    int weightGrams = 0;
    qint64 feeFen = 0;
    qint64 createdAtMs = 0;
};

[[nodiscard]] Document waybillLabel(const LabelData& data, LabelSize size = LabelSize::Mm76x130);
[[nodiscard]] QSizeF labelSizeMm(LabelSize size);

// ---- Shelf label: the place name big, with its Code 128. Default 60×40 mm.
[[nodiscard]] Document shelfLabel(const QString& place, QSizeF sizeMm = QSizeF(60, 40));

// ---- Daily arrival list (A4, for the notice board), grouped by shelf and sorted by pickup code.
struct ArrivalListData {
    QString stationName;
    QDate day;
    QList<cz::Parcel> parcels;
    cz::CarrierRegistry carriers; // names each parcel's carrier; empty: the codes print as they are
};

[[nodiscard]] Document arrivalList(const ArrivalListData& data);
// Rows that fit on one A4 page of the arrival list (the layout is fixed in millimetres).
[[nodiscard]] int arrivalRowsPerPage();

// ---- Hand-over manifest (交接单) for the courier who collects outgoing bags (A4).
struct ManifestItem {
    QString waybill;
    QString carrier; // code
    int weightGrams = 0;
};

struct ManifestBag {
    QString bagNo;
    QString seal;
    QList<ManifestItem> items;
};

struct ManifestData {
    QString stationName;
    QString driver;
    QString plate;
    qint64 atMs = 0;
    QList<ManifestBag> bags;
    cz::CarrierRegistry carriers; // names the items' carriers; empty: the codes print as they are
};

[[nodiscard]] Document manifest(const ManifestData& data);

// ---- Proxy buying (代购): a receipt per order and per payment on receipt paper (58 or 80 mm), and a
// villager's account statement (A4). The villager's phone and name print masked; amounts in yuan.
struct OrderReceiptData {
    QString stationName;
    cz::Order order; // with its lines
    cz::Villager villager;
    qint64 balanceFen = 0; // the villager's balance after the order
};

struct PaymentReceiptData {
    QString stationName;
    cz::AccountEntry entry;
    cz::Villager villager;
    qint64 balanceFen = 0; // the villager's balance after the entry
};

struct StatementData {
    QString stationName;
    cz::Villager villager;
    cz::AccountState state;
    QList<cz::AccountEntry> entries; // oldest first, as Accounts::ledger returns them
    qint64 atMs = 0;                 // when printed
};

[[nodiscard]] Document orderReceipt(const OrderReceiptData& data, SlipPaper paper = SlipPaper::Mm58);
[[nodiscard]] Document paymentReceipt(const PaymentReceiptData& data, SlipPaper paper = SlipPaper::Mm58);
[[nodiscard]] Document accountStatement(const StatementData& data);
// Ledger rows that fit on one A4 page of the statement.
[[nodiscard]] int statementRowsPerPage();

// "1.25 kg" / "850 g", for people.
[[nodiscard]] QString formatWeight(int grams);

} // namespace cz::print
