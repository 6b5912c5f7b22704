// practicedesk-cli with the OS keychain: runs inside its own D-Bus session with an
// unlocked gnome-keyring (KEYCHAIN test, scripts/with-keyring). No mocks.
#include "tests/testsupport/TestSupport.h"
#include "tests/unit/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using pd::test::runCli;

class TestAdminKeychain : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void keyLivesInTheKeychain()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("kc"));
        const auto init = runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("init"), QStringLiteral("--demo"),
                                  QStringLiteral("20")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        // No passphrase slot was needed, and the folder holds nothing a thief could use.
        QVERIFY(!QFile::exists(dir + QStringLiteral("/practicedesk.keyslot")));
        for (const auto& [path, bytes] : pd::test::snapshot(dir))
            QVERIFY2(!bytes.startsWith("SQLite format 3"), qPrintable(path));
        const auto list = runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("list-clients")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY(list.out.contains(QLatin1String("of 20 clients")));
        // rekey replaces the key in the keychain too: the database still opens.
        QCOMPARE(runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("rekey")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("check")}).exitCode, 0);
    }

    void twoFoldersHaveTwoKeys()
    {
        const QString a = m_tmp.filePath(QStringLiteral("a"));
        const QString b = m_tmp.filePath(QStringLiteral("b"));
        QCOMPARE(runCli({QStringLiteral("--data-dir"), a, QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("--data-dir"), b, QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("--data-dir"), a, QStringLiteral("check")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("--data-dir"), b, QStringLiteral("check")}).exitCode, 0);
    }

    void withoutAKeychainAPassphraseIsRequiredNeverPlaintext()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/practicedesk-bus"));
        const QString dir = m_tmp.filePath(QStringLiteral("nokc"));
        const auto r = runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("init")}, {}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("passphrase")), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/practicedesk.db")));

        const auto withPass =
            runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("--passphrase-stdin"), QStringLiteral("init")},
                   "a long enough passphrase\n", env);
        QVERIFY2(withPass.exitCode == 0, qPrintable(withPass.err));
        QVERIFY(QFile::exists(dir + QStringLiteral("/practicedesk.keyslot")));
        const auto list = runCli(
            {QStringLiteral("--data-dir"), dir, QStringLiteral("--passphrase-stdin"), QStringLiteral("list-clients")},
            "a long enough passphrase\n", env);
        QCOMPARE(list.exitCode, 0);
        // Without the passphrase, the tool asks for it instead of failing obscurely.
        const auto noPass = runCli({QStringLiteral("--data-dir"), dir, QStringLiteral("list-clients")}, {}, env);
        QCOMPARE(noPass.exitCode, 1);
        QVERIFY2(noPass.err.contains(QLatin1String("--passphrase-stdin")), qPrintable(noPass.err));
    }
};

QTEST_GUILESS_MAIN(TestAdminKeychain)
#include "TestAdminKeychain.moc"
