#pragma once

#include "core/Hlc.h"
#include "core/Result.h"

#include <QSqlDatabase>
#include <QVariantMap>

namespace pd {

// Who is making changes, and the clocks they are stamped with.
struct Actor
{
    QString name; // e.g. "frontdesk:maria" or "cli:root"; written to the audit log
};

// One local write transaction (BEGIN IMMEDIATE … COMMIT). Every row it changes gets an
// outbox entry (operation id = idempotency key, changed fields, base version) and an audit
// entry in the SAME transaction (DESIGN.md §4, D5), so a crash can never leave a change
// that will not sync or that nobody can account for. Destroying an uncommitted ChangeSet
// rolls everything back.
class ChangeSet
{
public:
    ChangeSet(QSqlDatabase& db, class StatementCache& cache, HybridLogicalClock& hlc, const Clock& clock, Actor actor);
    ~ChangeSet();
    ChangeSet(const ChangeSet&) = delete;
    ChangeSet& operator=(const ChangeSet&) = delete;

    Status begin();
    Status commit();
    void rollback();

    // The HLC stamp and timestamp all rows of this change set carry.
    const QString& hlc() const { return m_hlc; }
    const QString& nowIso() const { return m_now; }
    QSqlDatabase& db() { return m_db; }
    const Actor& actor() const { return m_actor; }
    // The statements that write an outbox and an audit entry, with their positional
    // parameters (BulkWriter binds the same ones, several entries per statement):
    //   outbox: op_id, entity, entity_id, kind, fields, base_version, hlc, created_at, resolves
    //   audit:  at, actor, action, entity, entity_id, client_id, summary
    // rows > 1: that many entries, one "(?, …)" each.
    static QString outboxInsertSql(int rows = 1);
    static QString auditInsertSql(int rows = 1);
    static constexpr int kOutboxParameters = 9;
    static constexpr int kAuditParameters = 7;
    // Unique for the life of the process (an address could be reused by a later change set).
    quint64 serial() const { return m_serial; }

    // Records an upsert (fields = the changed columns and their new values) or a delete.
    // created: the row is new on this desk (audited as "create", else "update").
    Status recordUpsert(const QString& entity, const QString& id, qint64 baseVersion, const QVariantMap& fields,
                        bool created, const QString& clientId, const QString& summary);
    Status recordDelete(const QString& entity, const QString& id, qint64 baseVersion, const QString& clientId,
                        const QString& summary);
    // A change a person chose to resolve a sync conflict: an outbox operation that carries
    // the conflict's id (docs/protocol.md, "Resolution"), and an audit entry.
    Status recordResolution(const QString& entity, const QString& id, qint64 baseVersion, bool deleted,
                            const QVariantMap& fields, const QString& conflictId, const QString& clientId,
                            const QString& summary);
    // An audit-only entry (e.g. "viewed"), no outbox row.
    Status audit(const QString& action, const QString& entity, const QString& id, const QString& clientId,
                 const QString& summary);

private:
    Status writeOutbox(const QString& entity, const QString& id, const QString& kind, qint64 baseVersion,
                       const QVariantMap& fields, const QString& resolves = {});

    QSqlDatabase& m_db;
    class StatementCache& m_cache;
    Actor m_actor;
    QString m_hlc;
    QString m_now;
    bool m_open = false;
    quint64 m_serial = 0;
};

// Turns a failed query into an error a person can read; disk full and read-only file
// systems get their own clear message.
Error writeError(const class QSqlError& e);

} // namespace pd
