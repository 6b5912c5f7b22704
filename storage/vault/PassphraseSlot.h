#pragma once

#include "core/Result.h"
#include "storage/vault/SecureBytes.h"

#include <QByteArray>

namespace pd {

// The passphrase key slot (DESIGN.md §3): Argon2id (libsodium crypto_pwhash) turns the
// passphrase into a key-encryption key that seals the 32-byte database key with
// crypto_secretbox (XSalsa20-Poly1305). File layout, 110 bytes, integers little-endian:
//   "PDKS" | version 1 (1 byte) | algorithm 2 = Argon2id v1.3 (1 byte)
//   | opslimit (8) | memlimit (8) | salt (16) | nonce (24) | sealed key + MAC (32 + 16)
// The KDF cost is stored, so a slot always opens with the cost it was made with.
class PassphraseSlot
{
public:
    enum class Cost {
        Moderate,    // real use: ~256 MiB, 3 passes
        Interactive, // tests and low-memory machines: 64 MiB, 2 passes
    };

    static constexpr int kMinimumLength = 8;

    // Checks the passphrase policy; the message says what is missing.
    static Status checkPolicy(const SecureBytes& passphrase);
    static Result<QByteArray> seal(const SecureBytes& passphrase, const SecureBytes& key, Cost cost);
    // WrongKey for a wrong passphrase, Corrupt for a file that is not a valid slot.
    static Result<SecureBytes> open(const QByteArray& slot, const SecureBytes& passphrase);

    // Reads/writes a slot file (written atomically, readable by the owner only).
    static Result<QByteArray> readFile(const QString& path);
    static Status writeFile(const QString& path, const QByteArray& slot);
    // The cost for new slots: Moderate, or Interactive when PRACTICEDESK_KDF=interactive
    // (set by the test suite so hundreds of unlocks stay fast).
    static Cost defaultCost();
};

} // namespace pd
