// libFuzzer target for USB batch files as `cunzhan-county import-batch` reads them: the signature
// trailer (splitBatchFile), the bounded batch decoder and the Ed25519 check (signing.h). Whatever
// the file holds, reading it returns a batch or an error, never crashes or reads out of bounds; a
// body signed with the key verifies, one byte changed does not; what decodes re-encodes to a batch
// that decodes the same.
//
// The first input byte is a selector: bit 0 signs the rest with a fixed key first (so the fuzzer
// reaches the verified path without forging signatures), bit 1 deflates it first (to reach the
// CBOR layer directly), bit 2 flips one bit of the signed body (which must then fail to verify).
#include "protocol.h"
#include "signing.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cz::sync;

namespace {
void check(bool condition) {
    if (!condition)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1)
        return 0;
    static const QByteArray key(kSigningKeyBytes, '\x07');
    static const QByteArray publicKey = publicKeyOf(key).value_or(QByteArray());
    const uint8_t selector = data[0];
    QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    if (selector & 0x02)
        body = deflate(body);
    QByteArray file = body;
    if (selector & 0x01) {
        file = signedBatchFile(body, signBytes(key, body));
        if ((selector & 0x04) && !body.isEmpty())
            file[qsizetype(selector) % body.size()] = char(file.at(qsizetype(selector) % body.size()) ^ 0x10);
    }
    const BatchFile split = splitBatchFile(file);
    check(split.signature.isEmpty() || split.signature.size() == kSignatureBytes);
    const bool verified = verifyBytes(publicKey, split.body, split.signature);
    if (selector & 0x01)
        check(verified == !((selector & 0x04) && !body.isEmpty()));
    const auto batch = decodeBatch(file);
    if (batch) {
        const auto again = decodeBatch(encode(*batch));
        check(bool(again));
        check(again->stationId == batch->stationId && again->ops.size() == batch->ops.size() &&
              again->part == batch->part && again->parts == batch->parts && again->batchId == batch->batchId);
        for (const WireOp& op : batch->ops)
            (void)opDigest(op);
    }
    (void)decodeEnrollRequest(body);
    return 0;
}
