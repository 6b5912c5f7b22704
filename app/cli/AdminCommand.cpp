#include "app/cli/AdminCommand.h"

#include "app/cli/TerminalProgress.h"
#include "core/Text.h"
#include "storage/ClientImporter.h"
#include "storage/sync/SyncStore.h"
#include "sync/SyncEngine.h"
#include "sync/TokenVault.h"
#include "sync/Transport.h"
#include "storage/DataFolder.h"
#include "storage/DemoData.h"
#include "storage/Store.h"
#include "storage/vault/SecureBytes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <limits>
#include <utility>

namespace pd {

namespace {

const char* const kHelp = R"(Usage: practicedesk-cli [global options] COMMAND [arguments]

The PracticeDesk admin command: set up, import, export, back up and check the encrypted
local database of a desk. Every file it writes under the data folder is encrypted.

Global options:
  --data-dir DIR        the data folder (default: %1)
  --passphrase-stdin    read the database passphrase from the first line of standard
                        input instead of using the OS keychain (headless and scripted use)
  -h, --help            show this help

Commands:
  init [--demo N]                 create a new encrypted database (with N made-up demo clients)
  import-clients FILE.csv [--skip-invalid]
                                  import clients (and one contact per row) from CSV; nothing
                                  is imported unless every row is valid, unless --skip-invalid
  list-clients [--search TEXT] [--limit N | --all]
                                  list clients in name order (the first 50, N, or all), or
                                  those whose name, email, phone or client id starts with TEXT
  export FILE.csv                 write every client (and its first contact) to CSV
  backup FILE                     write an encrypted backup of the database to FILE
  restore FILE                    replace the database with a backup (the current database is
                                  kept beside it as practicedesk.db.before-restore-<time>)
  rekey                           re-encrypt the database with a new random key
  check                           verify the database (integrity and references)
  login --server URL --user NAME --password-stdin
                                  sign this desk in to the practice server (the refresh
                                  token goes to the OS keychain, or into the encrypted
                                  database where there is no keychain)
  sync                            send this desk's changes to the practice server and
                                  receive everyone else's, until up to date

With --passphrase-stdin and --password-stdin together, the first line of standard input
is the database passphrase and the second the password.

CSV columns for import-clients (header row required, any order):
  first_name,last_name,email,mobile_phone,date_of_birth,is_minor,
  contact_first_name,contact_last_name,contact_email,contact_phone,contact_relation

Exit status: 0 success, 1 the command failed, 2 wrong usage.
)";

void printOut(const QString& s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, static_cast<size_t>(b.size()), stderr);
    std::fflush(stderr);
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace

AdminCommand::AdminCommand(QStringList arguments, QObject* parent) : QObject(parent), m_args(std::move(arguments)) {}

AdminCommand::~AdminCommand() = default;

void AdminCommand::finish(int code, const QString& message)
{
    if (!message.isEmpty())
        (code == 0 ? printOut : printErr)(message.endsWith(QLatin1Char('\n')) ? message : message + QLatin1Char('\n'));
    m_passphrase.reset();
    QCoreApplication::exit(code);
}

void AdminCommand::run()
{
    m_dataDir = defaultDataDir();
    for (int i = 1; i < m_args.size(); ++i) {
        const QString a = m_args.at(i);
        // The argument after an option, if there is one.
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= m_args.size())
                return std::nullopt;
            return m_args.at(++i);
        };
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            return finish(0, QString::fromUtf8(kHelp).arg(defaultDataDir()));
        } else if (a == QLatin1String("--data-dir")) {
            auto v = value();
            if (!v)
                return finish(2, tr("--data-dir needs a folder."));
            m_dataDir = *v;
        } else if (a == QLatin1String("--passphrase-stdin")) {
            m_passphraseStdin = true;
        } else if (a == QLatin1String("--password-stdin")) {
            m_passwordStdin = true;
        } else if (a == QLatin1String("--server") || a == QLatin1String("--user")) {
            auto v = value();
            if (!v)
                return finish(2, tr("%1 needs a value.").arg(a));
            (a == QLatin1String("--server") ? m_server : m_user) = *v;
        } else if (a == QLatin1String("--skip-invalid")) {
            m_skipInvalid = true;
        } else if (a == QLatin1String("--all")) {
            m_all = true;
        } else if (a == QLatin1String("--search")) {
            auto v = value();
            if (!v)
                return finish(2, tr("--search needs a text."));
            m_search = *v;
        } else if (a == QLatin1String("--limit") || a == QLatin1String("--demo")) {
            auto v = value();
            bool ok = false;
            const int n = v ? v->toInt(&ok) : 0;
            if (!ok || n < 0)
                return finish(2, tr("%1 needs a whole number.").arg(a));
            (a == QLatin1String("--limit") ? m_limit : m_demoClients) = n;
            m_limitGiven = m_limitGiven || a == QLatin1String("--limit");
        } else if (a.startsWith(QLatin1String("--"))) {
            return finish(2, tr("Unknown option %1. See practicedesk-cli --help.").arg(a));
        } else if (m_command.isEmpty()) {
            m_command = a;
        } else {
            m_positional << a;
        }
    }
    static const QStringList commands = {QStringLiteral("init"),         QStringLiteral("import-clients"),
                                         QStringLiteral("list-clients"), QStringLiteral("export"),
                                         QStringLiteral("backup"),       QStringLiteral("restore"),
                                         QStringLiteral("rekey"),        QStringLiteral("check"),
                                         QStringLiteral("login"),        QStringLiteral("sync")};
    if (m_command.isEmpty())
        return finish(2, QString::fromUtf8(kHelp).arg(defaultDataDir()));
    if (!commands.contains(m_command))
        return finish(2, tr("Unknown command \"%1\". See practicedesk-cli --help.").arg(m_command));
    const bool needsFile = m_command == QLatin1String("import-clients") || m_command == QLatin1String("export") ||
                           m_command == QLatin1String("backup") || m_command == QLatin1String("restore");
    if (needsFile && m_positional.size() != 1)
        return finish(2, tr("%1 needs exactly one FILE. See practicedesk-cli --help.").arg(m_command));
    if (m_all && m_limitGiven)
        return finish(2, tr("--all and --limit do not go together: --all lists every client."));

    if (m_passphraseStdin) {
        auto p = SecureBytes::readLine(stdin);
        if (!p)
            return finish(2, tr("--passphrase-stdin was given but standard input has no passphrase line."));
        m_passphrase = std::make_unique<SecureBytes>(std::move(*p));
    }
    if (m_command == QLatin1String("login")) {
        if (m_server.isEmpty() || m_user.isEmpty() || !m_passwordStdin)
            return finish(2, tr("login needs --server URL, --user NAME and --password-stdin."));
        QUrl url;
        if (const QString problem = checkServerUrl(m_server, &url); !problem.isEmpty())
            return finish(2, problem);
        auto p = SecureBytes::readLine(stdin);
        if (!p)
            return finish(2, tr("--password-stdin was given but standard input has no password line."));
        m_password = std::make_unique<SecureBytes>(std::move(*p));
        return runSync(url);
    }
    if (m_command == QLatin1String("sync"))
        return runSync({});

    if (m_command == QLatin1String("init"))
        return runInit();
    if (m_command == QLatin1String("restore"))
        return runRestore();
    withStore([this](Store& store) { return runCommand(store); });
}

