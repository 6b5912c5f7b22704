#pragma once

#include "core/Result.h"
#include "storage/RowWriter.h"

#include <QMap>

namespace pd {

// Organization settings (S1, N3, D4) and per-client portal overrides (S2) as key/value
// rows; core/PortalSettings gives them meaning. Both sync like any other change.
class SettingsRepository
{
public:
    SettingsRepository(QSqlDatabase& db, StatementCache& cache) : m_db(db), m_cache(cache) {}

    Result<QMap<QString, QString>> organization();
    Status setOrganization(ChangeSet& cs, const QString& key, const QString& value);
    Result<QMap<QString, QString>> clientOverrides(const QString& clientId);
    Status setClientOverride(ChangeSet& cs, const QString& clientId, const QString& key, const QString& value);
    Status clearClientOverride(ChangeSet& cs, const QString& clientId, const QString& key);

private:
    QSqlDatabase& m_db;
    StatementCache& m_cache;
};

} // namespace pd
