// Sample data for the printing tests, the print preview and the printing benchmark: parcels, a
// waybill label and a van manifest, with Chinese text and phone numbers that must come out masked.
#pragma once

#include "documents.h"

#include <QDateTime>
#include <QTimeZone>

namespace cz::test {

// y-m-d h:min in Beijing.
inline qint64 sampleTime(int y, int m, int d, int h, int min) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone(8 * 3600)).toMSecsSinceEpoch();
}

// Parcel i, waiting on shelf and layer.
inline cz::Parcel sampleParcel(int i, const QString& shelf, int layer) {
    cz::Parcel p;
    p.id = QStringLiteral("p%1").arg(i);
    p.waybill = QStringLiteral("YT%1").arg(7000000000000LL + i);
    p.carrier = QStringLiteral("圆通速递");
    p.phone = QStringLiteral("139%1").arg(10000000 + i * 37, 8, 10, QLatin1Char('0'));
    p.phoneTail = p.phone.right(4);
    p.name = i % 2 ? QStringLiteral("张伟") : QStringLiteral("欧阳明华");
    p.shelf = shelf;
    p.layer = layer;
    p.codeSeq = i;
    p.pickupCode = QStringLiteral("%1-%2-%3").arg(shelf).arg(layer).arg(i, 4, 10, QLatin1Char('0'));
    p.receivedAt = sampleTime(2026, 11, 28, 9, i % 60);
    return p;
}

// A waybill label with every field filled, a long address, and two phone numbers and a name that
// must come out masked.
inline cz::print::LabelData sampleLabel() {
    cz::print::LabelData d;
    d.waybill = QStringLiteral("SF1402836591873");
    d.carrier = QStringLiteral("顺丰速运");
    d.routingZone = QStringLiteral("755-W 南山");
    d.recipientName = QStringLiteral("李小明");
    d.recipientPhone = QStringLiteral("13812345678");
    d.recipientAddress = QStringLiteral("广东省深圳市南山区科技园南区深南大道10000号腾讯大厦3楼");
    d.senderName = QStringLiteral("王芳");
    d.senderPhone = QStringLiteral("15987654321");
    d.senderAddress = QStringLiteral("河南省兰考县东坝头乡张庄村便民服务站");
    d.contents = QStringLiteral("红薯 5kg");
    d.weightGrams = 5250;
    d.feeFen = 1850;
    d.createdAtMs = sampleTime(2026, 11, 28, 14, 5);
    return d;
}

// A van manifest of three bags of twelve parcels each, by two carriers.
inline cz::print::ManifestData sampleManifest() {
    cz::print::ManifestData m;
    m.stationName = QStringLiteral("张庄村便民服务站");
    m.driver = QStringLiteral("赵师傅");
    m.plate = QStringLiteral("豫B·12345");
    m.atMs = sampleTime(2026, 11, 28, 16, 30);
    for (int b = 0; b < 3; ++b) {
        cz::print::ManifestBag bag;
        bag.bagNo = QStringLiteral("BAG2026112800%1").arg(b + 1);
        bag.seal = QStringLiteral("S%1").arg(880 + b);
        for (int i = 0; i < 12; ++i)
            bag.items.append({QStringLiteral("ZT%1").arg(75000000000LL + b * 100 + i),
                              i % 3 ? QStringLiteral("中通快递") : QStringLiteral("韵达快递"),
                              300 + 150 * i});
        m.bags.append(bag);
    }
    return m;
}

} // namespace cz::test
