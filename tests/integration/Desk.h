#pragma once

#include "core/Clock.h"
#include "storage/ClientService.h"
#include "storage/Store.h"
#include "storage/sync/SyncStore.h"
#include "sync/SyncEngine.h"
#include "tests/testsupport/FaultyTransport.h"

#include <QTemporaryDir>

namespace pd::test {

// One desk for the sync tests: a real encrypted store in a temporary folder, the real sync
// engine, and a faulty transport (off unless a test turns faults on) in front of the real
// network transport to a real server.
class Desk
{
public:
    Desk(const QUrl& server, const QString& name, quint32 seed, const Clock& clock = Clock::system());
    ~Desk();

    Store& store() { return *m_store; }
    SyncStore& sync() { return *m_sync; }
    SyncEngine& engine() { return *m_engine; }
    FaultyTransport& network() { return *m_faulty; }
    const QString& name() const { return m_name; }
    QString path() const { return m_dir.filePath(QStringLiteral("desk.db")); }

    bool signIn(const QString& user, const QString& password, QString* error = nullptr);
    // One sync cycle; true when it finished without error (waits on the engine's signal).
    bool syncOnce(QString* error = nullptr, int timeoutMs = 60000);

    // Helpers that change data the way the desktop does (through ClientService).
    Client addClient(const QString& first, const QString& last, const QString& email);
    QString addContact(const QString& clientId, const QString& first, const QString& email, RelationType type);
    bool editClient(const QString& id, const std::function<void(Client&)>& change);
    bool deleteRelation(const QString& clientId, const QString& relationId);

    // What this desk holds of every synced table, for comparing replicas: one line per row
    // (id, deleted and the synced columns), sorted.
    QStringList snapshot();

private:
    QTemporaryDir m_dir;
    QString m_name;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncStore> m_sync;
    std::unique_ptr<NetworkTransport> m_network;
    std::unique_ptr<FaultyTransport> m_faulty;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace pd::test
