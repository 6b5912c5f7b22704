#include "sync/Transport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace pd {

namespace {
constexpr qsizetype kCompressAboveBytes = 1024;
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

NetworkTransport::NetworkTransport(QUrl server, QObject* parent)
    : Transport(parent), m_server(std::move(server)), m_manager(new QNetworkAccessManager(this))
{}

NetworkTransport::~NetworkTransport() = default;

void NetworkTransport::send(const HttpRequest& request, Callback done)
{
    QUrl url = m_server;
    url.setPath(m_server.path().chopped(m_server.path().endsWith(QLatin1Char('/')) ? 1 : 0) + request.path);
    url.setQuery(request.query);
    QNetworkRequest r(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("X-PracticeDesk-Protocol", "1");
    if (!request.bearer.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + request.bearer);
    r.setTransferTimeout(m_timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QByteArray body = request.body;
    if (body.size() > kCompressAboveBytes) {
        // A push is JSON that shrinks several times over: smaller on slow links, and on fast
        // ones it leaves in one piece instead of 16 KiB writes that wait on delayed ACKs.
        // "deflate" is the zlib stream, which is qCompress() without its 4-byte length.
        body = qCompress(body, 6).mid(4);
        r.setRawHeader("Content-Encoding", "deflate");
    }
    QNetworkReply* reply = request.method == "POST" ? m_manager->post(r, body) : m_manager->get(r);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        HttpResponse response;
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        if (response.status == 0)
            response.networkError = reply->errorString();
        response.retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        response.headers = reply->rawHeaderPairs();
        done(response);
    });
}

int parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc)
{
    constexpr int kLongest = 3600; // a server (or a proxy) cannot park a desk for longer
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : static_cast<int>(qMin<qint64>(seconds, kLongest));
    // An HTTP date: "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate; the obsolete
    // forms are not sent by any server we talk to and are ignored like garbage).
    QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return -1;
    at.setTimeSpec(Qt::UTC);
    return static_cast<int>(qBound<qint64>(0, nowUtc.secsTo(at), qint64(kLongest)));
}

QString checkServerUrl(const QString& text, QUrl* out)
{
    // "practice.example.org" alone means https, not the http fromUserInput() would pick.
    const QString typed = text.trimmed();
    const QUrl url = QUrl::fromUserInput(
        typed.contains(QLatin1String("://")) || typed.isEmpty() ? typed : QStringLiteral("https://") + typed);
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("Sync", "Enter the practice server's address, for example "
                                                   "https://practice.example.org.");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        const QHostAddress host(url.host());
        const bool loopback = url.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback());
        if (!loopback)
            return QCoreApplication::translate("Sync", "Use https:// for the practice server: plain http:// is only "
                                                       "allowed for a server on this computer.");
    } else if (scheme != QLatin1String("https")) {
        return QCoreApplication::translate("Sync", "The server address must start with https://.");
    }
    *out = url;
    return {};
}

} // namespace pd
