#include "storage/SettingsRepository.h"

#include "core/Ids.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace pd {

Result<QMap<QString, QString>> SettingsRepository::organization()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM org_settings")))
        return writeError(q.lastError());
    QMap<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Status SettingsRepository::setOrganization(ChangeSet& cs, const QString& key, const QString& value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value, version FROM org_settings WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return writeError(q.lastError());
    const bool exists = q.next();
    if (exists && q.value(0).toString() == value)
        return {};
    const qint64 version = exists ? q.value(1).toLongLong() : 0;
    q.finish();
    QSqlQuery w(m_db);
    w.prepare(exists ? QStringLiteral("UPDATE org_settings SET value = ?, hlc = ?, updated_at = ? WHERE key = ?")
                     : QStringLiteral("INSERT INTO org_settings (value, hlc, updated_at, key) VALUES (?, ?, ?, ?)"));
    w.addBindValue(value);
    w.addBindValue(cs.hlc());
    w.addBindValue(cs.nowIso());
    w.addBindValue(key);
    if (!w.exec())
        return writeError(w.lastError());
    return cs.recordUpsert(
        QStringLiteral("org_setting"), key, version, {{QStringLiteral("value"), value}}, !exists, {},
        QCoreApplication::translate("SettingsRepository", "Organization setting %1 = %2").arg(key, value));
}

Result<QMap<QString, QString>> SettingsRepository::clientOverrides(const QString& clientId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT key, value FROM client_settings WHERE client_id = ? AND deleted = 0"));
    q.addBindValue(clientId);
    if (!q.exec())
        return writeError(q.lastError());
    QMap<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Status SettingsRepository::setClientOverride(ChangeSet& cs, const QString& clientId, const QString& key,
                                             const QString& value)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM client_settings WHERE client_id = ? AND key = ?"));
    q.addBindValue(clientId);
    q.addBindValue(key);
    if (!q.exec())
        return writeError(q.lastError());
    const QString id = q.next() ? q.value(0).toString() : newId();
    q.finish();
    RowWriter writer(m_cache);
    auto outcome = writer.write(
        cs, QStringLiteral("client_settings"), id,
        {{QStringLiteral("client_id"), clientId}, {QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
    if (!outcome)
        return outcome.error();
    if (outcome->changed.isEmpty())
        return {};
    return cs.recordUpsert(
        QStringLiteral("client_setting"), id, 0, outcome->changed, outcome->inserted, clientId,
        QCoreApplication::translate("SettingsRepository", "Portal setting %1 = %2 for this client").arg(key, value));
}

Status SettingsRepository::clearClientOverride(ChangeSet& cs, const QString& clientId, const QString& key)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT id, version FROM client_settings WHERE client_id = ? AND key = ? AND deleted = 0"));
    q.addBindValue(clientId);
    q.addBindValue(key);
    if (!q.exec())
        return writeError(q.lastError());
    if (!q.next())
        return {};
    const QString id = q.value(0).toString();
    const qint64 version = q.value(1).toLongLong();
    q.finish();
    RowWriter writer(m_cache);
    if (Status s = writer.tombstone(cs, QStringLiteral("client_settings"), id); !s)
        return s;
    return cs.recordDelete(QStringLiteral("client_setting"), id, version, clientId,
                           QCoreApplication::translate("SettingsRepository", "Portal setting %1 back to the "
                                                                             "organization default")
                               .arg(key));
}

} // namespace pd
