#include "storage/vault/PassphraseSlot.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <sodium.h>

namespace pd {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("PassphraseSlot", s);
}

constexpr char kMagic[4] = {'P', 'D', 'K', 'S'};
constexpr unsigned char kVersion = 1;
constexpr unsigned char kArgon2id = 2;
constexpr size_t kKeyBytes = 32;
constexpr size_t kHeader = 4 + 1 + 1 + 8 + 8;
constexpr size_t kSlotSize = kHeader + crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES + kKeyBytes +
                             crypto_secretbox_MACBYTES;
// Bounds for stored KDF parameters: a damaged or hostile file must not make us spend
// minutes or gigabytes.
constexpr quint64 kMaxOps = 20;
constexpr quint64 kMaxMem = quint64(1) << 30;

void putU64(QByteArray& out, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        out.append(static_cast<char>((v >> (8 * i)) & 0xff));
}

quint64 getU64(const char* p)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v |= quint64(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

Result<SecureBytes> deriveKek(const SecureBytes& passphrase, const unsigned char* salt, quint64 ops, quint64 mem)
{
    SecureBytes kek(crypto_secretbox_KEYBYTES);
    if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char*>(passphrase.data()), passphrase.size(), salt,
                      ops, static_cast<size_t>(mem), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::make(Error::Kind::Unavailable, tr("Not enough memory to check the passphrase."));
    return kek;
}

} // namespace

PassphraseSlot::Cost PassphraseSlot::defaultCost()
{
    return qEnvironmentVariable("PRACTICEDESK_KDF") == QLatin1String("interactive") ? Cost::Interactive : Cost::Moderate;
}

Status PassphraseSlot::checkPolicy(const SecureBytes& passphrase)
{
    // Count characters, not bytes: "ñ" is one character.
    size_t chars = 0;
    for (size_t i = 0; i < passphrase.size(); ++i)
        if ((passphrase.data()[i] & 0xC0) != 0x80)
            ++chars;
    if (chars < static_cast<size_t>(kMinimumLength))
        return Error::invalid(tr("The passphrase is too short: use at least %1 characters.").arg(kMinimumLength),
                              QStringLiteral("passphrase"));
    return {};
}

Result<QByteArray> PassphraseSlot::seal(const SecureBytes& passphrase, const SecureBytes& key, Cost cost)
{
    SecureBytes::initSodium();
    if (Status s = checkPolicy(passphrase); !s)
        return s.error();
    if (key.size() != kKeyBytes)
        return Error::make(Error::Kind::Internal, tr("The database key has the wrong size."));
    const quint64 ops = cost == Cost::Moderate ? crypto_pwhash_OPSLIMIT_MODERATE : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const quint64 mem = cost == Cost::Moderate ? crypto_pwhash_MEMLIMIT_MODERATE : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    unsigned char salt[crypto_pwhash_SALTBYTES];
    unsigned char nonce[crypto_secretbox_NONCEBYTES];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    auto kek = deriveKek(passphrase, salt, ops, mem);
    if (!kek)
        return kek.error();
    QByteArray out(kMagic, 4);
    out.append(static_cast<char>(kVersion));
    out.append(static_cast<char>(kArgon2id));
    putU64(out, ops);
    putU64(out, mem);
    out.append(reinterpret_cast<const char*>(salt), sizeof salt);
    out.append(reinterpret_cast<const char*>(nonce), sizeof nonce);
    QByteArray sealed(static_cast<qsizetype>(kKeyBytes + crypto_secretbox_MACBYTES), '\0');
    crypto_secretbox_easy(reinterpret_cast<unsigned char*>(sealed.data()), key.data(), key.size(), nonce, kek->data());
    out.append(sealed);
    return out;
}

Result<SecureBytes> PassphraseSlot::open(const QByteArray& slot, const SecureBytes& passphrase)
{
    SecureBytes::initSodium();
    if (static_cast<size_t>(slot.size()) != kSlotSize || !slot.startsWith(QByteArray(kMagic, 4)))
        return Error::make(Error::Kind::Corrupt, tr("The key slot file is damaged or is not a PracticeDesk key slot."));
    if (static_cast<unsigned char>(slot.at(4)) != kVersion || static_cast<unsigned char>(slot.at(5)) != kArgon2id)
        return Error::make(Error::Kind::TooNew, tr("The key slot was written by a newer PracticeDesk."));
    const quint64 ops = getU64(slot.constData() + 6);
    const quint64 mem = getU64(slot.constData() + 14);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOps || mem < crypto_pwhash_MEMLIMIT_MIN || mem > kMaxMem)
        return Error::make(Error::Kind::Corrupt, tr("The key slot file is damaged (its key-derivation settings are out of "
                                                    "range)."));
    const auto* salt = reinterpret_cast<const unsigned char*>(slot.constData() + kHeader);
    const auto* nonce = salt + crypto_pwhash_SALTBYTES;
    const auto* sealed = nonce + crypto_secretbox_NONCEBYTES;
    auto kek = deriveKek(passphrase, salt, ops, mem);
    if (!kek)
        return kek.error();
    SecureBytes key(kKeyBytes);
    if (crypto_secretbox_open_easy(key.data(), sealed, kKeyBytes + crypto_secretbox_MACBYTES, nonce, kek->data()) != 0)
        return Error::make(Error::Kind::WrongKey, tr("The passphrase is not correct."));
    return key;
}

Result<QByteArray> PassphraseSlot::readFile(const QString& path)
{
    QFile f(path);
    if (!f.exists())
        return Error::make(Error::Kind::NotFound, tr("There is no key slot file %1.").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io, tr("The key slot file %1 cannot be read: %2").arg(path, f.errorString()));
    return f.read(4096);
}

Status PassphraseSlot::writeFile(const QString& path, const QByteArray& slot)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io, tr("The key slot file %1 cannot be written: %2").arg(path, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(slot) != slot.size() || !f.commit())
        return Error::make(Error::Kind::Io, tr("The key slot file %1 cannot be written: %2").arg(path, f.errorString()));
    return {};
}

} // namespace pd
