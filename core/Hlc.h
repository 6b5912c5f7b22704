#pragma once

#include "Clock.h"

#include <QString>

namespace pd {

// A hybrid logical clock stamp (physical ms + logical counter + node), DESIGN.md §4.
// Its text form sorts in causal order: "000001767603600000-0000-<node>".
struct HlcStamp
{
    qint64 wallMs = 0;
    quint32 counter = 0;
    QString node;

    QString toString() const;
    static bool parse(const QString& text, HlcStamp* out);
    bool operator<(const HlcStamp& o) const;
    bool operator==(const HlcStamp& o) const = default;
};

class HybridLogicalClock
{
public:
    HybridLogicalClock(const Clock& clock, QString node) : m_clock(clock), m_node(std::move(node)) {}

    // A stamp for a local event; never goes backwards even if the wall clock does.
    HlcStamp now();
    // Merge a stamp received from elsewhere (e.g. a pulled change).
    void observe(const HlcStamp& remote);
    const QString& node() const { return m_node; }
    HlcStamp last() const { return m_last; }
    void restore(const HlcStamp& last) { m_last = last; }

private:
    const Clock& m_clock;
    QString m_node;
    HlcStamp m_last;
};

} // namespace pd
