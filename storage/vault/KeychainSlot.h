#pragma once

#include "core/Result.h"
#include "storage/vault/SecureBytes.h"

#include <QString>

#include <functional>

namespace pd {

// The OS-keychain key slot, through QtKeychain (Secret Service via libsecret on Linux,
// Keychain on macOS, Credential Manager on Windows).
//
// - Asynchronous QtKeychain jobs (auto-deleted); the callback runs later on the calling
//   thread's event loop, never inside the call. No nested event loops.
// - Insecure fallback off: QtKeychain never falls back to a plaintext QSettings file.
// - Service "PracticeDesk", one entry per data folder: account "database-key:" + the
//   first 32 hex digits of SHA-256 of the canonical folder path.
// - The value is the key in standard base64 (text), built in secure memory. QtKeychain
//   and the backend copy it into ordinary QByteArrays/strings of their own; those copies
//   are outside our control (we wipe the ones we can reach). Entries written by earlier
//   builds as 32 raw bytes are still read.
// - One retry, after a short pause, when the backend reports that it is not available or
//   fails otherwise: at login the keyring daemon may still be starting (Nextcloud's lesson).
// - Errors: NotFound when the keychain works but has no entry for this folder;
//   Unavailable when there is no usable keychain (no D-Bus session, no Secret Service,
//   locked or access refused) — the message says a passphrase will be used instead;
//   Corrupt when the entry is not a key.
class KeychainSlot
{
public:
    using KeyCallback = std::function<void(Result<SecureBytes>)>;
    using StatusCallback = std::function<void(Status)>;

    static const QString& service();
    static QString accountFor(const QString& dataDir);

    static void read(const QString& dataDir, KeyCallback done);
    static void write(const QString& dataDir, const SecureBytes& key, StatusCallback done);
    // Deleting an entry that does not exist succeeds (the Secret Service does not tell).
    static void remove(const QString& dataDir, StatusCallback done);
};

} // namespace pd
