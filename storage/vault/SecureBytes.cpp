#include "storage/vault/SecureBytes.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace pd {

void SecureBytes::initSodium()
{
    // A function-local static is initialised exactly once, even with several threads.
    static const int rc = sodium_init();
    if (rc < 0)
        std::abort(); // no usable randomness: refuse to run rather than make weak keys
}

SecureBytes::SecureBytes(size_t size)
{
    initSodium();
    if (size == 0)
        return;
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!m_data)
        std::abort(); // out of memory; there is no sensible way to go on without the key
    sodium_memzero(m_data, size);
    m_size = size;
}

SecureBytes::SecureBytes(const void* data, size_t size) : SecureBytes(size)
{
    if (size)
        std::memcpy(m_data, data, size);
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBytes::clear()
{
    if (m_data)
        sodium_free(m_data); // wipes the whole allocation, then unlocks and frees it
    m_data = nullptr;
    m_size = 0;
}

SecureBytes SecureBytes::random(size_t size)
{
    SecureBytes b(size);
    if (size)
        randombytes_buf(b.m_data, size);
    return b;
}

SecureBytes SecureBytes::fromText(const QString& text)
{
    QString nfc = text.normalized(QString::NormalizationForm_C);
    QByteArray utf8 = nfc.toUtf8();
    SecureBytes b(utf8.constData(), static_cast<size_t>(utf8.size()));
    wipe(utf8);
    if (!nfc.isSharedWith(text))
        wipe(nfc);
    return b;
}

std::optional<SecureBytes> SecureBytes::readLine(FILE* stream)
{
    SecureBytes buf(4096);
    size_t n = 0;
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(stream)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (n < buf.size() - 1)
            buf.m_data[n++] = static_cast<unsigned char>(c);
    }
    if (!any)
        return std::nullopt;
    if (n > 0 && buf.m_data[n - 1] == '\r')
        --n;
    return SecureBytes(buf.m_data, n);
}

std::optional<SecureBytes> SecureBytes::fromBase64(const void* text, size_t size)
{
    SecureBytes out(size / 4 * 3 + 3);
    size_t written = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.m_data, out.m_size, static_cast<const char*>(text), size, nullptr, &written, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != static_cast<const char*>(text) + size)
        return std::nullopt;
    return SecureBytes(out.m_data, written);
}

SecureBytes SecureBytes::copy() const
{
    return SecureBytes(m_data, m_size);
}

SecureBytes SecureBytes::toHexKeyLiteral() const
{
    // x' + 2 hex digits per byte + ' ; sodium_bin2hex also writes a terminating NUL, which
    // stays allocated (and is wiped with the rest) but is outside size().
    const size_t hexLength = m_size * 2;
    SecureBytes out(hexLength + 4);
    out.m_data[0] = 'x';
    out.m_data[1] = '\'';
    sodium_bin2hex(reinterpret_cast<char*>(out.m_data + 2), hexLength + 1, m_data, m_size);
    out.m_data[hexLength + 2] = '\'';
    out.m_size = hexLength + 3;
    return out;
}

SecureBytes SecureBytes::toBase64() const
{
    // The encoded length counts a terminating NUL; like the hex literal, it is kept
    // allocated (so the text can be handed to C APIs) but outside size().
    const size_t encodedWithNul = sodium_base64_ENCODED_LEN(m_size, sodium_base64_VARIANT_ORIGINAL);
    SecureBytes out(encodedWithNul);
    sodium_bin2base64(reinterpret_cast<char*>(out.m_data), encodedWithNul, m_data, m_size,
                      sodium_base64_VARIANT_ORIGINAL);
    out.m_size = encodedWithNul - 1;
    return out;
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

void SecureBytes::wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
}

void SecureBytes::wipe(QString& text)
{
    if (!text.isEmpty())
        sodium_memzero(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
}

} // namespace pd
