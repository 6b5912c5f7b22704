#include "server/HttpServer.h"

#include "server/PgDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <httplib.h>

#include <cstdio>

namespace pd::server {

namespace {

int statusFor(const QString& code)
{
    static const QHash<QString, int> statuses = {
        {QStringLiteral("bad_request"), 400},         {QStringLiteral("unsupported_protocol"), 400},
        {QStringLiteral("invalid_credentials"), 401}, {QStringLiteral("token_expired"), 401},
        {QStringLiteral("token_invalid"), 401},       {QStringLiteral("token_reused"), 401},
        {QStringLiteral("forbidden"), 403},           {QStringLiteral("schema_mismatch"), 409},
        {QStringLiteral("resync_required"), 410},     {QStringLiteral("payload_too_large"), 413},
        {QStringLiteral("rate_limited"), 429},        {QStringLiteral("internal"), 500},
        {QStringLiteral("unavailable"), 503},
    };
    return statuses.value(code, 500);
}

// With the charset spelled out, cpp-httplib does not compress the answer: Debian's build
// would pick Brotli at its highest quality for any client that accepts it (Qt's does), and
// that cost about 1 s of server CPU per 2,000-record pull page — nine tenths of an initial
// sync. Sync traffic is small next to that cost; TLS or a reverse proxy may compress it.
constexpr const char* kJson = "application/json; charset=utf-8";

void sendJson(httplib::Response& res, int status, const QJsonObject& body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), kJson);
}

void sendError(httplib::Response& res, const QString& code, const QString& message, QJsonObject extra = {})
{
    res.set_header("X-PracticeDesk-Error", code.toStdString());
    extra.insert(QStringLiteral("error"), code);
    extra.insert(QStringLiteral("message"), message);
    sendJson(res, statusFor(code), extra);
}

// An internal error: the details go to the log, the desk gets a plain message.
void sendInternal(httplib::Response& res, const Error& e)
{
    const bool unavailable = e.kind == Error::Kind::Unavailable;
    logEvent("error", QStringLiteral("internal"), {{QStringLiteral("detail"), e.message}});
    sendError(res, unavailable ? QStringLiteral("unavailable") : QStringLiteral("internal"),
              unavailable ? QStringLiteral("The practice database cannot be reached; try again shortly.")
                          : QStringLiteral("The server could not do this; nothing was changed. Try again."));
}

QJsonObject body(const httplib::Request& req, bool* ok)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &e);
    *ok = e.error == QJsonParseError::NoError && d.isObject();
    return d.object();
}

QJsonObject tokensJson(const TokenPair& t)
{
    return {{QStringLiteral("access_token"), t.accessToken},
            {QStringLiteral("access_expires_in"), t.accessExpiresIn},
            {QStringLiteral("refresh_token"), t.refreshToken},
            {QStringLiteral("refresh_expires_in"), t.refreshExpiresIn},
            {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), t.user.userId},
                                                 {QStringLiteral("username"), t.user.username},
                                                 {QStringLiteral("role"), t.user.role}}},
            {QStringLiteral("practice"),
             QJsonObject{{QStringLiteral("id"), t.user.practiceId}, {QStringLiteral("name"), t.practiceName}}}};
}

QMutex logMutex;

} // namespace

