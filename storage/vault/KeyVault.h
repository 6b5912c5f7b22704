#pragma once

#include "core/Result.h"
#include "storage/vault/SecureBytes.h"

#include <QString>

#include <functional>

namespace pd {

// The key vault of a data folder (DESIGN.md §3): the database key is 32 random bytes kept
// in key slots, like LUKS, and either slot opens the database:
//   - the OS-keychain slot (KeychainSlot), used whenever a keychain works;
//   - the passphrase slot practicedesk.keyslot beside the database (PassphraseSlot), when
//     a passphrase is given. Where no keychain works it is the only slot.
// The key is never written anywhere in plaintext.
//
// Every operation is asynchronous: the callback runs later, on the calling thread's event
// loop (never inside the call, never in a nested event loop). Argon2id work runs on
// QThreadPool::globalInstance(), so a user interface stays responsive. Passphrases are
// UTF-8 bytes (e.g. SecureBytes::readLine or SecureBytes::fromText) and are normalised to
// NFC by the passphrase slot; the callers' SecureBytes are copied, so they may go away
// once the call returns. Passphrase slots use PassphraseSlot::defaultCost().
class KeyVault
{
public:
    using KeyCallback = std::function<void(Result<SecureBytes>)>;
    using StatusCallback = std::function<void(Status)>;

    static constexpr size_t kKeyBytes = 32;

    static QString passphraseSlotPath(const QString& dataDir);
    static bool hasPassphraseSlot(const QString& dataDir);

    // Generates a new random key and stores it in the keychain, and, when a passphrase is
    // given, in a new passphrase slot too. Without a keychain and without a passphrase it
    // fails ("No OS keychain is available here. Protect the database with a passphrase
    // (--passphrase-stdin).") and writes nothing. Refuses (Conflict) when the folder already
    // has a passphrase slot, which is left untouched.
    static void create(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done);
    // The folder's key: from the passphrase slot when a passphrase is given, else from the
    // keychain. When the keychain cannot give it but a passphrase slot exists, the error
    // asks for the passphrase.
    static void unlock(const QString& dataDir, const SecureBytes* passphrase, KeyCallback done);
    // Re-seals the key of an existing passphrase slot under a new passphrase (WrongKey if
    // the old passphrase does not open it). The keychain slot is not involved.
    static void changePassphrase(const QString& dataDir, const SecureBytes& oldPassphrase,
                                 const SecureBytes& newPassphrase, StatusCallback done);
    // Adds a passphrase slot holding key (the unlocked key) to a folder that has none.
    static void addPassphraseSlot(const QString& dataDir, const SecureBytes& key, const SecureBytes& passphrase,
                                  StatusCallback done);
    // Stores key in the keychain slot, replacing what was there. Unavailable when there is
    // no keychain.
    static void storeInKeychain(const QString& dataDir, const SecureBytes& key, StatusCallback done);
    // After rekey or restore: key replaces the old key in every slot. A folder with a
    // passphrase slot needs the passphrase (the slot is re-sealed under it; nothing is
    // changed without it); the keychain slot is rewritten where a keychain works, and must
    // work when there is no passphrase slot.
    static void replaceKey(const QString& dataDir, const SecureBytes& key, const SecureBytes* passphrase,
                           StatusCallback done);
    // Opens a slot file (e.g. a backup's FILE.keyslot) with its passphrase. Synchronous:
    // it runs Argon2id on the calling thread.
    static Result<SecureBytes> openSlotFile(const QString& path, const SecureBytes& passphrase);
};

} // namespace pd
