#pragma once

#include "core/Result.h"
#include "storage/vault/SecureBytes.h"

#include <functional>

namespace pd {

// Where a data folder's database key is kept: either the OS keychain, or (when a
// passphrase is given) the passphrase slot practicedesk.keyslot beside the database.
// Never in plaintext. Without a keychain, a passphrase is required.
class KeyVault
{
public:
    using KeyCallback = std::function<void(Result<SecureBytes>)>;
    using StatusCallback = std::function<void(Status)>;

    static QString passphraseSlotPath(const QString& dataDir);
    static bool hasPassphraseSlot(const QString& dataDir);

    // A new random 32-byte key, stored in the passphrase slot (passphrase given) or the
    // keychain (no passphrase; fails with advice when there is no keychain).
    static void create(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done);
    // The folder's key, from the passphrase slot or from the keychain.
    static void unlock(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done);
    // Stores a new key in the folder's slot (after rekey or restore).
    static void replaceKey(const QString& dataDir, const SecureBytes& key, const SecureBytes* passphrase,
                           StatusCallback done);
    // Opens a slot file (e.g. a backup's FILE.keyslot) with its passphrase.
    static Result<SecureBytes> openSlotFile(const QString& path, const SecureBytes& passphrase);
};

} // namespace pd
