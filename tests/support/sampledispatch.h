// A parcel a villager sends, filled in as the clerk would (a valid resident ID, inspected, a rate
// the tests import for YTO to 广东省): one sample for the tests of sending, handover and storage,
// which change only the fields they are about.
#pragma once

#include "dispatch.h"

namespace cz::test {

inline DispatchRequest sampleDispatchRequest() {
    DispatchRequest r;
    r.senderName = QStringLiteral("张三");
    r.senderPhone = QStringLiteral("13812345678");
    r.senderId = QStringLiteral("360721198508150017");
    r.recipientName = QStringLiteral("李四");
    r.recipientPhone = QStringLiteral("13987654321");
    r.province = QStringLiteral("广东省");
    r.city = QStringLiteral("深圳市");
    r.district = QStringLiteral("南山区");
    r.address = QStringLiteral("科技园一路 8 号");
    r.contents = QStringLiteral("farm_produce");
    r.inspected = true;
    r.weightGrams = 2300;
    r.carrier = QStringLiteral("YTO");
    r.waybill = QStringLiteral("YT900000000001");
    return r;
}

} // namespace cz::test
