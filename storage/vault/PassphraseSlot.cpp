#include "storage/vault/PassphraseSlot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>

#include <sodium.h>

namespace pd {

namespace {

constexpr char kMagic[] = "PDKS1";
constexpr qsizetype kMagicSize = 5;
constexpr unsigned char kArgon2idSecretbox = 1;
constexpr qsizetype kAlgorithmAt = 5;
constexpr qsizetype kOpsAt = 6;
constexpr qsizetype kMemAt = 14;
constexpr qsizetype kSaltAt = 22;
constexpr qsizetype kNonceAt = kSaltAt + crypto_pwhash_SALTBYTES;
constexpr qsizetype kSealedAt = kNonceAt + crypto_secretbox_NONCEBYTES;
constexpr qsizetype kSealedSize = PassphraseSlot::kKeyBytes + crypto_secretbox_MACBYTES;
constexpr qsizetype kChecksumAt = kSealedAt + kSealedSize;
constexpr qsizetype kChecksumSize = 16;
static_assert(kChecksumAt + kChecksumSize == PassphraseSlot::kFileSize);
static_assert(crypto_secretbox_KEYBYTES == 32);

// Bounds for stored costs (the denial-of-service guard).
constexpr quint64 kMinOps = crypto_pwhash_argon2id_OPSLIMIT_MIN;
constexpr quint64 kMaxOps = 10;
constexpr quint64 kMinMem = crypto_pwhash_argon2id_MEMLIMIT_MIN;
constexpr quint64 kMaxMem = quint64(1) << 30;

void putU64(QByteArray& out, quint64 v)
{
    for (int i = 0; i < 8; ++i)
        out.append(static_cast<char>((v >> (8 * i)) & 0xff));
}

quint64 getU64(const QByteArray& in, qsizetype at)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v |= quint64(static_cast<unsigned char>(in.at(at + i))) << (8 * i);
    return v;
}

const unsigned char* bytesAt(const QByteArray& in, qsizetype at)
{
    return reinterpret_cast<const unsigned char*>(in.constData() + at);
}

QByteArray checksum(const QByteArray& in)
{
    QByteArray sum(kChecksumSize, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(sum.data()), kChecksumSize, bytesAt(in, 0), kChecksumAt,
                       nullptr, 0);
    return sum;
}

Error damaged()
{
    return Error::make(Error::Kind::Corrupt,
                       QCoreApplication::translate(
                           "PassphraseSlot",
                           "The key slot file is damaged or is not a PracticeDesk key slot. Restore it from a backup, "
                           "or unlock the database with the OS keychain."));
}

Result<SecureBytes> deriveKek(const SecureBytes& passphrase, const unsigned char* salt, quint64 ops, quint64 mem)
{
    SecureBytes kek(crypto_secretbox_KEYBYTES);
    // Opening a slot with an empty passphrase must fail as a wrong passphrase, and an empty
    // SecureBytes has no buffer: crypto_pwhash wants a non-null pointer even for 0 bytes.
    const char* text = passphrase.isEmpty() ? "" : passphrase.chars();
    if (crypto_pwhash(kek.data(), kek.size(), text, passphrase.size(), salt, ops, static_cast<size_t>(mem),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error::make(
            Error::Kind::Unavailable,
            QCoreApplication::translate("PassphraseSlot", "There is not enough memory to check the passphrase."));
    return kek;
}

} // namespace

KdfCost PassphraseSlot::defaultCost()
{
    return qEnvironmentVariable("PRACTICEDESK_KDF") == QLatin1String("interactive") ? KdfCost::Interactive
                                                                                    : KdfCost::Moderate;
}

Result<SecureBytes> PassphraseSlot::normalize(const SecureBytes& utf8)
{
    bool ascii = true;
    for (size_t i = 0; i < utf8.size() && ascii; ++i)
        ascii = utf8.data()[i] < 0x80;
    if (ascii)
        return utf8.copy(); // ASCII is already NFC: no detour through QString
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(QByteArrayView(utf8.chars(), static_cast<qsizetype>(utf8.size())));
    const bool valid = !decoder.hasError();
    SecureBytes out = valid ? SecureBytes::fromText(text) : SecureBytes();
    SecureBytes::wipe(text);
    if (!valid)
        return Error::invalid(QCoreApplication::translate("PassphraseSlot", "The passphrase is not valid UTF-8 text."),
                              QStringLiteral("passphrase"));
    return out;
}

Status PassphraseSlot::checkPolicy(const SecureBytes& passphrase)
{
    // Count characters (code points), not bytes: "ñ" is one character.
    size_t chars = 0;
    for (size_t i = 0; i < passphrase.size(); ++i)
        if ((passphrase.data()[i] & 0xC0) != 0x80)
            ++chars;
    if (chars < static_cast<size_t>(kMinimumLength))
        return Error::invalid(
            QCoreApplication::translate("PassphraseSlot", "The passphrase is too short: use at least %1 characters.")
                .arg(kMinimumLength),
            QStringLiteral("passphrase"));
    return {};
}

Result<QByteArray> PassphraseSlot::create(const QString& passphrase, const SecureBytes& dbKey, KdfCost cost)
{
    return create(SecureBytes::fromText(passphrase), dbKey, cost);
}

Result<QByteArray> PassphraseSlot::create(const SecureBytes& passphrase, const SecureBytes& dbKey, KdfCost cost)
{
    SecureBytes::initSodium();
    auto normalized = normalize(passphrase);
    if (!normalized)
        return normalized.error();
    if (Status s = checkPolicy(*normalized); !s)
        return s.error();
    if (dbKey.size() != kKeyBytes)
        return Error::make(Error::Kind::Internal,
                           QCoreApplication::translate("PassphraseSlot", "The database key has the wrong size."));
    const quint64 ops = cost == KdfCost::Moderate ? crypto_pwhash_argon2id_OPSLIMIT_MODERATE
                                                  : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
    const quint64 mem = cost == KdfCost::Moderate ? crypto_pwhash_argon2id_MEMLIMIT_MODERATE
                                                  : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;

    QByteArray out(kMagic, kMagicSize);
    out.append(static_cast<char>(kArgon2idSecretbox));
    putU64(out, ops);
    putU64(out, mem);
    out.resize(kChecksumAt + kChecksumSize);
    auto* raw = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(raw + kSaltAt, crypto_pwhash_SALTBYTES);
    randombytes_buf(raw + kNonceAt, crypto_secretbox_NONCEBYTES);
    auto kek = deriveKek(*normalized, raw + kSaltAt, ops, mem);
    if (!kek)
        return kek.error();
    crypto_secretbox_easy(raw + kSealedAt, dbKey.data(), dbKey.size(), raw + kNonceAt, kek->data());
    out.replace(kChecksumAt, kChecksumSize, checksum(out));
    return out;
}

Result<SecureBytes> PassphraseSlot::open(const QByteArray& fileBytes, const QString& passphrase)
{
    return open(fileBytes, SecureBytes::fromText(passphrase));
}

Result<SecureBytes> PassphraseSlot::open(const QByteArray& fileBytes, const SecureBytes& passphrase)
{
    SecureBytes::initSodium();
    // Structure first, so a damaged file is reported as damaged and costs no KDF work.
    if (fileBytes.size() >= kMagicSize && fileBytes.startsWith("PDKS") && fileBytes.at(4) > '1' &&
        fileBytes.at(4) <= '9')
        return Error::make(
            Error::Kind::TooNew,
            QCoreApplication::translate(
                "PassphraseSlot",
                "The key slot file was written by a newer PracticeDesk; update PracticeDesk to open it."));
    if (fileBytes.size() != kFileSize || !fileBytes.startsWith(QByteArrayView(kMagic, kMagicSize)))
        return damaged();
    if (sodium_memcmp(bytesAt(fileBytes, kChecksumAt), checksum(fileBytes).constData(), kChecksumSize) != 0)
        return damaged();
    if (static_cast<unsigned char>(fileBytes.at(kAlgorithmAt)) != kArgon2idSecretbox)
        return Error::make(Error::Kind::TooNew,
                           QCoreApplication::translate(
                               "PassphraseSlot", "The key slot file uses a key-derivation method this PracticeDesk "
                                                 "does not know; update PracticeDesk to open it."));
    const quint64 ops = getU64(fileBytes, kOpsAt);
    const quint64 mem = getU64(fileBytes, kMemAt);
    if (ops < kMinOps || ops > kMaxOps || mem < kMinMem || mem > kMaxMem)
        return Error::make(Error::Kind::Corrupt,
                           QCoreApplication::translate(
                               "PassphraseSlot", "The key slot file is damaged: its key-derivation settings are out "
                                                 "of range, so it was not used."));

    auto normalized = normalize(passphrase);
    if (!normalized) // a slot is never made from invalid UTF-8, so this cannot be its passphrase
        return Error::make(Error::Kind::WrongKey,
                           QCoreApplication::translate("PassphraseSlot", "The passphrase is not correct."));
    auto kek = deriveKek(*normalized, bytesAt(fileBytes, kSaltAt), ops, mem);
    if (!kek)
        return kek.error();
    SecureBytes key(kKeyBytes);
    if (crypto_secretbox_open_easy(key.data(), bytesAt(fileBytes, kSealedAt), kSealedSize, bytesAt(fileBytes, kNonceAt),
                                   kek->data()) != 0)
        return Error::make(Error::Kind::WrongKey,
                           QCoreApplication::translate("PassphraseSlot", "The passphrase is not correct."));
    return key;
}

Result<QByteArray> PassphraseSlot::readFile(const QString& path)
{
    QFile f(path);
    if (!f.exists())
        return Error::make(Error::Kind::NotFound,
                           QCoreApplication::translate("PassphraseSlot", "There is no key slot file %1.")
                               .arg(QDir::toNativeSeparators(path)));
    if (!f.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("PassphraseSlot", "The key slot file %1 cannot be read: %2")
                               .arg(QDir::toNativeSeparators(path), f.errorString()));
    return f.read(4 * kFileSize); // anything longer is damaged anyway
}

Status PassphraseSlot::writeFile(const QString& path, const QByteArray& fileBytes)
{
    QSaveFile f(path);
    const auto failed = [&f, &path] {
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("PassphraseSlot", "The key slot file %1 cannot be written: %2")
                               .arg(QDir::toNativeSeparators(path), f.errorString()));
    };
    if (!f.open(QIODevice::WriteOnly))
        return failed();
    // Applies to the temporary file, which then replaces the old one by rename.
    if (!f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return failed();
    if (f.write(fileBytes) != fileBytes.size() || !f.commit())
        return failed();
    return {};
}

} // namespace pd
