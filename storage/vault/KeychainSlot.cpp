#include "storage/vault/KeychainSlot.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <qt6keychain/keychain.h>
#include <sodium.h>

namespace pd {

namespace {

constexpr int kRetryDelayMs = 500;
constexpr size_t kKeyBytes = 32;

Error mapError(QKeychain::Error e, const QString& detail)
{
    // QtKeychain's error strings come from the backend (D-Bus, libsecret); they describe
    // the failure and hold no secret.
    const QString why =
        detail.isEmpty() ? QCoreApplication::translate("KeychainSlot", "no keychain service answered") : detail;
    switch (e) {
    case QKeychain::EntryNotFound:
        return Error::make(Error::Kind::NotFound, QCoreApplication::translate(
                                                      "KeychainSlot", "The OS keychain has no key for this database."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(
            Error::Kind::Unavailable,
            QCoreApplication::translate(
                "KeychainSlot", "The OS keychain is locked or refused access (%1); a passphrase will be used instead.")
                .arg(why));
    default:
        // NoBackendAvailable, NotImplemented, OtherError. Through libsecret every D-Bus
        // failure (no session bus, no Secret Service on it) arrives as OtherError.
        return Error::make(
            Error::Kind::Unavailable,
            QCoreApplication::translate("KeychainSlot",
                                        "No OS keychain is available here (%1); a passphrase will be used instead.")
                .arg(why));
    }
}

bool worthRetry(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::OtherError;
}

// Creates a job, lets setup() configure it, starts it and hands the finished job to
// finish(); a backend failure is retried once after a pause. setup runs again for the
// retry, so it must hold what it needs itself.
template <typename Job>
void runJob(std::function<void(Job*)> setup, std::function<void(Job*)> finish, bool isRetry = false)
{
    auto* job = new Job(KeychainSlot::service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    setup(job);
    QObject::connect(job, &QKeychain::Job::finished, job, [setup, finish, isRetry](QKeychain::Job* finished) {
        if (!isRetry && worthRetry(finished->error())) {
            QTimer::singleShot(kRetryDelayMs, [setup, finish] { runJob<Job>(setup, finish, true); });
            return;
        }
        finish(static_cast<Job*>(finished));
    });
    job->start();
}

} // namespace

const QString& KeychainSlot::service()
{
    static const QString name = QStringLiteral("PracticeDesk");
    return name;
}

QString KeychainSlot::accountFor(const QString& dataDir)
{
    // Canonical, so one folder reached through a symlink or "a/../b" keeps one entry.
    const QFileInfo info(dataDir);
    QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QDir::cleanPath(info.absoluteFilePath());
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QStringLiteral("database-key:") + QString::fromLatin1(hash);
}

void KeychainSlot::read(const QString& dataDir, KeyCallback done)
{
    const QString account = accountFor(dataDir);
    runJob<QKeychain::ReadPasswordJob>(
        [account](QKeychain::ReadPasswordJob* job) { job->setKey(account); },
        [done](QKeychain::ReadPasswordJob* job) {
            if (job->error() != QKeychain::NoError)
                return done(mapError(job->error(), job->errorString()));
            // Shares the job's buffer: wiped in place below, so
            // QtKeychain's copy goes too (the job is finished).
            const QByteArray value = job->binaryData();
            std::optional<SecureBytes> key;
            if (static_cast<size_t>(value.size()) == kKeyBytes)
                key.emplace(value.constData(), kKeyBytes); // raw (earlier builds)
            else
                key = SecureBytes::fromBase64(value.constData(), static_cast<size_t>(value.size()));
            if (!value.isEmpty())
                sodium_memzero(const_cast<char*>(value.constData()), static_cast<size_t>(value.size()));
            if (!key || key->size() != kKeyBytes)
                return done(Error::make(Error::Kind::Corrupt,
                                        QCoreApplication::translate(
                                            "KeychainSlot", "The OS keychain entry for this database is not a key.")));
            done(std::move(*key));
        });
}

void KeychainSlot::write(const QString& dataDir, const SecureBytes& key, StatusCallback done)
{
    const QString account = accountFor(dataDir);
    // Kept in secure memory until the last attempt has finished.
    auto encoded = std::make_shared<SecureBytes>(key.toBase64());
    runJob<QKeychain::WritePasswordJob>(
        [account, encoded](QKeychain::WritePasswordJob* job) {
            job->setKey(account);
            // QtKeychain only takes Qt types: this QString and the UTF-8 copy setTextData()
            // keeps are on the ordinary heap. We wipe ours; the job's is out of our reach.
            QString text = QString::fromLatin1(encoded->chars(), static_cast<qsizetype>(encoded->size()));
            job->setTextData(text);
            SecureBytes::wipe(text);
        },
        [done, encoded](QKeychain::WritePasswordJob* job) {
            if (job->error() != QKeychain::NoError)
                return done(mapError(job->error(), job->errorString()));
            done({});
        });
}

void KeychainSlot::remove(const QString& dataDir, StatusCallback done)
{
    const QString account = accountFor(dataDir);
    runJob<QKeychain::DeletePasswordJob>([account](QKeychain::DeletePasswordJob* job) { job->setKey(account); },
                                         [done](QKeychain::DeletePasswordJob* job) {
                                             if (job->error() != QKeychain::NoError &&
                                                 job->error() != QKeychain::EntryNotFound)
                                                 return done(mapError(job->error(), job->errorString()));
                                             done({});
                                         });
}

} // namespace pd
