#pragma once

#include "storage/ChangeSet.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariantMap>

#include <memory>

namespace pd {

// Prepared statements kept for reuse on one connection (bulk import runs the same few
// statements 100,000 times; preparing each time would dominate).
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase& db) : m_db(db) {}
    // A prepared query for sql, ready for new bound values. nullptr if preparing failed
    // (error() then says why).
    QSqlQuery* get(const QString& sql);
    QString error() const { return m_error; }
    void clear() { m_queries.clear(); }

private:
    QSqlDatabase& m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
    QString m_error;
};

// Writes one synced row: inserts it, or updates only the columns whose values changed,
// stamping hlc/updated_at, and records the change in the outbox and audit log through the
// ChangeSet. One piece of code for every synced table.
class RowWriter
{
public:
    RowWriter(StatementCache& cache) : m_cache(cache) {}

    struct Outcome
    {
        bool inserted = false;
        QVariantMap changed;  // column -> new value (all columns on insert)
        QVariantMap previous; // column -> value before, for each changed column of an update
    };

    // columns: the table's own columns (without id, version, hlc, deleted, created_at, updated_at).
    // knownNew: the caller guarantees the id is fresh (skips the lookup; bulk import).
    Result<Outcome> write(ChangeSet& cs, const QString& table, const QString& id, const QVariantMap& columns,
                          bool knownNew = false);
    // Marks the row deleted (tombstone); nothing is physically removed before sync.
    Status tombstone(ChangeSet& cs, const QString& table, const QString& id);

private:
    StatementCache& m_cache;
};

// Values as SQLite stores them, so a freshly built value compares equal to a stored one.
QVariant storedForm(const QVariant& v);
// Whether storedForm(v) is an integer (flags and numbers).
bool storedAsInteger(const QVariant& v);

} // namespace pd
