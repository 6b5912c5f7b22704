#pragma once

#include "core/Clock.h"
#include "core/Hlc.h"
#include "storage/ChangeSet.h"
#include "storage/ClientRepository.h"
#include "storage/Database.h"
#include "storage/RelationRepository.h"
#include "storage/SettingsRepository.h"

#include <memory>

namespace pd {

struct AuditEntry
{
    QDateTime at;
    QString actor;
    QString action; // create, update, delete, view, …
    QString entity;
    QString entityId;
    QString summary;
};

// The open local store: the encrypted database, its repositories and the clocks that stamp
// changes. Everything the desktop and the admin command read or write goes through here.
class Store
{
public:
    Store(std::unique_ptr<Database> db, const Clock& clock, Actor actor);
    ~Store();

    Database& database() { return *m_db; }
    QSqlDatabase& sql() { return m_db->sql(); }
    ClientRepository& clients() { return m_clients; }
    RelationRepository& relations() { return m_relations; }
    SettingsRepository& settings() { return m_settings; }
    const Clock& clock() const { return m_clock; }
    const QString& nodeId() const { return m_nodeId; }

    // A new write transaction (call begin(), then commit()).
    std::unique_ptr<ChangeSet> changeSet();

    // The audit trail of one client, newest first (D5).
    Result<QList<AuditEntry>> auditForClient(const QString& clientId, int limit = 500);
    // Changes waiting to be synced.
    Result<qint64> pendingChanges();

private:
    std::unique_ptr<Database> m_db;
    const Clock& m_clock;
    Actor m_actor;
    QString m_nodeId;
    StatementCache m_cache;
    HybridLogicalClock m_hlc;
    ClientRepository m_clients;
    RelationRepository m_relations;
    SettingsRepository m_settings;
};

} // namespace pd