void logEvent(const char* level, const QString& event, const QJsonObject& fields)
{
    QJsonObject line = fields;
    line.insert(QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    line.insert(QStringLiteral("level"), QString::fromLatin1(level));
    line.insert(QStringLiteral("event"), event);
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    QMutexLocker lock(&logMutex);
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fflush(stderr);
}

HttpServer::HttpServer(ServerConfig config, const Clock& clock)
    : m_config(std::move(config)), m_clock(clock), m_auth(m_config, clock), m_http(std::make_unique<httplib::Server>())
{
    configure();
}

void HttpServer::configure()
{
    const int threads = m_config.threads;
    m_http->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    m_http->set_payload_max_length(static_cast<size_t>(m_config.maxBodyBytes));
    m_http->set_read_timeout(30, 0);
    m_http->set_write_timeout(30, 0);
    m_http->set_keep_alive_max_count(100);
    m_http->set_keep_alive_timeout(5);
    // Answers leave at once: with Nagle's algorithm a small answer waited for the desk's
    // delayed acknowledgement (40 ms a round, most of a 100-change sync).
    m_http->set_tcp_nodelay(true);
    // cpp-httplib inflates a compressed body before any route sees it, and the size limit above
    // applies to the compressed bytes only. So a compressed body is taken only where desks send
    // one (a push), only from a signed-in staff member, and only so large that it cannot
    // inflate past a bound: deflate expands at most about 1,000 times.
    m_http->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!req.has_header("Content-Encoding"))
            return httplib::Server::HandlerResponse::Unhandled;
        const std::string encoding = req.get_header_value("Content-Encoding");
        if (req.path != "/v1/sync/push" || (encoding != "deflate" && encoding != "gzip")) {
            sendError(res, QStringLiteral("bad_request"),
                      QStringLiteral("Only a push may be compressed, with deflate or gzip."));
            return httplib::Server::HandlerResponse::Handled;
        }
        if (QByteArray::fromStdString(req.get_header_value("Content-Length")).toLongLong() >
            m_config.maxBodyBytes / 64) {
            sendError(res, QStringLiteral("payload_too_large"),
                      QStringLiteral("A compressed push may be at most %1 bytes; send smaller batches.")
                          .arg(m_config.maxBodyBytes / 64));
            return httplib::Server::HandlerResponse::Handled;
        }
        auto opened = PgDatabase::forThisThread(m_config.databaseUrl);
        if (!opened) {
            sendInternal(res, opened.error());
            return httplib::Server::HandlerResponse::Handled;
        }
        QSqlDatabase db = *opened;
        return signedIn(db, req, res) ? httplib::Server::HandlerResponse::Unhandled
                                      : httplib::Server::HandlerResponse::Handled;
    });
    m_http->set_logger([](const httplib::Request& req, const httplib::Response& res) {
        QJsonObject line{{QStringLiteral("method"), QString::fromStdString(req.method)},
                         {QStringLiteral("path"), QString::fromStdString(req.path)},
                         {QStringLiteral("status"), res.status},
                         {QStringLiteral("remote"), QString::fromStdString(req.remote_addr)}};
        if (res.has_header("X-PracticeDesk-Error")) // the error code only: messages may name records
            line.insert(QStringLiteral("error"), QString::fromStdString(res.get_header_value("X-PracticeDesk-Error")));
        logEvent(res.status >= 500 ? "error" : "info", QStringLiteral("request"), line);
    });
    routes();
}

HttpServer::~HttpServer()
{
    stop();
}

std::optional<Principal> HttpServer::signedIn(QSqlDatabase& db, const httplib::Request& req, httplib::Response& res)
{
    const std::string header = req.get_header_value("Authorization");
    if (header.rfind("Bearer ", 0) != 0) {
        sendError(res, QStringLiteral("token_invalid"), QStringLiteral("Sign in first."));
        return std::nullopt;
    }
    auto who = m_auth.authenticate(db, QString::fromStdString(header.substr(7)));
    if (!who) {
        if (who.error().kind == Error::Kind::Invalid)
            sendError(res, who.error().field, who.error().message);
        else
            sendInternal(res, who.error());
        return std::nullopt;
    }
    return *who;
}

