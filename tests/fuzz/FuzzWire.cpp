// libFuzzer target for the sync wire decoders (core/sync/Wire): whatever bytes arrive from
// the network, decoding returns a value or an error and never crashes, hangs or leaks.
// Built with clang -fsanitize=fuzzer,address,undefined; the test suite runs a bounded number
// of iterations (tests/fuzz/CMakeLists.txt).
#include "core/sync/Wire.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto request = pd::wire::decodePushRequest(body)) {
        // What decodes must encode and decode to the same operations.
        auto again = pd::wire::decodePushRequest(pd::wire::encode(*request));
        if (!again || again->ops.size() != request->ops.size())
            __builtin_trap();
    }
    if (auto response = pd::wire::decodePushResponse(body))
        (void)pd::wire::encode(*response);
    if (auto page = pd::wire::decodePullPage(body))
        (void)pd::wire::encode(*page);
    (void)pd::wire::decodeError(body);
    return 0;
}
