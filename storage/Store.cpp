#include "storage/Store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace pd {

namespace {

QString metaValue(QSqlDatabase& db, const QString& key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// This desk's node id (part of every HLC stamp); made once per database.
QString ensureNodeId(QSqlDatabase& db)
{
    QString id = metaValue(db, QStringLiteral("node_id"));
    if (!id.isEmpty())
        return id;
    id = QUuid::createUuid().toString(QUuid::Id128).left(12);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('node_id', ?)"));
    q.addBindValue(id);
    q.exec(); // a read-only database keeps working with an unsaved node id
    return id;
}

} // namespace

Store::Store(std::unique_ptr<Database> db, const Clock& clock, Actor actor)
    : m_db(std::move(db)), m_clock(clock), m_actor(std::move(actor)), m_nodeId(ensureNodeId(m_db->sql())),
      m_cache(m_db->sql()), m_hlc(clock, m_nodeId), m_clients(m_db->sql(), m_cache), m_relations(m_db->sql(), m_cache),
      m_settings(m_db->sql(), m_cache)
{
    HlcStamp last;
    if (HlcStamp::parse(metaValue(m_db->sql(), QStringLiteral("hlc")), &last))
        m_hlc.restore(last);
}

Store::~Store()
{
    m_cache.clear(); // statements must go before their connection
}

std::unique_ptr<ChangeSet> Store::changeSet()
{
    return std::make_unique<ChangeSet>(m_db->sql(), m_cache, m_hlc, m_clock, m_actor);
}

Result<QList<AuditEntry>> Store::auditForClient(const QString& clientId, int limit)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral("SELECT at, actor, action, entity, entity_id, summary FROM audit_log WHERE client_id = ? "
                             "ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(clientId);
    q.addBindValue(limit);
    if (!q.exec())
        return writeError(q.lastError());
    QList<AuditEntry> out;
    while (q.next())
        out << AuditEntry{QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs),
                          q.value(1).toString(),
                          q.value(2).toString(),
                          q.value(3).toString(),
                          q.value(4).toString(),
                          q.value(5).toString()};
    return out;
}

Result<qint64> Store::pendingChanges()
{
    QSqlQuery q(m_db->sql());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !q.next())
        return writeError(q.lastError());
    return q.value(0).toLongLong();
}

} // namespace pd
