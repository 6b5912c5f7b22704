#include "Hlc.h"

#include <QStringList>

namespace pd {

QString HlcStamp::toString() const
{
    return QStringLiteral("%1-%2-%3")
        .arg(wallMs, 15, 10, QLatin1Char('0'))
        .arg(counter, 4, 16, QLatin1Char('0'))
        .arg(node);
}

bool HlcStamp::parse(const QString& text, HlcStamp* out)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() < 3)
        return false;
    bool ok1 = false;
    bool ok2 = false;
    HlcStamp s;
    s.wallMs = parts[0].toLongLong(&ok1);
    s.counter = parts[1].toUInt(&ok2, 16);
    s.node = parts.mid(2).join(QLatin1Char('-'));
    if (!ok1 || !ok2 || s.wallMs < 0)
        return false;
    *out = s;
    return true;
}

bool HlcStamp::operator<(const HlcStamp& o) const
{
    if (wallMs != o.wallMs)
        return wallMs < o.wallMs;
    if (counter != o.counter)
        return counter < o.counter;
    return node < o.node;
}

HlcStamp HybridLogicalClock::now()
{
    const qint64 wall = m_clock.nowMs();
    if (wall > m_last.wallMs) {
        m_last.wallMs = wall;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    m_last.node = m_node;
    return m_last;
}

void HybridLogicalClock::observe(const HlcStamp& remote)
{
    const qint64 wall = m_clock.nowMs();
    const qint64 maxWall = std::max({wall, m_last.wallMs, remote.wallMs});
    if (maxWall == m_last.wallMs && maxWall == remote.wallMs)
        m_last.counter = std::max(m_last.counter, remote.counter) + 1;
    else if (maxWall == m_last.wallMs)
        ++m_last.counter;
    else if (maxWall == remote.wallMs)
        m_last.counter = remote.counter + 1;
    else
        m_last.counter = 0;
    m_last.wallMs = maxWall;
    m_last.node = m_node;
}

} // namespace pd
