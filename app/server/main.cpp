// practicedesk-server: the practice server (docs/operations.md). All the work is in server/.
#include "server/AuthService.h"
#include "server/HttpServer.h"
#include "server/PgDatabase.h"
#include "server/SyncService.h"
#include "storage/vault/SecureBytes.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <pthread.h>
#include <thread>

using namespace pd;
using namespace pd::server;

namespace {

const char* const kHelp = R"(Usage: practicedesk-server COMMAND [options]

The PracticeDesk practice server: the source of truth desks sync with.

Commands:
  init --database URL [--practice-name NAME]
        create the database schema (numbered migrations; running it again only applies
        new ones) and the practice
  add-user --database URL --username NAME --role admin|clinician|frontdesk --password-stdin
        add a staff user; the password is read from the first line of standard input
  serve --database URL --listen HOST:PORT [--tls-cert FILE --tls-key FILE]
        serve the API (docs/protocol.md). Plain HTTP only on loopback addresses; anywhere
        else give a TLS certificate and key. Stops on SIGTERM or SIGINT.
  prune --database URL --older-than-days N
        drop deleted records older than N days; desks away longer than that resync

Options for every command:
  --config FILE                 key = value settings (database, listen, tls_cert, tls_key,
                                access_token_seconds, refresh_token_days, threads,
                                failed_logins_per_hour, max_body_bytes)
  --database URL                postgresql://user[:password]@host:port/db
                                (or PRACTICEDESK_DATABASE_URL)
  --listen HOST:PORT            default 127.0.0.1:8443 (or PRACTICEDESK_LISTEN)
  --tls-cert FILE, --tls-key FILE  (or PRACTICEDESK_TLS_CERT, PRACTICEDESK_TLS_KEY)
  --access-token-seconds N      lifetime of access tokens (default 900)
  -h, --help                    show this help

Exit status: 0 success, 1 the command failed, 2 wrong usage. Logs are JSON lines on
standard error and never contain passwords, tokens or client data.
)";

int fail(int code, const QString& message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return code;
}

QString option(const QStringList& rest, const QString& name)
{
    const qsizetype i = rest.indexOf(name);
    return i >= 0 && i + 1 < rest.size() ? rest.at(i + 1) : QString();
}

int init(const ServerConfig& config, const QStringList& rest)
{
    auto opened = PgDatabase::forThisThread(config.databaseUrl);
    if (!opened)
        return fail(1, opened.message());
    QSqlDatabase db = *opened;
    if (Status s = PgDatabase::migrate(db); !s)
        return fail(1, s.message());
    QSqlQuery existing(db);
    existing.exec(QStringLiteral("SELECT name FROM practices ORDER BY created_at LIMIT 1"));
    if (existing.next()) {
        std::printf("The database is at schema %d; practice \"%s\" already exists.\n", PgDatabase::latestVersion(),
                    qPrintable(existing.value(0).toString()));
        return 0;
    }
    QString name = option(rest, QStringLiteral("--practice-name"));
    if (name.isEmpty())
        name = QStringLiteral("My Practice");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO practices (id, name) VALUES (?::uuid, ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(name);
    if (!q.exec())
        return fail(1, sqlError(q, "creating the practice").message);
    std::printf("Created practice \"%s\" (schema %d). Add users with `practicedesk-server add-user`.\n",
                qPrintable(name), PgDatabase::latestVersion());
    return 0;
}

int addUser(const ServerConfig& config, const QStringList& rest)
{
    const QString username = option(rest, QStringLiteral("--username"));
    const QString role = option(rest, QStringLiteral("--role"));
    if (username.isEmpty() || role.isEmpty() || !rest.contains(QStringLiteral("--password-stdin")))
        return fail(2, QStringLiteral("add-user needs --username NAME --role ROLE --password-stdin."));
    auto password = SecureBytes::readLine(stdin);
    if (!password)
        return fail(2, QStringLiteral("--password-stdin was given but standard input has no password line."));
    auto opened = PgDatabase::forThisThread(config.databaseUrl);
    if (!opened)
        return fail(1, opened.message());
    QSqlDatabase db = *opened;
    const QByteArray bytes(password->chars(), static_cast<qsizetype>(password->size()));
    Status s = AuthService::addUser(db, username, role, bytes);
    QByteArray wipe = bytes;
    SecureBytes::wipe(wipe);
    if (!s)
        return fail(1, s.message());
    std::printf("Added %s (%s).\n", qPrintable(username), qPrintable(role));
    return 0;
}

int serve(const ServerConfig& config)
{
    // SIGTERM/SIGINT are taken by one thread that stops the server cleanly.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    {
        auto opened = PgDatabase::forThisThread(config.databaseUrl);
        if (!opened)
            return fail(1, opened.message());
        QSqlQuery version(*opened);
        if (!version.exec(QStringLiteral("SELECT max(version) FROM schema_migrations")) || !version.next() ||
            version.value(0).toInt() < PgDatabase::latestVersion())
            return fail(1, QStringLiteral("The database schema is missing or old: run `practicedesk-server init` "
                                          "(it applies new migrations) before serving."));
    }
    HttpServer server(config);
    if (Status s = server.bind(); !s)
        return fail(1, s.message());
    std::thread stopper([&server, stopSignals] {
        int received = 0;
        sigwait(&stopSignals, &received);
        logEvent("info", QStringLiteral("stopping"), {{QStringLiteral("signal"), received}});
        server.stop();
    });
    server.run();
    pthread_kill(stopper.native_handle(), SIGTERM); // wakes the stopper when run() ended otherwise
    stopper.join();
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.contains(QStringLiteral("-h")) || args.contains(QStringLiteral("--help"))) {
        std::printf("%s", kHelp);
        return args.isEmpty() ? 2 : 0;
    }
    const QString command = args.takeFirst();
    QStringList rest;
    auto config = ServerConfig::load(args, &rest);
    if (!config)
        return fail(2, config.message());
    if (command != QLatin1String("serve") && command != QLatin1String("init") && command != QLatin1String("add-user") &&
        command != QLatin1String("prune"))
        return fail(2, QStringLiteral("Unknown command \"%1\". See practicedesk-server --help.").arg(command));
    if (config->databaseUrl.isEmpty())
        return fail(2, QStringLiteral("%1 needs --database URL (or PRACTICEDESK_DATABASE_URL).").arg(command));
    if (auto url = DatabaseUrl::parse(config->databaseUrl); !url)
        return fail(2, url.message());
    if (command == QLatin1String("init"))
        return init(*config, rest);
    if (command == QLatin1String("add-user"))
        return addUser(*config, rest);
    if (command == QLatin1String("prune")) {
        bool ok = false;
        const int days = option(rest, QStringLiteral("--older-than-days")).toInt(&ok);
        if (!ok || days < 0)
            return fail(2, QStringLiteral("prune needs --older-than-days N."));
        auto opened = PgDatabase::forThisThread(config->databaseUrl);
        if (!opened)
            return fail(1, opened.message());
        QSqlDatabase db = *opened;
        auto n = SyncService::prune(db, days);
        if (!n)
            return fail(1, n.message());
        std::printf("Pruned %d deleted records older than %d days.\n", *n, days);
        return 0;
    }
    return serve(*config);
}
