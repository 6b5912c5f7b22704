#include "tests/testsupport/ServerProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>

namespace pd::test {

namespace {

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// GET / answers 200: the server is ready. Waits on the reply's signal, at most timeoutMs.
bool healthy(const QUrl& url, int timeoutMs)
{
    QNetworkAccessManager manager;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QNetworkRequest request(url);
        request.setTransferTimeout(2000);
        QNetworkReply* reply = manager.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status == 200)
            return true;
        // Not listening yet: wait for the next event-loop turn of the process start-up.
        QEventLoop pause;
        QTimer::singleShot(50, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return false;
}

} // namespace

ServerProcess::ServerProcess() : m_program(qEnvironmentVariable("PD_SERVER")) {}

ServerProcess::~ServerProcess()
{
    stop();
}

int ServerProcess::run(const QStringList& arguments, const QByteArray& input, QString* output) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_program, arguments);
    if (!p.waitForStarted(10000))
        return -1;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString ServerProcess::start()
{
    const QString base = qEnvironmentVariable("PD_TEST_DATABASE_URL");
    if (base.isEmpty() || m_program.isEmpty())
        return QStringLiteral("PD_TEST_DATABASE_URL and PD_SERVER must be set (run under scripts/with-postgres)");
    const QUrl admin(base);
    const QString name = QStringLiteral("pd_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    {
        const QString connection = QStringLiteral("server-process-admin-") + name;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(admin.host());
            db.setPort(admin.port(5432));
            db.setUserName(admin.userName());
            db.setPassword(admin.password());
            db.setDatabaseName(admin.path().mid(1));
            if (!db.open())
                return QStringLiteral("cannot reach PostgreSQL: ") + db.lastError().text();
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE ") + name))
                return QStringLiteral("CREATE DATABASE failed: ") + q.lastError().text();
        }
        QSqlDatabase::removeDatabase(connection);
    }
    QUrl url = admin;
    url.setPath(QLatin1Char('/') + name);
    m_databaseUrl = url.toString();
    QString out;
    if (run({QStringLiteral("init"), QStringLiteral("--database"), m_databaseUrl, QStringLiteral("--practice-name"),
             QStringLiteral("Test Practice")},
            {}, &out) != 0)
        return QStringLiteral("init failed: ") + out;
    const QList<QPair<QString, QString>> users = {{QStringLiteral("admin"), adminPassword()},
                                                  {QStringLiteral("frontdesk"), frontdeskPassword()}};
    for (const auto& [role, password] : users)
        if (run({QStringLiteral("add-user"), QStringLiteral("--database"), m_databaseUrl, QStringLiteral("--username"),
                 role, QStringLiteral("--role"), role, QStringLiteral("--password-stdin")},
                password.toUtf8() + '\n', &out) != 0)
            return QStringLiteral("add-user failed: ") + out;
    m_port = freePort();
    return startServing();
}

QString ServerProcess::startServing()
{
    m_serve = std::make_unique<QProcess>();
    // The log goes to a file, not a pipe: a caller that blocks (a benchmark waiting on
    // practicedesk-cli) would leave a pipe undrained, and the server would stall once it filled.
    m_serve->setStandardOutputFile(logPath(), QIODevice::Append);
    m_serve->setStandardErrorFile(logPath(), QIODevice::Append);
    m_serve->start(m_program, {QStringLiteral("serve"), QStringLiteral("--database"), m_databaseUrl,
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
    if (!m_serve->waitForStarted(10000))
        return QStringLiteral("serve did not start");
    if (!healthy(url(), 20000))
        return QStringLiteral("serve did not answer on %1; log:\n%2").arg(url().toString(), QString::fromUtf8(log()));
    return {};
}

void ServerProcess::stop()
{
    if (!m_serve || m_serve->state() == QProcess::NotRunning)
        return;
    m_serve->terminate();
    if (!m_serve->waitForFinished(10000))
        m_serve->kill();
    m_serve->waitForFinished(5000);
}

void ServerProcess::kill()
{
    if (!m_serve)
        return;
    m_serve->kill();
    m_serve->waitForFinished(5000);
}

QUrl ServerProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString ServerProcess::logPath() const
{
    return m_logDir.filePath(QStringLiteral("serve.log"));
}

QByteArray ServerProcess::log() const
{
    QFile f(logPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace pd::test
