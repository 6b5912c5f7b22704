#include "storage/vault/KeyVault.h"

#include "storage/vault/KeychainSlot.h"
#include "storage/vault/PassphraseSlot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace pd {

namespace {

Error noKeychainNoPassphrase()
{
    return Error::make(Error::Kind::Unavailable,
                       QCoreApplication::translate(
                           "KeyVault", "No OS keychain is available here. Protect the database with a passphrase "
                                       "(--passphrase-stdin)."));
}

// Delivers an early error the same way as every other result: later, from the event loop.
template <typename Callback> void failLater(Callback done, Error error)
{
    QTimer::singleShot(0, [done = std::move(done), error = std::move(error)] { done(error); });
}

// Runs work() on the global thread pool and hands its result to deliver() on the calling
// thread (through its event loop). Used for Argon2id, which takes about a second at the
// moderate cost.
template <typename R> void inBackground(std::function<R()> work, std::function<void(R)> deliver)
{
    auto* receiver = new QObject; // lives in the calling thread; delivers there, then goes
    QThreadPool::globalInstance()->start([receiver, work = std::move(work), deliver = std::move(deliver)] {
        auto result = std::make_shared<R>(work());
        QMetaObject::invokeMethod(
            receiver,
            [receiver, result, deliver] {
                receiver->deleteLater();
                deliver(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

// A slot file written to a temporary file beside its place now and renamed into place by
// commit() only, so that a keychain failure in between leaves the old slot file untouched
// (both slots then still hold the same, old, key).
class PendingSlotFile
{
public:
    Status prepare(const QString& path, const QByteArray& bytes)
    {
        m_file = std::make_unique<QSaveFile>(path);
        if (!m_file->open(QIODevice::WriteOnly) ||
            !m_file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            m_file->write(bytes) != bytes.size() || !m_file->flush())
            return failed();
        return {};
    }
    Status commit()
    {
        if (!m_file->commit())
            return failed();
        return {};
    }

private:
    Error failed() const
    {
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("KeyVault", "The key slot file %1 cannot be written: %2")
                               .arg(QDir::toNativeSeparators(m_file->fileName()), m_file->errorString()));
    }

    std::unique_ptr<QSaveFile> m_file;
};

// Seals key under passphrase in the background, then writes the keychain slot and, once
// that has worked or there is no keychain at all, puts the passphrase slot file in place.
void storeInBothSlots(const QString& dataDir, std::shared_ptr<const SecureBytes> key,
                      std::shared_ptr<const SecureBytes> passphrase, KeyVault::StatusCallback done)
{
    inBackground<Result<QByteArray>>(
        [key, passphrase] { return PassphraseSlot::create(*passphrase, *key, PassphraseSlot::defaultCost()); },
        [dataDir, key, done](Result<QByteArray> sealed) {
            if (!sealed)
                return done(sealed.error());
            auto pending = std::make_shared<PendingSlotFile>();
            if (Status s = pending->prepare(KeyVault::passphraseSlotPath(dataDir), *sealed); !s)
                return done(s);
            KeychainSlot::write(dataDir, *key, [pending, done](Status s) {
                // No keychain here: the passphrase slot alone holds the key.
                if (!s && s.error().kind != Error::Kind::Unavailable)
                    return done(s);
                done(pending->commit());
            });
        });
}

} // namespace

QString KeyVault::passphraseSlotPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("practicedesk.keyslot"));
}

bool KeyVault::hasPassphraseSlot(const QString& dataDir)
{
    return QFileInfo::exists(passphraseSlotPath(dataDir));
}

Result<SecureBytes> KeyVault::openSlotFile(const QString& path, const SecureBytes& passphrase)
{
    auto slot = PassphraseSlot::readFile(path);
    if (!slot)
        return slot.error();
    return PassphraseSlot::open(*slot, passphrase);
}

void KeyVault::create(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done)
{
    if (hasPassphraseSlot(dataDir))
        return failLater(
            std::move(done),
            Error::make(Error::Kind::Conflict,
                        QCoreApplication::translate(
                            "KeyVault", "%1 already has a key slot file; it was left untouched. Move it away if it "
                                        "belongs to no database.")
                            .arg(QDir::toNativeSeparators(passphraseSlotPath(dataDir)))));
    auto key = std::make_shared<SecureBytes>(SecureBytes::random(kKeyBytes));
    if (!passphrase) {
        KeychainSlot::write(dataDir, *key, [key, done](Status s) {
            if (!s)
                return done(s.error().kind == Error::Kind::Unavailable ? noKeychainNoPassphrase() : s.error());
            done(std::move(*key));
        });
        return;
    }
    auto secret = std::make_shared<const SecureBytes>(passphrase->copy());
    storeInBothSlots(dataDir, key, secret, [key, done](Status s) {
        if (!s)
            return done(s.error());
        done(std::move(*key));
    });
}

void KeyVault::unlock(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done)
{
    if (passphrase) {
        if (!hasPassphraseSlot(dataDir))
            return failLater(
                std::move(done),
                Error::make(Error::Kind::NotFound,
                            QCoreApplication::translate(
                                "KeyVault", "This database is not protected by a passphrase; its key is in the OS "
                                            "keychain. Run without --passphrase-stdin.")));
        auto secret = std::make_shared<const SecureBytes>(passphrase->copy());
        const QString path = passphraseSlotPath(dataDir);
        inBackground<Result<SecureBytes>>([path, secret] { return openSlotFile(path, *secret); }, std::move(done));
        return;
    }
    KeychainSlot::read(dataDir, [dataDir, done](Result<SecureBytes> key) {
        if (key)
            return done(std::move(key));
        const Error& e = key.error();
        if (hasPassphraseSlot(dataDir))
            return done(Error::make(Error::Kind::WrongKey,
                                    QCoreApplication::translate(
                                        "KeyVault",
                                        "The OS keychain cannot give this database's key (%1). The database is also "
                                        "protected by a passphrase: give it on standard input with --passphrase-stdin.")
                                        .arg(e.message)));
        if (e.kind == Error::Kind::NotFound)
            return done(Error::make(Error::Kind::NotFound,
                                    QCoreApplication::translate(
                                        "KeyVault",
                                        "The OS keychain has no key for this database (was it made on another machine "
                                        "or by another user?). Restore from a backup with its passphrase.")));
        if (e.kind == Error::Kind::Unavailable)
            return done(Error::make(
                Error::Kind::Unavailable,
                QCoreApplication::translate(
                    "KeyVault", "No OS keychain is available here, and this database has no passphrase: its key "
                                "is in the OS keychain of the desktop session that created it. Open it there, "
                                "or restore a backup with its passphrase.")));
        done(e);
    });
}

void KeyVault::changePassphrase(const QString& dataDir, const SecureBytes& oldPassphrase,
                                const SecureBytes& newPassphrase, StatusCallback done)
{
    if (!hasPassphraseSlot(dataDir))
        return failLater(std::move(done),
                         Error::make(Error::Kind::NotFound,
                                     QCoreApplication::translate(
                                         "KeyVault", "This database has no passphrase yet; add one instead.")));
    auto oldSecret = std::make_shared<const SecureBytes>(oldPassphrase.copy());
    auto newSecret = std::make_shared<const SecureBytes>(newPassphrase.copy());
    const QString path = passphraseSlotPath(dataDir);
    inBackground<Status>(
        [path, oldSecret, newSecret]() -> Status {
            // The new passphrase's policy first: it is cheap, the old one's KDF is not.
            auto normalized = PassphraseSlot::normalize(*newSecret);
            if (!normalized)
                return normalized.error();
            if (Status s = PassphraseSlot::checkPolicy(*normalized); !s)
                return s;
            auto key = openSlotFile(path, *oldSecret);
            if (!key)
                return key.error();
            auto sealed = PassphraseSlot::create(*newSecret, *key, PassphraseSlot::defaultCost());
            if (!sealed)
                return sealed.error();
            return PassphraseSlot::writeFile(path, *sealed);
        },
        std::move(done));
}

void KeyVault::addPassphraseSlot(const QString& dataDir, const SecureBytes& key, const SecureBytes& passphrase,
                                 StatusCallback done)
{
    if (hasPassphraseSlot(dataDir))
        return failLater(std::move(done),
                         Error::make(Error::Kind::Conflict,
                                     QCoreApplication::translate(
                                         "KeyVault", "This database already has a passphrase; change it instead.")));
    if (key.size() != kKeyBytes)
        return failLater(std::move(done),
                         Error::make(Error::Kind::Internal,
                                     QCoreApplication::translate("KeyVault", "The database key has the wrong size.")));
    auto secret = std::make_shared<const SecureBytes>(passphrase.copy());
    auto keyCopy = std::make_shared<const SecureBytes>(key.copy());
    const QString path = passphraseSlotPath(dataDir);
    inBackground<Status>(
        [path, secret, keyCopy]() -> Status {
            auto sealed = PassphraseSlot::create(*secret, *keyCopy, PassphraseSlot::defaultCost());
            if (!sealed)
                return sealed.error();
            return PassphraseSlot::writeFile(path, *sealed);
        },
        std::move(done));
}

void KeyVault::storeInKeychain(const QString& dataDir, const SecureBytes& key, StatusCallback done)
{
    if (key.size() != kKeyBytes)
        return failLater(std::move(done),
                         Error::make(Error::Kind::Internal,
                                     QCoreApplication::translate("KeyVault", "The database key has the wrong size.")));
    KeychainSlot::write(dataDir, key, std::move(done));
}

void KeyVault::replaceKey(const QString& dataDir, const SecureBytes& key, const SecureBytes* passphrase,
                          StatusCallback done)
{
    if (key.size() != kKeyBytes)
        return failLater(std::move(done),
                         Error::make(Error::Kind::Internal,
                                     QCoreApplication::translate("KeyVault", "The database key has the wrong size.")));
    if (!passphrase) {
        if (hasPassphraseSlot(dataDir))
            return failLater(std::move(done),
                             Error::invalid(QCoreApplication::translate(
                                 "KeyVault", "This database is protected by a passphrase: give it with "
                                             "--passphrase-stdin so the passphrase slot can hold the new key.")));
        KeychainSlot::write(dataDir, key, [done](Status s) {
            if (!s && s.error().kind == Error::Kind::Unavailable)
                return done(noKeychainNoPassphrase());
            done(s);
        });
        return;
    }
    storeInBothSlots(dataDir, std::make_shared<const SecureBytes>(key.copy()),
                     std::make_shared<const SecureBytes>(passphrase->copy()), std::move(done));
}

} // namespace pd
