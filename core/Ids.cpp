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
    quint32 random[3];
    QRandomGenerator::system()->fillRange(random, 3);
    for (int i = 0; i < 10; ++i)
        b[6 + i] = static_cast<quint8>(random[i / 4] >> (8 * (i % 4)));
    b[6] = static_cast<quint8>((b[6] & 0x0F) | 0x70); // version 7
    b[8] = static_cast<quint8>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char*>(b.data()), 16))
        .toString(QUuid::WithoutBraces);
}

} // namespace pd
