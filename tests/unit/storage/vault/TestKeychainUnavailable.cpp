// The key vault on a machine without any keychain, for real: main() points the D-Bus
// session address at a socket that does not exist before anything can touch D-Bus
// (QtKeychain picks its backend once per process), so every QtKeychain job fails the way
// it does on a headless server. Not a KEYCHAIN test: it needs no keyring.
#include "storage/vault/KeyVault.h"
#include "storage/vault/KeychainSlot.h"
#include "tests/unit/storage/vault/VaultTestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using pd::Error;
using pd::KeychainSlot;
using pd::KeyVault;
using pd::Result;
using pd::SecureBytes;
using pd::Status;
using pd::test::await;
using pd::test::fileLeakingKey;

namespace {

const QString kNoKeychain =
    QStringLiteral("No OS keychain is available here. Protect the database with a passphrase (--passphrase-stdin).");

SecureBytes text(const char* s)
{
    return SecureBytes(s, std::strlen(s));
}

} // namespace

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

public:
    explicit TestKeychainUnavailable(QString home) : m_home(std::move(home)) {}

private:
    QString m_home;
    QTemporaryDir m_tmp;
    std::vector<SecureBytes> m_keysSeen;

    QString folder(const QString& name)
    {
        const QString path = m_tmp.filePath(name);
        QDir().mkpath(path);
        return path;
    }
    std::optional<Result<SecureBytes>> unlock(const QString& dir, const SecureBytes* passphrase)
    {
        return await<Result<SecureBytes>>([&](auto done) { KeyVault::unlock(dir, passphrase, done); });
    }