void AdminCommand::withStore(std::function<Status(Store&)> body)
{
    m_folder = std::make_unique<DataFolder>(m_dataDir);
    m_folder->open(m_passphrase.get(), [this, body](Result<std::unique_ptr<Store>> store) {
        if (!store)
            return finish(1, store.message());
        if (m_command == QLatin1String("rekey")) {
            auto held = std::make_shared<std::unique_ptr<Store>>(std::move(store).value());
            return m_folder->rekey(**held, m_passphrase.get(), [this, held](Status s) {
                held->reset();
                finish(s ? 0 : 1, s ? tr("The database was re-encrypted with a new key; every key slot holds the new "
                                         "key. Make a new backup: older backups still need the old key.")
                                    : s.message());
            });
        }
        const Status s = body(**store);
        store.value().reset();
        finish(s ? 0 : 1, s.message());
    });
}

void AdminCommand::runSync(const QUrl& loginServer)
{
    m_folder = std::make_unique<DataFolder>(m_dataDir);
    m_folder->open(m_passphrase.get(), [this, loginServer](Result<std::unique_ptr<Store>> opened) {
        if (!opened)
            return finish(1, opened.message());
        m_store = std::move(opened).value();
        m_syncStore = std::make_unique<SyncStore>(*m_store);
        m_tokens = std::make_unique<TokenVault>(*m_syncStore);
        QUrl server = loginServer;
        if (server.isEmpty()) {
            server = QUrl(m_syncStore->state(QStringLiteral("server_url")));
            if (server.isEmpty())
                return closeAndFinish(1, tr("This desk is not signed in to a practice server. Sign in first: "
                                            "practicedesk-cli login --server URL --user NAME --password-stdin"));
        }
        m_transport = std::make_unique<NetworkTransport>(server);
        m_engine = std::make_unique<SyncEngine>(*m_syncStore, *m_transport);
        // Nothing else writes while this command syncs: pulled pages go into transactions of
        // up to 10,000 changes, written as they arrive while the next page is fetched.
        m_engine->setChangesPerTransaction(10000);
        // Every new refresh token is kept before the command ends (they rotate on use).
        connect(m_engine.get(), &SyncEngine::refreshTokenChanged, this, [this](const QByteArray& token) {
            ++m_pendingWrites;
            m_tokens->write(token, [this](Status s) {
                if (!s)
                    printErr(s.message() + QLatin1Char('\n'));
                if (--m_pendingWrites == 0 && m_exitCode >= 0)
                    closeAndFinish(m_exitCode, m_exitMessage);
            });
        });
        if (!loginServer.isEmpty()) {
            QString password = QString::fromUtf8(m_password->chars(), static_cast<qsizetype>(m_password->size()));
            m_password.reset();
            m_engine->signIn(m_user, password, [this, server](Status s) {
                if (!s)
                    return closeAndFinish(1, s.message());
                (void)m_syncStore->setState(QStringLiteral("server_url"), server.toString());
                (void)m_syncStore->setState(QStringLiteral("username"), m_user);
                closeAndFinish(0, tr("Signed in to %1 as %2.").arg(server.toString(), m_user));
            });
            SecureBytes::wipe(password);
            return;
        }
        m_progress = std::make_unique<TerminalProgress>();
        connect(m_engine.get(), &SyncEngine::progress, this, [this] {
            const SyncEngine::Summary sum = m_engine->lastSummary();
            m_progress->show(tr("Syncing: sent %L1 changes, received %L2…").arg(sum.pushed).arg(sum.pulled));
        });
        connect(m_engine.get(), &SyncEngine::finished, this, [this](bool ok, const QString& error) {
            const SyncEngine::Summary sum = m_engine->lastSummary();
            if (!ok)
                return closeAndFinish(1, error);
            QString message = tr("Up to date: sent %1 changes, received %2.").arg(sum.pushed).arg(sum.pulled);
            if (sum.conflicts > 0)
                message += QLatin1Char(' ') +
                           tr("%1 changes conflict with another desk's; resolve them in the Conflicts view.")
                               .arg(sum.conflicts);
            if (sum.rejected > 0)
                message += QLatin1Char(' ') + tr("%1 changes were refused by the server.").arg(sum.rejected);
            closeAndFinish(0, message);
        });
        m_tokens->read([this](QByteArray token) {
            if (token.isEmpty())
                return closeAndFinish(1, tr("This desk's sign-in has ended. Sign in again: practicedesk-cli login "
                                            "--server URL --user NAME --password-stdin"));
            m_engine->setRefreshToken(token);
            m_engine->syncNow();
        });
    });
}

