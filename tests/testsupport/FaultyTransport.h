#pragma once

#include "sync/Transport.h"

#include <QRandomGenerator>

namespace pd::test {

// Puts a bad network between a desk and a REAL practice server (DESIGN.md §4 testing): with
// seeded randomness it drops requests before they arrive, drops answers after the server
// committed, delivers a request twice, delays answers so they come back out of order, and
// can cut the desk off entirely (a partition). The server behind it is never faked.
class FaultyTransport : public Transport
{
    Q_OBJECT
public:
    struct Faults
    {
        double dropRequest = 0;  // lost on the way: the server never sees it
        double dropResponse = 0; // the server did the work, the answer is lost
        double duplicate = 0;    // the request arrives twice
        double delay = 0;        // the answer is held back (reordering)
        int maxDelayMs = 50;
    };

    FaultyTransport(Transport& real, quint32 seed, QObject* parent = nullptr);
    void setFaults(const Faults& faults) { m_faults = faults; }
    void setPartitioned(bool cut) { m_partitioned = cut; }
    void send(const HttpRequest& request, Callback done) override;

    int dropped() const { return m_dropped; }
    int duplicated() const { return m_duplicated; }

private:
    Transport& m_real;
    QRandomGenerator m_random;
    Faults m_faults;
    bool m_partitioned = false;
    int m_dropped = 0;
    int m_duplicated = 0;
};

} // namespace pd::test
