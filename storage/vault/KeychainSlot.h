#pragma once

#include "core/Result.h"
#include "storage/vault/SecureBytes.h"

#include <functional>

namespace pd {

// The OS-keychain key slot, through QtKeychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows). Asynchronous jobs, insecure fallback off, one
// entry per data folder (account "database-key:<hash of the folder path>"), and one retry
// when the backend is still starting (Nextcloud's lesson). "No entry" (NotFound) and "no
// keychain here" (Unavailable) are told apart.
class KeychainSlot
{
public:
    static QString accountFor(const QString& dataDir);
    static void read(const QString& dataDir, std::function<void(Result<SecureBytes>)> done);
    static void write(const QString& dataDir, const SecureBytes& key, std::function<void(Status)> done);
    static void remove(const QString& dataDir, std::function<void(Status)> done);
};

} // namespace pd
