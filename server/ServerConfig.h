#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace pd::server {

// How practicedesk-server is configured: command-line flags win over the environment, which
// wins over a configuration file (--config FILE, `key = value` lines, # comments).
//   database / PRACTICEDESK_DATABASE_URL   postgresql://user[:password]@host:port/db
//   listen   / PRACTICEDESK_LISTEN         HOST:PORT (default 127.0.0.1:8443)
//   tls_cert, tls_key / PRACTICEDESK_TLS_CERT, PRACTICEDESK_TLS_KEY
//   access_token_seconds (900), refresh_token_days (30), max_body_bytes (8 MiB),
//   threads (8), failed_logins_per_hour (100)
struct ServerConfig
{
    QString databaseUrl;
    QString listenHost = QStringLiteral("127.0.0.1");
    int listenPort = 8443;
    QString tlsCert;
    QString tlsKey;
    int accessTokenSeconds = 900;
    int refreshTokenDays = 30;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    int threads = 8;
    int failedLoginsPerHour = 100;

    // Parses flags (without the command name) on top of file and environment.
    static Result<ServerConfig> load(const QStringList& flags, QStringList* rest = nullptr);
    // Plain HTTP is only for loopback addresses (issue 4): elsewhere TLS is required.
    Status checkListen() const;
    bool isLoopback() const;
};

// The parts of a postgresql:// URL.
struct DatabaseUrl
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    static Result<DatabaseUrl> parse(const QString& url);
};

} // namespace pd::server
