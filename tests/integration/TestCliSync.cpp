// practicedesk-cli login and sync against a real server on a real PostgreSQL, including
// kill -9 of a syncing practicedesk-cli at random moments: no acknowledged change is lost,
// the database passes its integrity check after every kill, and the next sync finishes.
#include "tests/integration/Desk.h"
#include "tests/testsupport/ServerProcess.h"
#include "tests/unit/cli/CliRunner.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pd;
using namespace pd::test;

namespace {
const QByteArray kPass = "cli sync passphrase";
}

class TestCliSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_tmp;

    QStringList base() const
    {
        return {QStringLiteral("--data-dir"), m_tmp.filePath(QStringLiteral("desk")),
                QStringLiteral("--passphrase-stdin")};
    }
    CliResult cli(const QStringList& args, const QByteArray& input = kPass + '\n')
    {
        return runCli(base() + args, input);
    }

private slots:
    void cleanup()
    {
        if (QTest::currentTestFailed())
            qWarning("server log:\n%s", m_server->log().right(60000).constData());
    }

    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>();
        const QString problem = m_server->start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const CliResult init = cli({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("150")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    }

    void syncBeforeSigningInSaysHow()
    {
        const CliResult r = cli({QStringLiteral("sync")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("practicedesk-cli login")), qPrintable(r.err));
    }

    void loginRefusesPlainHttpToAnotherComputerAndAWrongPassword()
    {
        CliResult r =
            cli({QStringLiteral("login"), QStringLiteral("--server"), QStringLiteral("http://practice.example.org"),
                 QStringLiteral("--user"), QStringLiteral("frontdesk"), QStringLiteral("--password-stdin")},
                kPass + "\nfrontdesk-password\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("https://")));
        r = cli({QStringLiteral("login"), QStringLiteral("--server"), m_server->url().toString(),
                 QStringLiteral("--user"), QStringLiteral("frontdesk"), QStringLiteral("--password-stdin")},
                kPass + "\nwrong password\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("not correct")), qPrintable(r.err));
    }

    void killedAtRandomMomentsItLosesNothing()
    {
        const CliResult login =
            cli({QStringLiteral("login"), QStringLiteral("--server"), m_server->url().toString(),
                 QStringLiteral("--user"), QStringLiteral("frontdesk"), QStringLiteral("--password-stdin")},
                kPass + "\nfrontdesk-password\n");
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY(login.out.contains(QLatin1String("Signed in")));

        QRandomGenerator random(20261123);
        int killed = 0;
        int added = 0;
        for (int round = 0; round < 30; ++round) {
            // New work for every round, so each sync has something to send when it is killed.
            QByteArray csv = "first_name,last_name,email,contact_first_name,contact_email,contact_relation\n";
            for (int i = 0; i < 10; ++i, ++added)
                csv += QStringLiteral("Kill%1,Round%2,k%1@example.com,Parent%1,p%1@example.com,parent\n")
                           .arg(added)
                           .arg(round)
                           .toUtf8();
            const QString file = m_tmp.filePath(QStringLiteral("round%1.csv").arg(round));
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(csv);
            f.close();
            QCOMPARE(cli({QStringLiteral("import-clients"), file}).exitCode, 0);
            QProcess p;
            p.start(qEnvironmentVariable("PD_CLI"), base() + QStringList{QStringLiteral("sync")});
            QVERIFY(p.waitForStarted(10000));
            p.write(kPass + '\n');
            p.closeWriteChannel();
            // The fault itself: SIGKILL at a random moment of the sync (0–150 ms in).
            QSignalSpy finished(&p, &QProcess::finished);
            QTimer::singleShot(static_cast<int>(random.bounded(150)), &p, [&p] { p.kill(); });
            QVERIFY(finished.wait(60000));
            if (p.exitStatus() == QProcess::CrashExit)
                ++killed;
            else // finished before the kill: it must have succeeded
                QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
            const CliResult check = cli({QStringLiteral("check")});
            QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        }
        QVERIFY2(killed >= 20, qPrintable(QStringLiteral("only %1 syncs were killed mid-way").arg(killed)));
        const CliResult last = cli({QStringLiteral("sync")});
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));

        // Every client of this desk is on the server: a fresh desk receives all of them.
        Desk other(m_server->url(), QStringLiteral("other"), 5);
        QVERIFY(other.signIn(QStringLiteral("admin"), ServerProcess::adminPassword()));
        QVERIFY(other.syncOnce());
        QCOMPARE(*other.store().clients().count(), 150 + added);
        const CliResult again = cli({QStringLiteral("sync")});
        QVERIFY(again.out.contains(QLatin1String("sent 0 changes")));
        QVERIFY2(!again.err.contains(QLatin1Char('\r')), "no progress line without a terminal");

        // On a terminal (forced here), a sync shows what has gone each way so far on one line
        // of standard error, erased before the outcome.
        other.addClient(QStringLiteral("Late"), QStringLiteral("Arrival"), QStringLiteral("late@example.com"));
        QVERIFY(other.syncOnce());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PRACTICEDESK_PROGRESS"), QStringLiteral("always"));
        const CliResult watched = runCli(base() + QStringList{QStringLiteral("sync")}, kPass + '\n', env);
        QVERIFY2(watched.exitCode == 0, qPrintable(watched.err));
        QVERIFY2(watched.err.contains(QLatin1String("\rSyncing: sent 0 changes, received")), qPrintable(watched.err));
        QVERIFY2(watched.err.endsWith(QLatin1Char('\r')), "the line is erased at the end");
        QVERIFY2(watched.out.contains(QLatin1String("received 1.")), qPrintable(watched.out));
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "TestCliSync.moc"
