#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace pd::test {

// A real practicedesk-server for integration tests, started as its own process on a fresh
// PostgreSQL database inside the cluster that scripts/with-postgres started
// ($PD_TEST_DATABASE_URL). Each instance gets its own database, so tests never see each
// other's data. The executable comes from $PD_SERVER.
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();

    // Creates the database, runs `init` and adds the users admin/frontdesk (passwords
    // "admin-password" and "frontdesk-password"), then starts `serve`. Empty on success,
    // else what went wrong.
    QString start();
    QString startServing(); // `serve` again on the same database and port (after stop/kill)
    void stop();            // SIGTERM and wait
    void kill();            // SIGKILL, no goodbye
    QUrl url() const;
    qint64 pid() const { return m_serve ? m_serve->processId() : 0; } // of `serve`, 0 when stopped
    QString databaseUrl() const { return m_databaseUrl; }
    // Runs practicedesk-server with arguments (and stdin); returns exit code, fills output.
    int run(const QStringList& arguments, const QByteArray& input = {}, QString* output = nullptr) const;
    // The server's log so far (what every `serve` of this instance wrote).
    QByteArray log() const;

    static QString adminPassword() { return QStringLiteral("admin-password"); }
    static QString frontdeskPassword() { return QStringLiteral("frontdesk-password"); }

private:
    QString m_program;
    QString m_databaseUrl;
    int m_port = 0;
    QString logPath() const;

    QTemporaryDir m_logDir;
    std::unique_ptr<QProcess> m_serve;
};

} // namespace pd::test
