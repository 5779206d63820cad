// libFuzzer target for the county server's request decoding (sync/protocol): whatever bytes a
// station, a proxy or an attacker sends, decoding returns a value or an error, never crashes,
// never reads out of bounds (AddressSanitizer) and never inflates past its limit.
//
// The first input byte picks the decoder, the rest is the body as it arrives on the wire. A second
// mode feeds raw bytes through deflate first, so the fuzzer reaches the CBOR parser directly.
#include "protocol.h"

#include <cstddef>
#include <cstdint>

using namespace cz::sync;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    const uint8_t selector = data[0];
    QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    if (selector & 0x80)
        body = deflate(body); // reach the CBOR layer without having to find valid deflate streams
    switch (selector & 0x07) {
    case 0: {
        const auto m = decodePushRequest(body);
        if (m) {
            for (const WireOp& op : m->ops)
                (void)opDigest(op);
            (void)decodePushRequest(encode(*m)); // what decodes must re-encode and decode again
        }
        break;
    }
    case 1:
        (void)decodePullRequest(body);
        break;
    case 2:
        (void)decodeEnrollRequest(body);
        break;
    case 3:
        (void)decodeBatch(body);
        break;
    case 4:
        (void)decodePushResponse(body);
        break;
    case 5:
        (void)decodePullResponse(body);
        break;
    case 6:
        (void)decodeErrorBody(body);
        break;
    default: {
        QString station, verb;
        (void)parseStationPath(QString::fromUtf8(body), &station, &verb);
        break;
    }
    }
    return 0;
}