private slots:
    void keychainSlotReportsUnavailableNotNotFound()
    {
        const QString dir = folder(QStringLiteral("slot"));
        QElapsedTimer timer;
        timer.start();
        const auto written = await<Status>([&](auto done) { KeychainSlot::write(dir, SecureBytes::random(32), done); });
        QVERIFY(written);
        QVERIFY(!*written);
        QCOMPARE(written->error().kind, Error::Kind::Unavailable);
        QVERIFY2(written->message().contains(QLatin1String("a passphrase will be used instead")),
                 qPrintable(written->message()));
        qInfo("QtKeychain without D-Bus: \"%s\" after %lld ms (one retry included)", qPrintable(written->message()),
              timer.elapsed());

        const auto read = await<Result<SecureBytes>>([&](auto done) { KeychainSlot::read(dir, done); });
        QCOMPARE(read->error().kind, Error::Kind::Unavailable);
        const auto removed = await<Status>([&](auto done) { KeychainSlot::remove(dir, done); });
        QCOMPARE(removed->error().kind, Error::Kind::Unavailable);
    }

    void createWithoutPassphraseFailsAndWritesNothing()
    {
        const QString dir = folder(QStringLiteral("no-passphrase"));
        const auto key = await<Result<SecureBytes>>([&](auto done) { KeyVault::create(dir, nullptr, done); });
        QVERIFY(key);
        QVERIFY(!*key);
        QCOMPARE(key->error().kind, Error::Kind::Unavailable);
        QCOMPARE(key->message(), kNoKeychain);
        QVERIFY(pd::test::filesBelow(dir).isEmpty());
        QVERIFY(!KeyVault::hasPassphraseSlot(dir));
    }

    void createWithPassphraseUsesThePassphraseSlotAlone()
    {
        const QString dir = folder(QStringLiteral("with-passphrase"));
        const SecureBytes passphrase = text("no keychain on this server");
        const auto key = await<Result<SecureBytes>>([&](auto done) { KeyVault::create(dir, &passphrase, done); });
        QVERIFY2(*key, qPrintable(key->message()));
        m_keysSeen.push_back(key->value().copy());
        QCOMPARE(pd::test::filesBelow(dir), QStringList{KeyVault::passphraseSlotPath(dir)});
        QVERIFY2(fileLeakingKey(dir, key->value()).isEmpty(), "the slot file holds the key in the clear");

        QVERIFY(unlock(dir, &passphrase)->value().equals(key->value()));
        const auto asks = unlock(dir, nullptr);
        QVERIFY(!*asks);
        QCOMPARE(asks->error().kind, Error::Kind::WrongKey);
        QVERIFY2(asks->message().contains(QLatin1String("--passphrase-stdin")), qPrintable(asks->message()));

        // rekey works with the passphrase slot alone; without the passphrase nothing changes.
        const SecureBytes newKey = SecureBytes::random(32);
        m_keysSeen.push_back(newKey.copy());
        QCOMPARE(await<Status>([&](auto done) { KeyVault::replaceKey(dir, newKey, nullptr, done); })->error().kind,
                 Error::Kind::Invalid);
        QVERIFY(unlock(dir, &passphrase)->value().equals(key->value()));
        const auto replaced = await<Status>([&](auto done) { KeyVault::replaceKey(dir, newKey, &passphrase, done); });
        QVERIFY2(*replaced, qPrintable(replaced->message()));
        QVERIFY(unlock(dir, &passphrase)->value().equals(newKey));
        QCOMPARE(pd::test::filesBelow(dir), QStringList{KeyVault::passphraseSlotPath(dir)});
        QVERIFY(fileLeakingKey(dir, newKey).isEmpty());
    }

    void keychainOnlyOperationsSayWhy()
    {
        const QString dir = folder(QStringLiteral("keychain-only"));
        const auto locked = unlock(dir, nullptr);
        QCOMPARE(locked->error().kind, Error::Kind::Unavailable);
        QVERIFY2(locked->message().contains(QLatin1String("No OS keychain is available here")),
                 qPrintable(locked->message()));
        const auto rekey =
            await<Status>([&](auto done) { KeyVault::replaceKey(dir, SecureBytes::random(32), nullptr, done); });
        QCOMPARE(rekey->error().kind, Error::Kind::Unavailable);
        QCOMPARE(rekey->message(), kNoKeychain);
        QVERIFY(pd::test::filesBelow(dir).isEmpty());
    }

    // QtKeychain only has an insecure fallback on its KWallet path (libsecret failures never
    // fall back), so run everything again in a child whose session looks like KDE 4, where
    // QtKeychain goes straight to KWallet and, with the fallback on, would write the key
    // into a plaintext QSettings file.
    void sameOnTheKWalletPath()
    {
        if (qEnvironmentVariableIsSet("PD_VAULT_TEST_KDE4"))
            QSKIP("this is the KWallet-path child");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PD_VAULT_TEST_KDE4"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("Could not open wallet"), output.constData()); // it really took the KWallet path
    }

    // Insecure fallback is off: QtKeychain wrote no plaintext QSettings store in HOME.
    void noPlaintextFallback()
    {
        QVERIFY(!m_keysSeen.empty());
        for (const SecureBytes& key : m_keysSeen) {
            QVERIFY(fileLeakingKey(m_home, key).isEmpty());
            QVERIFY(fileLeakingKey(m_tmp.path(), key).isEmpty());
        }
        for (const auto& [path, bytes] : pd::test::snapshot(m_home))
            QVERIFY2(!bytes.contains("database-key"), qPrintable(path));
    }
};

int main(int argc, char* argv[])
{
    // Before QCoreApplication and any D-Bus or QtKeychain use.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/practicedesk-test/bus");
    // The desktop decides QtKeychain's backend: none (libsecret first), or KDE 4 (KWallet).
    for (const char* name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION"})
        qunsetenv(name);
    if (qEnvironmentVariableIsSet("PD_VAULT_TEST_KDE4")) {
        qputenv("XDG_CURRENT_DESKTOP", "KDE");
        qputenv("KDE_SESSION_VERSION", "4");
    }
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    QCoreApplication app(argc, argv);
    TestKeychainUnavailable test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "TestKeychainUnavailable.moc"
