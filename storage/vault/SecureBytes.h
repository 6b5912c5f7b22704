#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdio>
#include <optional>

namespace pd {

// Bytes in libsodium's guarded, locked memory (sodium_malloc: guard pages, mlock'ed so
// never swapped, canary checked on free), wiped when released. Database keys and
// passphrases live only here; conversions (hex literal, base64) write into another
// SecureBytes, never into a QString/QByteArray on the normal heap.
// Move-only; copy() makes an explicit second copy in secure memory.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(size_t size); // zero-filled
    SecureBytes(const void* data, size_t size);
    ~SecureBytes();
    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    // size bytes from the system CSPRNG (randombytes_buf).
    static SecureBytes random(size_t size);
    // The UTF-8 bytes of text in Unicode NFC (so a passphrase typed in decomposed form, as
    // macOS input methods may produce, opens the same slot). The temporary UTF-8 copy Qt
    // makes is wiped; the caller's QString is the caller's to wipe (see wipe()).
    static SecureBytes fromText(const QString& text);
    // Reads one line (without the line break) from a stream; nullopt at end of input.
    // Lines longer than 4095 bytes are cut. (stdio's own buffer is outside our control.)
    static std::optional<SecureBytes> readLine(FILE* stream);
    // Decodes standard base64 (RFC 4648, with padding) into secure memory; nullopt if the
    // text is not valid base64.
    static std::optional<SecureBytes> fromBase64(const void* text, size_t size);

    SecureBytes copy() const;
    // The SQLCipher raw-key literal x'<hex>' for these bytes (x'<64 hex>' for a 32-byte key),
    // itself in secure memory, for PRAGMA key / sqlite3_key().
    SecureBytes toHexKeyLiteral() const;
    // Standard base64 with padding, in secure memory (the OS-keychain value).
    SecureBytes toBase64() const;

    const unsigned char* data() const { return m_data; }
    unsigned char* data() { return m_data; }
    const char* chars() const { return reinterpret_cast<const char*>(m_data); }
    size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Constant-time comparison of the contents (sodium_memcmp); sizes are not secret.
    bool equals(const SecureBytes& other) const;
    // Wipes and frees now; the object is empty afterwards.
    void clear();

    // Zeroes a heap copy of a secret we had to make for an API that only takes Qt types.
    // The contents are zeroed in place (the size stays); a buffer shared with another
    // QByteArray/QString is detached first, so only this object's own copy is touched.
    static void wipe(QByteArray& bytes);
    static void wipe(QString& text);

    // Initialises libsodium once (thread-safe, idempotent); every constructor calls it.
    static void initSodium();

private:
    unsigned char* m_data = nullptr;
    size_t m_size = 0;
};

} // namespace pd
