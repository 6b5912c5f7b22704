#include "core/Ids.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace pd {

QString newId()
{
    std::array<quint8, 16> b{};
    const quint64 ms = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<quint8>(ms >> (8 * (5 - i)));
    // Ids must be unique, not secret: a generator per thread, seeded from the system's,
    // costs a tenth of asking the system (RDRAND, slow on virtual machines) every time.
    thread_local QRandomGenerator generator = [] {
        std::array<quint32, 8> seed{};
        QRandomGenerator::system()->fillRange(seed.data(), seed.size());
        return QRandomGenerator(seed.data(), static_cast<qsizetype>(seed.size()));
    }();
    quint32 random[3];
    generator.fillRange(random, 3);
    for (int i = 0; i < 10; ++i)
        b[6 + i] = static_cast<quint8>(random[i / 4] >> (8 * (i % 4)));
    b[6] = static_cast<quint8>((b[6] & 0x0F) | 0x70); // version 7
    b[8] = static_cast<quint8>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char*>(b.data()), 16))
        .toString(QUuid::WithoutBraces);
}

} // namespace pd