void HttpServer::routes()
{
    using Handler = std::function<void(QSqlDatabase&, const httplib::Request&, httplib::Response&)>;
    // Every API route: protocol check, then this worker thread's database connection.
    auto api = [this](Handler handler) {
        return [this, handler](const httplib::Request& req, httplib::Response& res) {
            if (req.has_header("X-PracticeDesk-Protocol") && req.get_header_value("X-PracticeDesk-Protocol") != "1")
                return sendError(res, QStringLiteral("unsupported_protocol"),
                                 QStringLiteral("This server speaks protocol 1; update PracticeDesk."));
            auto opened = PgDatabase::forThisThread(m_config.databaseUrl);
            if (!opened)
                return sendInternal(res, opened.error());
            QSqlDatabase db = *opened;
            handler(db, req, res);
        };
    };
    // Routes that need a signed-in staff member.
    auto authed =
        [this](
            std::function<void(QSqlDatabase&, const Principal&, const httplib::Request&, httplib::Response&)> handler) {
            return [this, handler](QSqlDatabase& db, const httplib::Request& req, httplib::Response& res) {
                if (auto who = signedIn(db, req, res))
                    handler(db, *who, req, res);
            };
        };

    m_http->Get("/", [](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200,
                 {{QStringLiteral("status"), QStringLiteral("ok")},
                  {QStringLiteral("service"), QStringLiteral("practicedesk-server")},
                  {QStringLiteral("protocol"), wire::kProtocol},
                  {QStringLiteral("schema_min"), wire::kSchemaMin},
                  {QStringLiteral("schema_max"), wire::kSchemaMax}});
    });

    m_http->Post(
        "/v1/auth/login", api([this](QSqlDatabase& db, const httplib::Request& req, httplib::Response& res) {
            bool ok = false;
            const QJsonObject in = body(req, &ok);
            const QString username = in.value(QStringLiteral("username")).toString();
            QByteArray password = in.value(QStringLiteral("password")).toString().toUtf8();
            if (!ok || username.isEmpty() || password.isEmpty())
                return sendError(res, QStringLiteral("bad_request"), QStringLiteral("Give a username and a password."));
            int retryAfter = 0;
            auto tokens =
                m_auth.login(db, username, password, in.value(QStringLiteral("device")).toString(), &retryAfter);
            password.fill('\0');
            if (!tokens) {
                if (tokens.error().kind != Error::Kind::Invalid)
                    return sendInternal(res, tokens.error());
                if (retryAfter > 0)
                    res.set_header("Retry-After", std::to_string(retryAfter));
                return sendError(res, tokens.error().field, tokens.error().message);
            }
            sendJson(res, 200, tokensJson(*tokens));
        }));

    m_http->Post("/v1/auth/refresh", api([this](QSqlDatabase& db, const httplib::Request& req, httplib::Response& res) {
                     bool ok = false;
                     const QString token = body(req, &ok).value(QStringLiteral("refresh_token")).toString();
                     if (!ok || token.isEmpty())
                         return sendError(res, QStringLiteral("bad_request"), QStringLiteral("Give a refresh_token."));
                     auto tokens = m_auth.refresh(db, token);
                     if (!tokens)
                         return tokens.error().kind == Error::Kind::Invalid
                                    ? sendError(res, tokens.error().field, tokens.error().message)
                                    : sendInternal(res, tokens.error());
                     sendJson(res, 200, tokensJson(*tokens));
                 }));

    m_http->Post("/v1/auth/logout", api([this](QSqlDatabase& db, const httplib::Request& req, httplib::Response& res) {
                     bool ok = false;
                     const QString token = body(req, &ok).value(QStringLiteral("refresh_token")).toString();
                     if (!ok || token.isEmpty())
                         return sendError(res, QStringLiteral("bad_request"), QStringLiteral("Give a refresh_token."));
                     if (Status s = m_auth.logout(db, token); !s)
                         return sendInternal(res, s.error());
                     res.status = 204;
                 }));

    m_http->Post("/v1/auth/revoke", api(authed([this](QSqlDatabase& db, const Principal& who,
                                                      const httplib::Request& req, httplib::Response& res) {
                     bool ok = false;
                     const QString user = body(req, &ok).value(QStringLiteral("username")).toString();
                     if (!ok || user.isEmpty())
                         return sendError(res, QStringLiteral("bad_request"), QStringLiteral("Give a username."));
                     if (Status s = m_auth.revokeUser(db, who, user); !s)
                         return s.error().kind == Error::Kind::Invalid ? sendError(res, s.error().field, s.message())
                                                                       : sendInternal(res, s.error());
                     logEvent("info", QStringLiteral("revoke"),
                              {{QStringLiteral("by"), who.username}, {QStringLiteral("user"), user}});
                     res.status = 204;
                 })));

    m_http->Post(
        "/v1/sync/push",
        api(authed([this](QSqlDatabase& db, const Principal& who, const httplib::Request& req, httplib::Response& res) {
            auto request = wire::decodePushRequest(QByteArray::fromStdString(req.body));
            if (!request)
                logEvent("warning", QStringLiteral("bad_push"),
                         {{QStringLiteral("user"), who.username}, {QStringLiteral("reason"), request.message()}});
            if (!request)
                return sendError(res,
                                 request.error().field == QLatin1String("payload_too_large")
                                     ? QStringLiteral("payload_too_large")
                                     : QStringLiteral("bad_request"),
                                 request.message());
            if (request->schema < wire::kSchemaMin || request->schema > wire::kSchemaMax)
                return sendError(res, QStringLiteral("schema_mismatch"),
                                 QStringLiteral("This server accepts data schema %1 to %2, not %3.")
                                     .arg(wire::kSchemaMin)
                                     .arg(wire::kSchemaMax)
                                     .arg(request->schema),
                                 {{QStringLiteral("server_min"), wire::kSchemaMin},
                                  {QStringLiteral("server_max"), wire::kSchemaMax}});
            auto response = m_sync.push(db, who, *request);
            if (!response)
                return sendInternal(res, response.error());
            res.status = 200;
            res.set_content(wire::encode(*response).toStdString(), kJson);
        })));

    m_http->Get("/v1/sync/pull", api(authed([this](QSqlDatabase& db, const Principal& who, const httplib::Request& req,
                                                   httplib::Response& res) {
                    bool okCursor = false, okLimit = true, okSchema = false;
                    const qint64 cursor = QString::fromStdString(req.get_param_value("cursor")).toLongLong(&okCursor);
                    int limit = 1000;
                    if (req.has_param("limit"))
                        limit = QString::fromStdString(req.get_param_value("limit")).toInt(&okLimit);
                    const int schema = QString::fromStdString(req.get_param_value("schema")).toInt(&okSchema);
                    if (!okCursor || cursor < 0 || !okLimit || limit < 1 || !okSchema)
                        return sendError(res, QStringLiteral("bad_request"),
                                         QStringLiteral("Give cursor (0 or more), schema and optionally limit."));
                    if (schema < wire::kSchemaMin || schema > wire::kSchemaMax)
                        return sendError(res, QStringLiteral("schema_mismatch"),
                                         QStringLiteral("This server accepts data schema %1 to %2, not %3.")
                                             .arg(wire::kSchemaMin)
                                             .arg(wire::kSchemaMax)
                                             .arg(schema),
                                         {{QStringLiteral("server_min"), wire::kSchemaMin},
                                          {QStringLiteral("server_max"), wire::kSchemaMax}});
                    auto page = m_sync.pull(db, who, cursor, qMin(limit, 2000));
                    if (!page)
                        return page.error().field == QLatin1String("resync_required")
                                   ? sendError(res, QStringLiteral("resync_required"), page.message())
                                   : sendInternal(res, page.error());
                    res.status = 200;
                    if (page->more)
                        res.set_header(wire::kNextCursorHeader, std::to_string(page->cursor));
                    res.set_content(wire::encode(*page).toStdString(), kJson);
                })));

    m_http->Get("/v1/sync/conflicts", api(authed([this](QSqlDatabase& db, const Principal& who, const httplib::Request&,
                                                        httplib::Response& res) {
                    auto open = m_sync.openConflicts(db, who);
                    if (!open)
                        return sendInternal(res, open.error());
                    QJsonArray list;
                    for (const wire::Conflict& c : *open)
                        list.append(wire::toJson(c));
                    sendJson(res, 200, {{QStringLiteral("conflicts"), list}});
                })));

    m_http->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        sendError(res, QStringLiteral("internal"),
                  QStringLiteral("The server could not do this; nothing was changed."));
    });
}

