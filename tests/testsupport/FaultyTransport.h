#pragma once

#include "sync/Transport.h"

#include <QRandomGenerator>

namespace pd::test {

// Puts a bad network between a desk and a REAL practice server (DESIGN.md §4 testing): with
// seeded randomness it drops requests before they arrive, drops answers after the server
// committed, delivers a request twice, delays answers so they come back out of order, and
// can cut the desk off entirely (a partition), and can tamper with answers: the server
// handles the request (and may have committed), the desk gets a bad answer instead of its
// answer. The server behind it is never faked.
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

    // What the desk receives instead of the server's answer.
    enum class BadAnswer {
        Truncated,       // the body cut in half (status 200)
        Garbage,         // seeded random bytes, not JSON (status 200)
        WrongShape,      // valid JSON, but every list in it ends with a number where an object
                         // belongs: the real items come first, so applying part of it would show
        WrongNextCursor, // the real body, but its header names another next page (one further)
        Status500,       // 500 with an HTML body, as a proxy in front of the server answers
        Status503,       // 503 {"error":"unavailable"} with Retry-After
        Status429,       // 429 {"error":"rate_limited"} with Retry-After
    };
    Q_ENUM(BadAnswer)

    FaultyTransport(Transport& real, quint32 seed, QObject* parent = nullptr);
    void setFaults(const Faults& faults) { m_faults = faults; }
    void setPartitioned(bool cut) { m_partitioned = cut; }
    // The next `count` requests to `path` (e.g. "/v1/sync/pull") reach the server, and the desk
    // receives `kind` instead of the answer (Retry-After: retryAfterSeconds for 503 and 429).
    void tamperAnswers(const QString& path, BadAnswer kind, int count = 1, int retryAfterSeconds = 2);
    void send(const HttpRequest& request, Callback done) override;

    int dropped() const { return m_dropped; }
    int duplicated() const { return m_duplicated; }
    int tampered() const { return m_tampered; }

private:
    HttpResponse tamper(const HttpResponse& real);

    Transport& m_real;
    QRandomGenerator m_random;
    Faults m_faults;
    bool m_partitioned = false;
    int m_dropped = 0;
    int m_duplicated = 0;
    QString m_tamperPath;
    BadAnswer m_tamperKind = BadAnswer::Garbage;
    int m_tamperLeft = 0;
    int m_retryAfterSeconds = 2;
    int m_tampered = 0;
};

} // namespace pd::test