void AdminCommand::closeAndFinish(int code, const QString& message)
{
    if (m_pendingWrites > 0) { // a token is still being stored: finish when it is
        m_exitCode = code;
        m_exitMessage = message;
        return;
    }
    if (m_closing)
        return;
    m_closing = true;
    m_progress.reset(); // erases the progress line before the outcome is printed
    // Called from inside the engine's and the transport's own signals and callbacks: they are
    // destroyed on the next turn of the event loop, once those have returned.
    QTimer::singleShot(0, this, [this, code, message] {
        m_engine.reset();
        m_transport.reset();
        m_tokens.reset();
        m_syncStore.reset();
        m_store.reset();
        finish(code, message);
    });
}

void AdminCommand::runInit()
{
    m_folder = std::make_unique<DataFolder>(m_dataDir);
    m_folder->create(m_passphrase.get(), [this](Result<std::unique_ptr<Store>> store) {
        if (!store)
            return finish(1, store.message());
        QString message = tr("Created an encrypted database in %1.").arg(QDir::toNativeSeparators(m_dataDir));
        if (m_demoClients > 0) {
            DemoOptions options;
            options.clients = m_demoClients;
            auto demo = generateDemoData(**store, options);
            if (!demo)
                return finish(1, demo.message());
            message += QLatin1Char('\n') + tr("Added %1 demo clients with %2 contacts and %3 relations.")
                                               .arg(demo->clients)
                                               .arg(demo->contacts)
                                               .arg(demo->relations);
        }
        store.value().reset();
        finish(0, message);
    });
}

