#pragma once

#include <QString>

#include <cstddef>
#include <cstdio>
#include <optional>

namespace pd {

// Bytes in libsodium's guarded, locked memory (sodium_malloc: mlock'ed, guard pages,
// never swapped), wiped when released. Key material and passphrases live only here.
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

    static SecureBytes random(size_t size);
    // The UTF-8 bytes of text in Unicode NFC (so a passphrase typed on another system in
    // decomposed form opens the same slot).
    static SecureBytes fromText(const QString& text);
    // Reads one line (without the line break) from a stream; nullopt at end of input.
    static std::optional<SecureBytes> readLine(FILE* stream);

    SecureBytes copy() const;
    // The SQLCipher raw-key literal x'<hex>' for these bytes, itself in secure memory.
    SecureBytes toHexKeyLiteral() const;

    const unsigned char* data() const { return m_data; }
    unsigned char* data() { return m_data; }
    size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // Constant-time comparison.
    bool equals(const SecureBytes& other) const;
    void clear();

    // Call once before any use from several threads (idempotent); every constructor calls it.
    static void initSodium();

private:
    unsigned char* m_data = nullptr;
    size_t m_size = 0;
};

} // namespace pd
