#include "storage/ChangeSet.h"

#include "core/CompactJson.h"
#include "core/Ids.h"
#include "storage/Database.h"
#include "storage/RowWriter.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

#include <sqlite3.h>

namespace pd {

Error writeError(const QSqlError& e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    if (code == SQLITE_FULL)
        return Error::make(Error::Kind::Io, QCoreApplication::translate("Database", "The disk is full; the change was "
                                                                                    "not saved. Free some space and "
                                                                                    "save again."));
    if (code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_CANTOPEN)
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("Database", "The database could not be written (%1); the "
                                                                   "change was not saved. Check that the drive "
                                                                   "holding the data folder is connected and "
                                                                   "writable, then save again.")
                               .arg(sqlErrorText(e)));
    if (code == SQLITE_CONSTRAINT)
        return Error::make(Error::Kind::Conflict, sqlErrorText(e));
    return Error::make(Error::Kind::Internal, sqlErrorText(e));
}

ChangeSet::ChangeSet(QSqlDatabase& db, StatementCache& cache, HybridLogicalClock& hlc, const Clock& clock, Actor actor)
    : m_db(db), m_cache(cache), m_actor(std::move(actor)), m_hlc(hlc.now().toString()),
      m_now(clock.nowUtc().toString(Qt::ISODateWithMs))
{
    static std::atomic<quint64> counter{0};
    m_serial = ++counter;
}

ChangeSet::~ChangeSet()
{
    if (m_open)
        rollback();
}

Status ChangeSet::begin()
{
    if (!m_db.transaction())
        return writeError(m_db.lastError());
    m_open = true;
    return {};
}

Status ChangeSet::commit()
{
    // The clock's high-water mark survives restarts, so stamps never go backwards.
    QSqlQuery* q = m_cache.get(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)"));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(m_hlc);
    if (!q->exec()) {
        const Error e = writeError(q->lastError());
        rollback();
        return e;
    }
    if (!m_db.commit()) {
        const Error e = writeError(m_db.lastError());
        rollback();
        return e;
    }
    m_open = false;
    return {};
}

void ChangeSet::rollback()
{
    if (m_open) {
        m_db.rollback();
        m_open = false;
    }
}

namespace {

QString insertSql(const char* target, int parameters, int rows)
{
    const QString tuple = QLatin1Char('(') + QStringLiteral("?, ").repeated(parameters - 1) + QStringLiteral("?)");
    QStringList tuples;
    for (int i = 0; i < rows; ++i)
        tuples << tuple;
    return QStringLiteral("INSERT INTO %1 VALUES %2").arg(QLatin1String(target), tuples.join(QStringLiteral(", ")));
}

} // namespace

QString ChangeSet::outboxInsertSql(int rows)
{
    return insertSql("outbox (op_id, entity, entity_id, kind, fields, base_version, hlc, created_at, resolves)",
                     kOutboxParameters, rows);
}

QString ChangeSet::auditInsertSql(int rows)
{
    return insertSql("audit_log (at, actor, action, entity, entity_id, client_id, summary)", kAuditParameters, rows);
}

Status ChangeSet::writeOutbox(const QString& entity, const QString& id, const QString& kind, qint64 baseVersion,
                              const QVariantMap& fields, const QString& resolves)
{
    static const QString outboxSql = outboxInsertSql();
    QSqlQuery* q = m_cache.get(outboxSql);
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(newId());
    q->addBindValue(entity);
    q->addBindValue(id);
    q->addBindValue(kind);
    q->addBindValue(QString::fromUtf8(json::compactObject(fields)));
    q->addBindValue(baseVersion);
    q->addBindValue(m_hlc);
    q->addBindValue(m_now);
    q->addBindValue(resolves.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(resolves));
    if (!q->exec())
        return writeError(q->lastError());
    return {};
}

Status ChangeSet::recordUpsert(const QString& entity, const QString& id, qint64 baseVersion, const QVariantMap& fields,
                               bool created, const QString& clientId, const QString& summary)
{
    if (Status s = writeOutbox(entity, id, QStringLiteral("upsert"), baseVersion, fields); !s)
        return s;
    return audit(created ? QStringLiteral("create") : QStringLiteral("update"), entity, id, clientId, summary);
}

Status ChangeSet::recordDelete(const QString& entity, const QString& id, qint64 baseVersion, const QString& clientId,
                               const QString& summary)
{
    if (Status s = writeOutbox(entity, id, QStringLiteral("delete"), baseVersion, {}); !s)
        return s;
    return audit(QStringLiteral("delete"), entity, id, clientId, summary);
}

Status ChangeSet::recordResolution(const QString& entity, const QString& id, qint64 baseVersion, bool deleted,
                                   const QVariantMap& fields, const QString& conflictId, const QString& clientId,
                                   const QString& summary)
{
    if (Status s = writeOutbox(entity, id, deleted ? QStringLiteral("delete") : QStringLiteral("upsert"), baseVersion,
                               fields, conflictId);
        !s)
        return s;
    return audit(QStringLiteral("resolve"), entity, id, clientId, summary);
}

Status ChangeSet::audit(const QString& action, const QString& entity, const QString& id, const QString& clientId,
                        const QString& summary)
{
    static const QString auditSql = auditInsertSql();
    QSqlQuery* q = m_cache.get(auditSql);
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(m_now);
    q->addBindValue(m_actor.name);
    q->addBindValue(action);
    q->addBindValue(entity);
    q->addBindValue(id);
    q->addBindValue(clientId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(clientId));
    q->addBindValue(summary);
    if (!q->exec())
        return writeError(q->lastError());
    return {};
}

} // namespace pd
