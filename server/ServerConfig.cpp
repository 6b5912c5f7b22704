#include "server/ServerConfig.h"

#include <QFile>
#include <QHostAddress>
#include <QTextStream>

namespace pd::server {

namespace {

Status apply(ServerConfig& c, const QString& key, const QString& value)
{
    auto number = [&](int& out, int min, int max) -> Status {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < min || n > max)
            return Error::invalid(QStringLiteral("%1 must be a whole number from %2 to %3, not \"%4\".")
                                      .arg(key)
                                      .arg(min)
                                      .arg(max)
                                      .arg(value),
                                  key);
        out = n;
        return {};
    };
    if (key == QLatin1String("database")) {
        c.databaseUrl = value;
    } else if (key == QLatin1String("listen")) {
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? value.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port < 0 || port > 65535)
            return Error::invalid(
                QStringLiteral("listen must be HOST:PORT, e.g. 127.0.0.1:8443, not \"%1\".").arg(value), key);
        c.listenHost = value.left(colon);
        if (c.listenHost.startsWith(QLatin1Char('[')) && c.listenHost.endsWith(QLatin1Char(']')))
            c.listenHost = c.listenHost.mid(1).chopped(1);
        c.listenPort = port;
    } else if (key == QLatin1String("tls_cert") || key == QLatin1String("tls-cert")) {
        c.tlsCert = value;
    } else if (key == QLatin1String("tls_key") || key == QLatin1String("tls-key")) {
        c.tlsKey = value;
    } else if (key == QLatin1String("access_token_seconds")) {
        return number(c.accessTokenSeconds, 1, 86400);
    } else if (key == QLatin1String("refresh_token_days")) {
        return number(c.refreshTokenDays, 1, 365);
    } else if (key == QLatin1String("threads")) {
        return number(c.threads, 1, 256);
    } else if (key == QLatin1String("failed_logins_per_hour")) {
        return number(c.failedLoginsPerHour, 1, 100000);
    } else if (key == QLatin1String("max_body_bytes")) {
        int mb = 0;
        if (Status s = number(mb, 1024, 1 << 30); !s)
            return s;
        c.maxBodyBytes = mb;
    } else {
        return Error::invalid(QStringLiteral("Unknown setting \"%1\".").arg(key), key);
    }
    return {};
}

} // namespace

Result<ServerConfig> ServerConfig::load(const QStringList& flags, QStringList* rest)
{
    ServerConfig c;
    QString configFile;
    for (int i = 0; i + 1 < flags.size(); ++i)
        if (flags.at(i) == QLatin1String("--config"))
            configFile = flags.at(i + 1);
    if (!configFile.isEmpty()) {
        QFile f(configFile);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return Error::invalid(
                QStringLiteral("Cannot read the configuration file %1: %2").arg(configFile, f.errorString()));
        QTextStream in(&f);
        int line = 0;
        while (!in.atEnd()) {
            ++line;
            const QString raw = in.readLine().trimmed();
            if (raw.isEmpty() || raw.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype eq = raw.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return Error::invalid(QStringLiteral("%1 line %2: expected key = value.").arg(configFile).arg(line));
            if (Status s = apply(c, raw.left(eq).trimmed(), raw.mid(eq + 1).trimmed()); !s)
                return Error::invalid(QStringLiteral("%1 line %2: %3").arg(configFile).arg(line).arg(s.message()));
        }
    }
    const QList<QPair<const char*, const char*>> env = {{"PRACTICEDESK_DATABASE_URL", "database"},
                                                        {"PRACTICEDESK_LISTEN", "listen"},
                                                        {"PRACTICEDESK_TLS_CERT", "tls_cert"},
                                                        {"PRACTICEDESK_TLS_KEY", "tls_key"},
                                                        {"PRACTICEDESK_ACCESS_TOKEN_SECONDS", "access_token_seconds"}};
    for (const auto& [var, key] : env)
        if (qEnvironmentVariableIsSet(var))
            if (Status s = apply(c, QString::fromLatin1(key), qEnvironmentVariable(var)); !s)
                return Error::invalid(QStringLiteral("%1: %2").arg(QString::fromLatin1(var), s.message()));
    static const QStringList known = {QStringLiteral("database"),
                                      QStringLiteral("listen"),
                                      QStringLiteral("tls-cert"),
                                      QStringLiteral("tls-key"),
                                      QStringLiteral("access-token-seconds"),
                                      QStringLiteral("refresh-token-days"),
                                      QStringLiteral("threads"),
                                      QStringLiteral("failed-logins-per-hour"),
                                      QStringLiteral("max-body-bytes")};
    for (int i = 0; i < flags.size(); ++i) {
        const QString flag = flags.at(i);
        if (flag == QLatin1String("--config")) {
            ++i;
            continue;
        }
        if (!flag.startsWith(QLatin1String("--")) || !known.contains(flag.mid(2))) {
            if (rest)
                *rest << flag; // the command's own arguments
            continue;
        }
        if (i + 1 >= flags.size())
            return Error::invalid(QStringLiteral("%1 needs a value.").arg(flag));
        if (Status s = apply(c, flag.mid(2).replace(QLatin1Char('-'), QLatin1Char('_')), flags.at(++i)); !s)
            return s.error();
    }
    return c;
}

bool ServerConfig::isLoopback() const
{
    if (listenHost == QLatin1String("localhost"))
        return true;
    const QHostAddress a(listenHost);
    return !a.isNull() && a.isLoopback();
}

Status ServerConfig::checkListen() const
{
    const bool tls = !tlsCert.isEmpty() || !tlsKey.isEmpty();
    if (tls && (tlsCert.isEmpty() || tlsKey.isEmpty()))
        return Error::invalid(QStringLiteral("TLS needs both --tls-cert FILE and --tls-key FILE."));
    if (!tls && !isLoopback())
        return Error::invalid(QStringLiteral("Plain HTTP is only allowed on a loopback address (127.0.0.1, ::1). To "
                                             "listen on %1, give --tls-cert FILE and --tls-key FILE.")
                                  .arg(listenHost));
    return {};
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString& text)
{
    const QUrl url(text);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")) ||
        url.path().size() < 2)
        return Error::invalid(QStringLiteral("The database URL must look like postgresql://user@host:port/db."),
                              QStringLiteral("database"));
    DatabaseUrl d;
    d.host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    d.port = url.port(5432);
    d.user = url.userName();
    d.password = url.password();
    d.database = url.path().mid(1);
    return d;
}

} // namespace pd::server
