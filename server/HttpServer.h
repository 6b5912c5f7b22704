#pragma once

#include "core/Clock.h"
#include "server/AuthService.h"
#include "server/ServerConfig.h"
#include "server/SyncService.h"

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace pd::server {

// The practice server's HTTP API (docs/protocol.md, docs/api/openapi.yaml) on cpp-httplib:
// a thread pool, one PostgreSQL connection per worker thread, payload size, timeouts and
// keep-alive limits set, JSON errors, and one structured log line per request (never a
// password, token or record field).
class HttpServer
{
public:
    explicit HttpServer(ServerConfig config, const Clock& clock = Clock::system());
    ~HttpServer();

    // Binds (port 0: any free port). Refuses plain HTTP off loopback.
    Status bind();
    int port() const { return m_port; }
    // Serves until stop(); blocks.
    void run();
    // bind() and run() on a background thread (tests).
    Status start();
    void stop();

private:
    void configure();
    void routes();
    // The signed-in staff member of a request (its bearer token), or nullopt with the error
    // answer already written (an expired token answers token_expired, so desks refresh).
    std::optional<Principal> signedIn(QSqlDatabase& db, const httplib::Request& req, httplib::Response& res);

    ServerConfig m_config;
    const Clock& m_clock;
    AuthService m_auth;
    SyncService m_sync;
    std::unique_ptr<httplib::Server> m_http;
    std::thread m_thread;
    int m_port = 0;
};

// One JSON log line on standard error: {"ts":…,"level":…,"event":…, …fields}.
void logEvent(const char* level, const QString& event, const QJsonObject& fields = {});

} // namespace pd::server
