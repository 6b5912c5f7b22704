#include "tests/testsupport/FaultyTransport.h"

#include "core/sync/Wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

void FaultyTransport::tamperAnswers(const QString& path, BadAnswer kind, int count, int retryAfterSeconds)
{
    m_tamperPath = path;
    m_tamperKind = kind;
    m_tamperLeft = count;
    m_retryAfterSeconds = retryAfterSeconds;
}

HttpResponse FaultyTransport::tamper(const HttpResponse& real)
{
    ++m_tampered;
    HttpResponse r;
    r.status = 200;
    r.headers = real.headers; // a bad body behind good headers, as a cut connection leaves it
    switch (m_tamperKind) {
    case BadAnswer::WrongNextCursor: {
        r.body = real.body;
        bool named = false;
        const qint64 next = real.header(wire::kNextCursorHeader).toLongLong(&named);
        r.headers.clear();
        // An answer without more pages gets one named too: the desk must not believe it.
        r.headers.append({wire::kNextCursorHeader, QByteArray::number(named ? next + 1 : 1'000'000'000)});
        break;
    }
    case BadAnswer::Truncated:
        r.body = real.body.left(real.body.size() / 2);
        break;
    case BadAnswer::Garbage:
        r.body.resize(qMax<qsizetype>(16, real.body.size()));
        for (char& c : r.body)
            c = static_cast<char>(m_random.bounded(256));
        r.body[0] = '\xff'; // never valid JSON, whatever the seed
        break;
    case BadAnswer::WrongShape: {
        const QJsonDocument doc = QJsonDocument::fromJson(real.body);
        QJsonObject o = doc.object();
        bool changed = false;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it->isArray()) {
                QJsonArray list = it->toArray();
                list.append(42);
                *it = list;
                changed = true;
            }
        r.body = changed ? QJsonDocument(o).toJson(QJsonDocument::Compact)
                         : QJsonDocument(QJsonArray{doc.object()}).toJson(QJsonDocument::Compact);
        break;
    }
    case BadAnswer::Status500:
        r.headers.clear();
        r.status = 500;
        r.body = "<html><body><h1>500 Internal Server Error</h1></body></html>";
        break;
    case BadAnswer::Status503:
        r.headers.clear();
        r.status = 503;
        r.body = R"({"error":"unavailable","message":"The practice server is busy; try again shortly."})";
        r.retryAfterSeconds = m_retryAfterSeconds;
        break;
    case BadAnswer::Status429:
        r.headers.clear();
        r.status = 429;
        r.body = R"({"error":"rate_limited","message":"Too many requests from this desk; try again shortly."})";
        r.retryAfterSeconds = m_retryAfterSeconds;
        break;
    }
    return r;
}

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
    const bool tampered = m_tamperLeft > 0 && request.path == m_tamperPath;
    m_tamperLeft -= tampered;
    m_real.send(request,
                [this, done = std::move(done), dropAnswer, delay, later, tampered](const HttpResponse& response) {
                    if (dropAnswer) {
                        ++m_dropped;
                        return later(done, lost(), delay);
                    }
                    later(done, tampered ? tamper(response) : response, delay);
                });
}

} // namespace pd::test
