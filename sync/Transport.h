#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

namespace pd {

struct HttpRequest
{
    QByteArray method = "GET"; // GET or POST
    QString path;              // e.g. "/v1/sync/push"
    QUrlQuery query;
    QByteArray body;   // JSON
    QByteArray bearer; // access token ("" = none)
};

struct HttpResponse
{
    int status = 0; // 0: no answer (network error, timeout)
    QByteArray body;
    QString networkError; // why there was no answer
    int retryAfterSeconds = -1;
    QList<QPair<QByteArray, QByteArray>> headers; // as received

    // A header's value by its name, in any case ("" when absent).
    QByteArray header(const QByteArray& name) const;
};

// How the desk reaches the practice server. The sync engine only sees this interface, so
// tests can put faults between the desk and a real server (drops, duplicates, delays).
class Transport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse&)>;
    using QObject::QObject;
    // Sends request; done runs later on this thread's event loop, exactly once.
    virtual void send(const HttpRequest& request, Callback done) = 0;
};

// HTTPS (or HTTP on loopback) through QNetworkAccessManager, with a transfer timeout.
class NetworkTransport : public Transport
{
    Q_OBJECT
public:
    explicit NetworkTransport(QUrl server, QObject* parent = nullptr);
    ~NetworkTransport() override;
    void send(const HttpRequest& request, Callback done) override;
    QUrl server() const { return m_server; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QUrl m_server;
    QNetworkAccessManager* m_manager;
    int m_timeoutMs = 30000;
};

// The wait a Retry-After header asks for, in seconds: a number of seconds or an HTTP date
// (counted from nowUtc; a date in the past means now). At most an hour. -1: none, or not
// understood.
int parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc);

// Checks a server address a person typed: https://…, or http:// only to this computer.
// Returns the normalized URL or an error saying what to change.
QString checkServerUrl(const QString& text, QUrl* out);

} // namespace pd
