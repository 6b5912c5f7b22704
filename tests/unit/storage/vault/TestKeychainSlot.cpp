// The OS-keychain slot and the key vault against a REAL keychain: CTest runs this under
// dbus-run-session with an unlocked gnome-keyring (scripts/with-keyring). No mocks.
#include "storage/vault/KeyVault.h"
#include "storage/vault/KeychainSlot.h"
#include "storage/vault/PassphraseSlot.h"
#include "tests/unit/storage/vault/VaultTestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <qt6keychain/keychain.h>

using pd::Error;
using pd::KeychainSlot;
using pd::KeyVault;
using pd::Result;
using pd::SecureBytes;
using pd::Status;
using pd::test::await;
using pd::test::fileLeakingKey;

namespace {

SecureBytes text(const char* s)
{
    return SecureBytes(s, std::strlen(s));
}

} // namespace

class TestKeychainSlot : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::vector<SecureBytes> m_keysSeen; // every key made here, for the final leak check

    QString folder(const QString& name)
    {
        const QString path = m_tmp.filePath(name);
        QDir().mkpath(path);
        return path;
    }

    std::optional<Status> write(const QString& dir, const SecureBytes& key)
    {
        return await<Status>([&](auto done) { KeychainSlot::write(dir, key, done); });
    }
    std::optional<Result<SecureBytes>> read(const QString& dir)
    {
        return await<Result<SecureBytes>>([&](auto done) { KeychainSlot::read(dir, done); });
    }
    std::optional<Result<SecureBytes>> create(const QString& dir, const SecureBytes* passphrase)
    {
        auto key = await<Result<SecureBytes>>([&](auto done) { KeyVault::create(dir, passphrase, done); });
        if (key && *key)
            m_keysSeen.push_back(key->value().copy());
        return key;
    }
    std::optional<Result<SecureBytes>> unlock(const QString& dir, const SecureBytes* passphrase)
    {
        return await<Result<SecureBytes>>([&](auto done) { KeyVault::unlock(dir, passphrase, done); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through CTest: dbus-run-session -- scripts/with-keyring");
    }

    void storeAndReadBack()
    {
        const QString dir = folder(QStringLiteral("store"));
        const SecureBytes key = SecureBytes::random(32);
        const auto stored = write(dir, key);
        QVERIFY(stored);
        QVERIFY2(*stored, qPrintable(stored->message()));
        const auto back = read(dir);
        QVERIFY(back);
        QVERIFY2(*back, qPrintable(back->message()));
        QVERIFY(back->value().equals(key));
        // Writing again replaces the entry.
        const SecureBytes second = SecureBytes::random(32);
        QVERIFY(*write(dir, second));
        QVERIFY(read(dir)->value().equals(second));
    }

    void callbacksRunLaterNotInsideTheCall()
    {
        const QString dir = folder(QStringLiteral("async"));
        bool called = false;
        KeychainSlot::read(dir, [&called](const Result<SecureBytes>&) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        bool vaultCalled = false;
        const SecureBytes shortPassphrase = text("short");
        KeyVault::create(dir, &shortPassphrase, [&vaultCalled](const Result<SecureBytes>& r) {
            vaultCalled = true;
            QCOMPARE(r.error().kind, Error::Kind::Invalid);
        });
        QVERIFY(!vaultCalled); // even an immediate error arrives through the event loop
        QTRY_VERIFY(vaultCalled);
    }

    // The entry is the key in base64 text, under service "PracticeDesk" and the folder's
    // account, in the Secret Service (checked with libsecret's own tool).
    void entryIsBase64TextInTheSecretService()
    {
        const QString dir = folder(QStringLiteral("lookup"));
        const SecureBytes key = SecureBytes::random(32);
        QVERIFY(*write(dir, key));
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"),
                   {QStringLiteral("lookup"), QStringLiteral("user"), KeychainSlot::accountFor(dir),
                    QStringLiteral("server"), QStringLiteral("PracticeDesk"), QStringLiteral("type"),
                    QStringLiteral("plaintext")});
        QVERIFY(tool.waitForFinished(10000));
        QCOMPARE(tool.exitCode(), 0);
        QCOMPARE(tool.readAllStandardOutput().trimmed(), QByteArray(key.chars(), 32).toBase64());
        QVERIFY(KeychainSlot::accountFor(dir).startsWith(QLatin1String("database-key:")));
        QCOMPARE(KeychainSlot::accountFor(dir).size(), 13 + 32);
    }

    // Earlier builds stored the 32 raw bytes (QtKeychain binary mode); those still open.
    void rawEntryFromEarlierBuildsStillReads()
    {
        const QString dir = folder(QStringLiteral("legacy"));
        const SecureBytes key = SecureBytes::random(32);
        auto* job = new QKeychain::WritePasswordJob(QStringLiteral("PracticeDesk"));
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(KeychainSlot::accountFor(dir));
        job->setBinaryData(QByteArray(key.chars(), 32));
        bool done = false;
        connect(job, &QKeychain::Job::finished, this, [&done](QKeychain::Job* j) {
            QCOMPARE(j->error(), QKeychain::NoError);
            done = true;
        });
        job->start();
        QTRY_VERIFY(done);
        const auto back = read(dir);
        QVERIFY2(*back, qPrintable(back->message()));
        QVERIFY(back->value().equals(key));
    }

    void foldersHaveTheirOwnEntries()
    {
        const QString a = folder(QStringLiteral("a"));
        const QString b = folder(QStringLiteral("b"));
        QVERIFY(KeychainSlot::accountFor(a) != KeychainSlot::accountFor(b));
        // One folder, however it is spelled, is one entry.
        QCOMPARE(KeychainSlot::accountFor(a + QStringLiteral("/../a/")), KeychainSlot::accountFor(a));
        const QString link = m_tmp.filePath(QStringLiteral("link-to-a"));
        QVERIFY(QFile::link(a, link));
        QCOMPARE(KeychainSlot::accountFor(link), KeychainSlot::accountFor(a));

        const SecureBytes keyA = SecureBytes::random(32);
        const SecureBytes keyB = SecureBytes::random(32);
        QVERIFY(*write(a, keyA));
        QVERIFY(*write(b, keyB));
        QVERIFY(read(a)->value().equals(keyA));
        QVERIFY(read(b)->value().equals(keyB));
        QVERIFY(read(link)->value().equals(keyA));
    }

    void deleteThenNotFound()
    {
        const QString dir = folder(QStringLiteral("delete"));
        QCOMPARE(read(dir)->error().kind, Error::Kind::NotFound);
        QVERIFY(*write(dir, SecureBytes::random(32)));
        QVERIFY(*read(dir));
        const auto removed = await<Status>([&](auto done) { KeychainSlot::remove(dir, done); });
        QVERIFY2(*removed, qPrintable(removed->message()));
        const auto gone = read(dir);
        QVERIFY(!*gone);
        QCOMPARE(gone->error().kind, Error::Kind::NotFound);
        // Deleting what is not there is not an error.
        QVERIFY(*await<Status>([&](auto done) { KeychainSlot::remove(dir, done); }));
    }

    // --- the vault ---------------------------------------------------------------------

    void vaultCreateAndUnlockThroughTheKeychain()
    {
        const QString dir = folder(QStringLiteral("vault-kc"));
        const auto key = create(dir, nullptr);
        QVERIFY(key);
        QVERIFY2(*key, qPrintable(key->message()));
        QCOMPARE(key->value().size(), size_t(32));
        QVERIFY(!KeyVault::hasPassphraseSlot(dir));
        QVERIFY(pd::test::filesBelow(dir).isEmpty()); // the key went to the keychain only
        const auto unlocked = unlock(dir, nullptr);
        QVERIFY2(*unlocked, qPrintable(unlocked->message()));
        QVERIFY(unlocked->value().equals(key->value()));
        // A passphrase for a folder that has none is a clear error.
        const SecureBytes passphrase = text("a passphrase nobody set");
        const auto withPassphrase = unlock(dir, &passphrase);
        QCOMPARE(withPassphrase->error().kind, Error::Kind::NotFound);
        QVERIFY(withPassphrase->message().contains(QLatin1String("Run without --passphrase-stdin")));
    }

    // Either slot opens the database: losing the keychain entry loses nothing.
    void vaultWithPassphraseHasTwoSlots()
    {
        const QString dir = folder(QStringLiteral("vault-both"));
        const SecureBytes passphrase = text("two slots are safer");
        const auto key = create(dir, &passphrase);
        QVERIFY2(*key, qPrintable(key->message()));
        QVERIFY(KeyVault::hasPassphraseSlot(dir));
        QCOMPARE(pd::test::filesBelow(dir), QStringList{KeyVault::passphraseSlotPath(dir)});
        QVERIFY(fileLeakingKey(dir, key->value()).isEmpty());

        QVERIFY(read(dir)->value().equals(key->value()));                // keychain slot
        QVERIFY(unlock(dir, nullptr)->value().equals(key->value()));     // via the vault
        QVERIFY(unlock(dir, &passphrase)->value().equals(key->value())); // passphrase slot

        const SecureBytes wrong = text("two slots are safe");
        const auto refused = unlock(dir, &wrong);
        QCOMPARE(refused->error().kind, Error::Kind::WrongKey);
        QCOMPARE(refused->message(), QStringLiteral("The passphrase is not correct."));

        // The keychain entry is lost (new user account, reset keyring): ask for the passphrase.
        QVERIFY(*await<Status>([&](auto done) { KeychainSlot::remove(dir, done); }));
        const auto asks = unlock(dir, nullptr);
        QVERIFY(!*asks);
        QCOMPARE(asks->error().kind, Error::Kind::WrongKey);
        QVERIFY2(asks->message().contains(QLatin1String("--passphrase-stdin")), qPrintable(asks->message()));
        QVERIFY(unlock(dir, &passphrase)->value().equals(key->value()));
    }

    void vaultNeverOverwritesAPassphraseSlot()
    {
        const QString dir = folder(QStringLiteral("vault-conflict"));
        const SecureBytes passphrase = text("the first passphrase");
        QVERIFY(*create(dir, &passphrase));
        const QByteArray before = pd::test::readAll(KeyVault::passphraseSlotPath(dir));
        for (const SecureBytes* p : {static_cast<const SecureBytes*>(nullptr), &passphrase}) {
            const auto again = create(dir, p);
            QCOMPARE(again->error().kind, Error::Kind::Conflict);
        }
        QCOMPARE(pd::test::readAll(KeyVault::passphraseSlotPath(dir)), before);
    }

    void vaultPassphrasePolicy()
    {
        const QString dir = folder(QStringLiteral("vault-short"));
        const SecureBytes tooShort = text("1234567");
        const auto refused = create(dir, &tooShort);
        QCOMPARE(refused->error().kind, Error::Kind::Invalid);
        QCOMPARE(refused->message(), QStringLiteral("The passphrase is too short: use at least 8 characters."));
        QVERIFY(pd::test::filesBelow(dir).isEmpty());
        QCOMPARE(read(dir)->error().kind, Error::Kind::NotFound); // nothing was stored
    }

    void vaultChangePassphrase()
    {
        const QString dir = folder(QStringLiteral("vault-change"));
        const SecureBytes oldPassphrase = text("the old passphrase");
        const SecureBytes newPassphrase = text("the new passphrase");
        const auto key = create(dir, &oldPassphrase);
        QVERIFY(*key);

        const auto wrongOld =
            await<Status>([&](auto done) { KeyVault::changePassphrase(dir, newPassphrase, newPassphrase, done); });
        QCOMPARE(wrongOld->error().kind, Error::Kind::WrongKey);
        const SecureBytes tooShort = text("short");
        const auto weak =
            await<Status>([&](auto done) { KeyVault::changePassphrase(dir, oldPassphrase, tooShort, done); });
        QCOMPARE(weak->error().kind, Error::Kind::Invalid);

        const auto changed =
            await<Status>([&](auto done) { KeyVault::changePassphrase(dir, oldPassphrase, newPassphrase, done); });
        QVERIFY2(*changed, qPrintable(changed->message()));
        QCOMPARE(unlock(dir, &oldPassphrase)->error().kind, Error::Kind::WrongKey);
        QVERIFY(unlock(dir, &newPassphrase)->value().equals(key->value()));
        QVERIFY(unlock(dir, nullptr)->value().equals(key->value())); // the keychain slot is untouched
        QVERIFY(fileLeakingKey(dir, key->value()).isEmpty());
    }

    void vaultAddPassphraseSlot()
    {
        const QString dir = folder(QStringLiteral("vault-add"));
        const auto key = create(dir, nullptr);
        QVERIFY(*key);
        const SecureBytes passphrase = text("added later on");
        const auto added =
            await<Status>([&](auto done) { KeyVault::addPassphraseSlot(dir, key->value(), passphrase, done); });
        QVERIFY2(*added, qPrintable(added->message()));
        QVERIFY(unlock(dir, &passphrase)->value().equals(key->value()));
        const auto twice =
            await<Status>([&](auto done) { KeyVault::addPassphraseSlot(dir, key->value(), passphrase, done); });
        QCOMPARE(twice->error().kind, Error::Kind::Conflict);
        QVERIFY(fileLeakingKey(dir, key->value()).isEmpty());
    }

    // rekey: the new key replaces the old one in every slot.
    void vaultReplaceKeyInAllSlots()
    {
        const QString dir = folder(QStringLiteral("vault-rekey"));
        const SecureBytes passphrase = text("rekey me please");
        const auto oldKey = create(dir, &passphrase);
        QVERIFY(*oldKey);
        const SecureBytes newKey = SecureBytes::random(32);
        m_keysSeen.push_back(newKey.copy());

        // Without the passphrase the passphrase slot cannot follow: nothing changes.
        const auto refused = await<Status>([&](auto done) { KeyVault::replaceKey(dir, newKey, nullptr, done); });
        QCOMPARE(refused->error().kind, Error::Kind::Invalid);
        QVERIFY(unlock(dir, nullptr)->value().equals(oldKey->value()));
        QVERIFY(unlock(dir, &passphrase)->value().equals(oldKey->value()));

        const auto replaced = await<Status>([&](auto done) { KeyVault::replaceKey(dir, newKey, &passphrase, done); });
        QVERIFY2(*replaced, qPrintable(replaced->message()));
        QVERIFY(unlock(dir, nullptr)->value().equals(newKey));
        QVERIFY(unlock(dir, &passphrase)->value().equals(newKey));
        QVERIFY(fileLeakingKey(dir, newKey).isEmpty());

        // A keychain-only folder: storeInKeychain / replaceKey without a passphrase.
        const QString kcOnly = folder(QStringLiteral("vault-rekey-kc"));
        QVERIFY(*create(kcOnly, nullptr));
        QVERIFY(*await<Status>([&](auto done) { KeyVault::replaceKey(kcOnly, newKey, nullptr, done); }));
        QVERIFY(unlock(kcOnly, nullptr)->value().equals(newKey));
        const SecureBytes third = SecureBytes::random(32);
        QVERIFY(*await<Status>([&](auto done) { KeyVault::storeInKeychain(kcOnly, third, done); }));
        QVERIFY(unlock(kcOnly, nullptr)->value().equals(third));
        QVERIFY(pd::test::filesBelow(kcOnly).isEmpty());
    }

    void vaultUnlockOfAnUnknownFolder()
    {
        const auto missing = unlock(folder(QStringLiteral("never-created")), nullptr);
        QCOMPARE(missing->error().kind, Error::Kind::NotFound);
        QVERIFY(missing->message().contains(QLatin1String("keychain has no key")));
    }

    // Insecure fallback is off: nothing in the data folders or in HOME (where QtKeychain's
    // plaintext QSettings store would go) holds any key in the clear.
    void noKeyInTheClearAnywhere()
    {
        QVERIFY(!m_keysSeen.empty());
        const QString home = QDir::homePath();
        QVERIFY2(home.startsWith(QDir::tempPath()), "with-keyring gives this test a throwaway HOME");
        for (const SecureBytes& key : m_keysSeen) {
            QVERIFY2(fileLeakingKey(m_tmp.path(), key).isEmpty(), qPrintable(fileLeakingKey(m_tmp.path(), key)));
            QVERIFY2(fileLeakingKey(home, key).isEmpty(), qPrintable(fileLeakingKey(home, key)));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainSlot)
#include "TestKeychainSlot.moc"
