#include "tests/testsupport/FaultyTransport.h"

#include <QTimer>

namespace pd::test {

namespace {
HttpResponse lost()
{
    HttpResponse r;
    r.networkError = QStringLiteral("simulated network failure");
    return r;
}
} // namespace

FaultyTransport::FaultyTransport(Transport& real, quint32 seed, QObject* parent)
    : Transport(parent), m_real(real), m_random(seed)
{}

void FaultyTransport::send(const HttpRequest& request, Callback done)
{
    auto later = [this](Callback cb, HttpResponse r, int ms) { QTimer::singleShot(ms, this, [cb, r] { cb(r); }); };
    if (m_partitioned || m_random.generateDouble() < m_faults.dropRequest) {
        ++m_dropped;
        return later(std::move(done), lost(), 0);
    }
    if (m_random.generateDouble() < m_faults.duplicate) {
        ++m_duplicated;
        m_real.send(request, [](const HttpResponse&) {}); // the copy's answer goes nowhere
    }
    const bool dropAnswer = m_random.generateDouble() < m_faults.dropResponse;
    const int delay = m_random.generateDouble() < m_faults.delay ? m_random.bounded(m_faults.maxDelayMs + 1) : 0;
    m_real.send(request, [this, done = std::move(done), dropAnswer, delay, later](const HttpResponse& response) {
        if (dropAnswer) {
            ++m_dropped;
            return later(done, lost(), delay);
        }
        later(done, response, delay);
    });
}

} // namespace pd::test
