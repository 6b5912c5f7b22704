#include "storage/vault/KeychainSlot.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QTimer>

#include <qt6keychain/keychain.h>
#include <sodium.h>

#include <memory>

namespace pd {

namespace {

const QString kService = QStringLiteral("PracticeDesk");

QString tr(const char* s)
{
    return QCoreApplication::translate("KeychainSlot", s);
}

Error mapError(QKeychain::Error e, const QString& detail)
{
    switch (e) {
    case QKeychain::EntryNotFound:
        return Error::make(Error::Kind::NotFound, tr("The OS keychain has no key for this database."));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(Error::Kind::Unavailable, tr("The OS keychain refused access (%1).").arg(detail));
    default:
        return Error::make(Error::Kind::Unavailable,
                           tr("No OS keychain is available here (%1).").arg(detail.isEmpty() ? tr("no backend") : detail));
    }
}

bool worthRetry(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::OtherError;
}

// Runs a job made by makeJob; on a backend error retries once after a short pause.
template<typename Job, typename Setup, typename Finish>
void runWithRetry(Setup setup, Finish finish, int attempt = 0)
{
    auto* job = new Job(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    setup(job);
    QObject::connect(job, &QKeychain::Job::finished, job, [setup, finish, attempt](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError && worthRetry(j->error()) && attempt == 0) {
            QTimer::singleShot(300, [setup, finish] { runWithRetry<Job>(setup, finish, 1); });
            return;
        }
        finish(static_cast<Job*>(j));
    });
    job->start();
}

} // namespace

QString KeychainSlot::accountFor(const QString& dataDir)
{
    const QString canonical = QDir(dataDir).absolutePath();
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QStringLiteral("database-key:") + QString::fromLatin1(hash);
}

void KeychainSlot::read(const QString& dataDir, std::function<void(Result<SecureBytes>)> done)
{
    const QString account = accountFor(dataDir);
    runWithRetry<QKeychain::ReadPasswordJob>([account](QKeychain::ReadPasswordJob* j) { j->setKey(account); },
                                             [done](QKeychain::ReadPasswordJob* j) {
                                                 if (j->error() != QKeychain::NoError)
                                                     return done(mapError(j->error(), j->errorString()));
                                                 QByteArray bytes = j->binaryData();
                                                 SecureBytes key(bytes.constData(), static_cast<size_t>(bytes.size()));
                                                 sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
                                                 if (key.size() != 32)
                                                     return done(Error::make(Error::Kind::Corrupt,
                                                                             tr("The key in the OS keychain is damaged.")));
                                                 done(std::move(key));
                                             });
}

void KeychainSlot::write(const QString& dataDir, const SecureBytes& key, std::function<void(Status)> done)
{
    const QString account = accountFor(dataDir);
    // QtKeychain takes a QByteArray: that copy is outside our locked memory, and is wiped
    // right after the job has taken it.
    auto bytes = std::make_shared<QByteArray>(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size()));
    runWithRetry<QKeychain::WritePasswordJob>(
        [account, bytes](QKeychain::WritePasswordJob* j) {
            j->setKey(account);
            j->setBinaryData(*bytes);
        },
        [done, bytes](QKeychain::WritePasswordJob* j) {
            sodium_memzero(bytes->data(), static_cast<size_t>(bytes->size()));
            if (j->error() != QKeychain::NoError)
                return done(mapError(j->error(), j->errorString()));
            done({});
        });
}

void KeychainSlot::remove(const QString& dataDir, std::function<void(Status)> done)
{
    const QString account = accountFor(dataDir);
    runWithRetry<QKeychain::DeletePasswordJob>([account](QKeychain::DeletePasswordJob* j) { j->setKey(account); },
                                               [done](QKeychain::DeletePasswordJob* j) {
                                                   if (j->error() != QKeychain::NoError)
                                                       return done(mapError(j->error(), j->errorString()));
                                                   done({});
                                               });
}

} // namespace pd
