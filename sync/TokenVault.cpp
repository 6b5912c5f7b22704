#include "sync/TokenVault.h"

#include "storage/sync/SyncStore.h"

#include <qt6keychain/keychain.h>

namespace pd {

namespace {
const QString kService = QStringLiteral("PracticeDesk");
const QString kStateKey = QStringLiteral("refresh_token"); // fallback inside the encrypted database
} // namespace

QString TokenVault::account() const
{
    return QStringLiteral("refresh-token:") + m_store.nodeId();
}

void TokenVault::read(std::function<void(QByteArray)> done)
{
    auto* job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account());
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [this, alive = m_alive, done = std::move(done)](QKeychain::Job* j) {
                         if (!*alive)
                             return;
                         auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
                         if (read->error() == QKeychain::NoError && !read->binaryData().isEmpty())
                             return done(read->binaryData());
                         done(m_store.state(kStateKey).toUtf8());
                     });
    job->start();
}

void TokenVault::write(const QByteArray& token, std::function<void(Status)> done)
{
    QKeychain::Job* job = nullptr;
    if (token.isEmpty()) {
        auto* del = new QKeychain::DeletePasswordJob(kService);
        del->setKey(account());
        job = del;
    } else {
        auto* w = new QKeychain::WritePasswordJob(kService);
        w->setKey(account());
        w->setBinaryData(token);
        job = w;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [this, alive = m_alive, token, done = std::move(done)](QKeychain::Job* j) {
                         if (!*alive)
                             return;
                         // In the keychain: make sure no older copy stays in the database. Otherwise the
                         // encrypted database holds it.
                         const bool inKeychain = j->error() == QKeychain::NoError && !token.isEmpty();
                         done(m_store.setState(kStateKey, inKeychain ? QString() : QString::fromUtf8(token)));
                     });
    job->start();
}

} // namespace pd