void AdminCommand::runRestore()
{
    m_folder = std::make_unique<DataFolder>(m_dataDir);
    m_folder->restore(m_positional.first(), m_passphrase.get(), [this](Status s) {
        finish(s ? 0 : 1, s ? tr("Restored %1. The previous database was kept beside it.").arg(m_positional.first())
                            : s.message());
    });
}

Status AdminCommand::listClients(Store& store)
{
    // --all walks the list a page at a time, printing each page as it comes; otherwise one
    // row more than asked for tells whether more clients remain.
    const int pageSize = m_all ? 500 : (m_limit < std::numeric_limits<int>::max() ? m_limit + 1 : m_limit);
    ClientListPosition at;
    qint64 shown = 0;
    bool more = false;
    for (;;) {
        auto page = store.clients().page(m_search, pageSize, at);
        if (!page)
            return page.error();
        QList<ClientSummary> clients = page->clients;
        if (!m_all && clients.size() > m_limit) {
            more = true;
            clients.resize(m_limit);
        }
        QString out;
        for (const ClientSummary& c : std::as_const(clients)) {
            // Each column is padded on its own: chained arg() calls would substitute into the
            // data itself when a name contains "%3".
            auto pad = [](const QString& text, int width) { return QStringLiteral("%1").arg(text, width); };
            out += pad(QString::number(c.clientNumber), 6) + QStringLiteral("  ") +
                   pad(c.lastName + QStringLiteral(", ") + c.firstName, -32) + QStringLiteral("  ") +
                   pad(c.email, -36) + QStringLiteral("  ") + pad(c.mobilePhone, -14) + QStringLiteral("  ") +
                   (c.isMinor ? tr("minor") : QString()) + QLatin1Char('\n');
        }
        printOut(out);
        shown += clients.size();
        if (!m_all || page->atEnd)
            break;
        at = page->next;
    }
    QString footer;
    if (text::searchKey(m_search).isEmpty()) { // the whole list, as page() reads it
        auto total = store.clients().count();
        if (!total)
            return total.error();
        footer = tr("%1 shown of %2 clients.").arg(shown).arg(*total);
    } else {
        footer = more ? tr("%1 shown; more clients match.").arg(shown) : tr("%1 clients match.").arg(shown);
    }
    if (more)
        footer += QLatin1Char(' ') + tr("--limit N or --all shows more.");
    printOut(footer + QLatin1Char('\n'));
    return {};
}

