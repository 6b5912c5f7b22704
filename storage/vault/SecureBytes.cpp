#include "storage/vault/SecureBytes.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace pd {

void SecureBytes::initSodium()
{
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
        std::abort();
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
{
}

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
        sodium_free(m_data); // wipes before freeing
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
    QByteArray utf8 = text.normalized(QString::NormalizationForm_C).toUtf8();
    SecureBytes b(utf8.constData(), static_cast<size_t>(utf8.size()));
    sodium_memzero(utf8.data(), static_cast<size_t>(utf8.size()));
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
        if (n < buf.size())
            buf.m_data[n++] = static_cast<unsigned char>(c);
    }
    if (!any)
        return std::nullopt;
    if (n > 0 && buf.m_data[n - 1] == '\r')
        --n;
    return SecureBytes(buf.m_data, n);
}

SecureBytes SecureBytes::copy() const
{
    return SecureBytes(m_data, m_size);
}

SecureBytes SecureBytes::toHexKeyLiteral() const
{
    // x' + 2 hex per byte + ' ; sodium_bin2hex writes a terminating NUL too.
    SecureBytes out(m_size * 2 + 4);
    out.m_data[0] = 'x';
    out.m_data[1] = '\'';
    sodium_bin2hex(reinterpret_cast<char*>(out.m_data + 2), m_size * 2 + 1, m_data, m_size);
    out.m_data[m_size * 2 + 2] = '\'';
    out.m_size = m_size * 2 + 3; // the NUL stays allocated but outside size()
    return out;
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

} // namespace pd