Status HttpServer::bind()
{
    if (Status s = m_config.checkListen(); !s)
        return s;
    if (!m_config.tlsCert.isEmpty()) {
        auto tls = std::make_unique<httplib::SSLServer>(m_config.tlsCert.toLocal8Bit().constData(),
                                                        m_config.tlsKey.toLocal8Bit().constData());
        if (!tls->is_valid())
            return Error::invalid(QStringLiteral("The TLS certificate or key could not be read (%1, %2).")
                                      .arg(m_config.tlsCert, m_config.tlsKey));
        m_http = std::move(tls);
        configure();
    }
    const std::string host = m_config.listenHost.toStdString();
    if (m_config.listenPort == 0)
        m_port = m_http->bind_to_any_port(host);
    else
        m_port = m_http->bind_to_port(host, m_config.listenPort) ? m_config.listenPort : -1;
    if (m_port <= 0)
        return Error::make(Error::Kind::Unavailable, QStringLiteral("Cannot listen on %1:%2 (in use, or not allowed).")
                                                         .arg(m_config.listenHost)
                                                         .arg(m_config.listenPort));
    logEvent("info", QStringLiteral("listening"),
             {{QStringLiteral("host"), m_config.listenHost},
              {QStringLiteral("port"), m_port},
              {QStringLiteral("tls"), !m_config.tlsCert.isEmpty()}});
    return {};
}

void HttpServer::run()
{
    m_http->listen_after_bind();
}

Status HttpServer::start()
{
    if (Status s = bind(); !s)
        return s;
    m_thread = std::thread([this] { run(); });
    return {};
}

void HttpServer::stop()
{
    if (m_http)
        m_http->stop();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace pd::server