Status AdminCommand::runCommand(Store& store)
{
    if (m_command == QLatin1String("list-clients"))
        return listClients(store);
    if (m_command == QLatin1String("import-clients")) {
        QFile f(m_positional.first());
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::NotFound,
                               tr("Cannot read %1: %2").arg(m_positional.first(), f.errorString()));
        ImportOptions options;
        options.skipInvalid = m_skipInvalid;
        TerminalProgress shown;
        options.progress = [&shown, stage = -1](const ImportProgress& p) mutable {
            const bool newStage = static_cast<int>(p.stage) != stage;
            stage = static_cast<int>(p.stage);
            switch (p.stage) {
            case ImportProgress::Stage::Checking:
                return shown.show(AdminCommand::tr("Checking %L1 rows…").arg(p.total), newStage);
            case ImportProgress::Stage::Writing:
                return shown.show(AdminCommand::tr("Writing clients: %L1 of %L2").arg(p.done).arg(p.total), newStage);
            case ImportProgress::Stage::Finishing:
                return shown.show(AdminCommand::tr("Writing the search index and saving…"), newStage);
            }
        };
        auto report = importClientsCsv(store, f.readAll(), options);
        shown.clear();
        if (!report)
            return report.error();
        for (const QString& p : report->problems)
            printErr(p + QLatin1Char('\n'));
        if (!report->problems.isEmpty() && !m_skipInvalid)
            return Error::invalid(tr("Nothing was imported: %1 rows were refused (listed above). Correct them, or "
                                     "add --skip-invalid to import the other rows.")
                                      .arg(report->problems.size()));
        printOut(tr("Imported %1 clients and %2 contacts%3.\n")
                     .arg(report->imported)
                     .arg(report->contacts)
                     .arg(report->problems.isEmpty()
                              ? QString()
                              : tr("; skipped the %1 rows listed above").arg(report->problems.size())));
        return {};
    }
    if (m_command == QLatin1String("export")) {
        auto csv = exportClientsCsv(store);
        if (!csv)
            return csv.error();
        QSaveFile f(m_positional.first());
        if (!f.open(QIODevice::WriteOnly) || f.write(*csv) != csv->size() || !f.commit())
            return Error::make(Error::Kind::Io, tr("Cannot write %1: %2").arg(m_positional.first(), f.errorString()));
        printOut(tr("Exported to %1. This file is NOT encrypted: it holds client data in plain text; keep it safe and "
                    "delete it when done.\n")
                     .arg(m_positional.first()));
        return {};
    }
    if (m_command == QLatin1String("backup")) {
        if (Status s = m_folder->backup(store, m_positional.first()); !s)
            return s;
        printOut(tr("Encrypted backup written to %1.\n").arg(m_positional.first()));
        return {};
    }
    if (m_command == QLatin1String("check")) {
        auto problems = store.database().check();
        if (!problems)
            return problems.error();
        if (!problems->isEmpty()) {
            // SQLite lists every page it could not read; the first few say what kind of damage
            // it is, and the count says how much.
            constexpr qsizetype kShown = 10;
            QString text = tr("The database is damaged (problems found: %1). It was left exactly as it is; restore it "
                              "from a backup with `practicedesk-cli restore FILE`, and keep a copy of this data folder "
                              "until the restored database checks fine.")
                               .arg(problems->size() >= 100 // integrity_check stops at 100
                                        ? tr("100 or more")
                                        : QString::number(problems->size()));
            text += QLatin1Char('\n') + tr("The first problems found:");
            for (const QString& line : problems->mid(0, kShown))
                text += QStringLiteral("\n  ") + line;
            if (problems->size() > kShown)
                text += QLatin1Char('\n') + tr("  (and %1 more)").arg(problems->size() - kShown);
            return Error::make(Error::Kind::Corrupt, text);
        }
        printOut(tr("The database is fine (schema %1, %2 clients, %3 changes waiting to sync).\n")
                     .arg(store.database().schemaVersion())
                     .arg(store.clients().count().value())
                     .arg(store.pendingChanges().value()));
        return {};
    }
    return Error::invalid(tr("Unknown command."));
}

} // namespace pd
