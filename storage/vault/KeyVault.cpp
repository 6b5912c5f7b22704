#include "storage/vault/KeyVault.h"

#include "storage/vault/KeychainSlot.h"
#include "storage/vault/PassphraseSlot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <memory>

namespace pd {

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("KeyVault", s);
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
    auto key = std::make_shared<SecureBytes>(SecureBytes::random(32));
    if (passphrase) {
        auto sealed = PassphraseSlot::seal(*passphrase, *key, PassphraseSlot::defaultCost());
        if (!sealed)
            return done(sealed.error());
        if (Status s = PassphraseSlot::writeFile(passphraseSlotPath(dataDir), *sealed); !s)
            return done(s.error());
        return done(std::move(*key));
    }
    KeychainSlot::write(dataDir, *key, [key, done](Status s) {
        if (!s) {
            if (s.error().kind == Error::Kind::Unavailable)
                return done(Error::make(Error::Kind::Unavailable,
                                        tr("%1 Protect the database with a passphrase instead (--passphrase-stdin); "
                                           "the key is never stored unprotected.")
                                            .arg(s.message())));
            return done(s.error());
        }
        done(std::move(*key));
    });
}

void KeyVault::unlock(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done)
{
    if (passphrase) {
        if (!hasPassphraseSlot(dataDir))
            return done(Error::make(Error::Kind::NotFound,
                                    tr("This database is not protected by a passphrase; its key is in the OS keychain. "
                                       "Run without --passphrase-stdin.")));
        return done(openSlotFile(passphraseSlotPath(dataDir), *passphrase));
    }
    const bool hasSlot = hasPassphraseSlot(dataDir);
    KeychainSlot::read(dataDir, [hasSlot, done](Result<SecureBytes> key) {
        if (!key && hasSlot)
            return done(Error::make(Error::Kind::WrongKey,
                                    tr("This database is protected by a passphrase: give it on standard input with "
                                       "--passphrase-stdin.")));
        if (!key && key.error().kind == Error::Kind::NotFound)
            return done(Error::make(Error::Kind::NotFound,
                                    tr("The OS keychain has no key for this database (was it made on another "
                                       "machine or by another user?). Restore from a backup with its passphrase.")));
        done(std::move(key));
    });
}

void KeyVault::replaceKey(const QString& dataDir, const SecureBytes& key, const SecureBytes* passphrase,
                          StatusCallback done)
{
    if (passphrase) {
        auto sealed = PassphraseSlot::seal(*passphrase, key, PassphraseSlot::defaultCost());
        if (!sealed)
            return done(sealed.error());
        return done(PassphraseSlot::writeFile(passphraseSlotPath(dataDir), *sealed));
    }
    if (hasPassphraseSlot(dataDir))
        return done(Error::invalid(tr("This database is protected by a passphrase: give it with --passphrase-stdin so "
                                      "the passphrase slot can hold the new key.")));
    KeychainSlot::write(dataDir, key, std::move(done));
}

} // namespace pd
