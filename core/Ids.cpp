#include "core/Ids.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>

namespace pd {

namespace {

// The 36 characters of a new id.
void writeNewId(char* out)
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
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = '-';
        *out++ = hex[b[i] >> 4];
        *out++ = hex[b[i] & 0xF];
    }
}

} // namespace

QString newId()
{
    char id[36];
    writeNewId(id);
    return QString::fromLatin1(id, 36);
}

QByteArray newIdUtf8()
{
    QByteArray id(36, Qt::Uninitialized);
    writeNewId(id.data());
    return id;
}

} // namespace pd
