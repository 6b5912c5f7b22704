#pragma once

#include "core/Result.h"
#include "storage/vault/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace pd {

// Argon2id cost for new passphrase slots. Each slot stores the parameters it was made
// with, so opening always uses what was written, whatever the cost is today.
enum class KdfCost {
    Interactive, // crypto_pwhash_*_INTERACTIVE: 2 passes, 64 MiB (tests, low-memory machines)
    Moderate,    // crypto_pwhash_*_MODERATE: 3 passes, 256 MiB (real use)
};

// The passphrase key slot (DESIGN.md §3), like a LUKS key slot: Argon2id (libsodium
// crypto_pwhash) turns the passphrase into a key-encryption key, which seals the 32-byte
// database key with crypto_secretbox (XSalsa20-Poly1305). The file holds no secret in
// the clear.
//
// File format "PDKS1", 126 bytes, binary, integers unsigned little-endian:
//   offset size
//        0    5  magic and format version: the ASCII bytes "PDKS1"
//        5    1  algorithm id: 1 = Argon2id v1.3 (crypto_pwhash_ALG_ARGON2ID13) + crypto_secretbox
//        6    8  Argon2id opslimit (passes)
//       14    8  Argon2id memlimit (bytes)
//       22   16  salt (random per slot)
//       38   24  nonce (random per slot)
//       62   48  the sealed 32-byte database key followed by its 16-byte Poly1305 MAC
//      110   16  checksum: unkeyed BLAKE2b-128 (crypto_generichash) of bytes 0..109
// The checksum only tells disk damage or truncation (Corrupt) apart from a wrong
// passphrase (WrongKey, the MAC fails); it is no defence against deliberate edits, and
// needs none: a changed salt or cost derives another key-encryption key and the MAC fails.
// Stored costs outside [minimum, 10 passes / 1 GiB] are refused before any work is done,
// so a damaged or hostile file cannot make us spend minutes or gigabytes.
class PassphraseSlot
{
public:
    static constexpr int kMinimumLength = 8; // characters (Unicode code points after NFC)
    static constexpr size_t kKeyBytes = 32;
    static constexpr qsizetype kFileSize = 126;

    // The passphrase policy; the message says what is missing. Expects normalize()d bytes.
    static Status checkPolicy(const SecureBytes& passphrase);
    // UTF-8 bytes (e.g. read from standard input) -> UTF-8 in Unicode NFC, in secure memory.
    // Invalid UTF-8 is refused rather than guessed at.
    static Result<SecureBytes> normalize(const SecureBytes& utf8);

    // Seals dbKey under the passphrase: the slot file's bytes. Checks the policy first.
    static Result<QByteArray> create(const SecureBytes& passphrase, const SecureBytes& dbKey, KdfCost cost);
    static Result<QByteArray> create(const QString& passphrase, const SecureBytes& dbKey, KdfCost cost);
    // The database key. WrongKey ("The passphrase is not correct.") when the passphrase does
    // not open the slot; Corrupt for a damaged, truncated or foreign file; TooNew for a
    // slot format or algorithm this build does not know.
    static Result<SecureBytes> open(const QByteArray& fileBytes, const SecureBytes& passphrase);
    static Result<SecureBytes> open(const QByteArray& fileBytes, const QString& passphrase);

    // Reads a slot file (NotFound if it does not exist).
    static Result<QByteArray> readFile(const QString& path);
    // Writes a slot file atomically (QSaveFile), readable and writable by the owner only.
    static Status writeFile(const QString& path, const QByteArray& fileBytes);

    // The cost for new slots: Moderate, or Interactive when PRACTICEDESK_KDF=interactive
    // (the test suite sets it so hundreds of unlocks stay fast).
    static KdfCost defaultCost();
};

} // namespace pd
