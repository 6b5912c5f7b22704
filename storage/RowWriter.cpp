#include "storage/RowWriter.h"

#include "core/Text.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlError>
#include <QSqlRecord>

namespace pd {

QSqlQuery* StatementCache::get(const QString& sql)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto q = std::make_shared<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            m_error = q->lastError().text();
            return nullptr;
        }
        it = m_queries.insert(sql, q);
    }
    (*it)->finish();
    return it->get();
}

bool storedAsInteger(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

QVariant storedForm(const QVariant& v)
{
    if (v.isNull() || !v.isValid())
        return QVariant(QMetaType::fromType<QString>());
    if (storedAsInteger(v))
        return QVariant(v.toLongLong());
    switch (v.typeId()) {
    case QMetaType::QDate:
        return v.toDate().isValid() ? QVariant(text::isoDate(v.toDate())) : QVariant(QMetaType::fromType<QString>());
    default:
        return QVariant(v.toString());
    }
}

namespace {
bool sameValue(const QVariant& a, const QVariant& b)
{
    if (a.isNull() != b.isNull())
        return false;
    return a.isNull() || a.toString() == b.toString();
}
} // namespace

Result<RowWriter::Outcome> RowWriter::write(ChangeSet& cs, const QString& table, const QString& id,
                                            const QVariantMap& columns, bool knownNew)
{
    Outcome out;
    QVariantMap existing;
    bool exists = false;
    if (!knownNew) {
        QSqlQuery* q = m_cache.get(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
        if (!q)
            return Error::make(Error::Kind::Internal, m_cache.error());
        q->addBindValue(id);
        if (!q->exec())
            return writeError(q->lastError());
        if (q->next()) {
            exists = true;
            const QSqlRecord r = q->record();
            for (auto it = columns.begin(); it != columns.end(); ++it)
                existing.insert(it.key(), r.value(it.key()));
            // Writing a tombstoned row brings it back.
            if (r.value(QStringLiteral("deleted")).toBool())
                out.changed.insert(QStringLiteral("deleted"), QVariant(qlonglong(0)));
        }
        q->finish();
    }

    if (!exists) {
        QStringList names = columns.keys();
        QString sql = QStringLiteral("INSERT INTO %1 (id, %2, version, hlc, deleted, created_at, updated_at) VALUES "
                                     "(?%3, 0, ?, 0, ?, ?)")
                          .arg(table, names.join(QStringLiteral(", ")), QStringLiteral(", ?").repeated(names.size()));
        QSqlQuery* q = m_cache.get(sql);
        if (!q)
            return Error::make(Error::Kind::Internal, m_cache.error());
        q->addBindValue(id);
        for (const QString& n : names) {
            const QVariant v = storedForm(columns.value(n));
            q->addBindValue(v);
            out.changed.insert(n, v);
        }
        q->addBindValue(cs.hlc());
        q->addBindValue(cs.nowIso());
        q->addBindValue(cs.nowIso());
        if (!q->exec())
            return writeError(q->lastError());
        out.inserted = true;
        return out;
    }

    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QVariant v = storedForm(it.value());
        if (!sameValue(existing.value(it.key()), v)) {
            out.changed.insert(it.key(), v);
            out.previous.insert(it.key(), existing.value(it.key()));
        }
    }
    if (out.changed.isEmpty())
        return out;
    QStringList sets;
    for (auto it = out.changed.begin(); it != out.changed.end(); ++it)
        sets << it.key() + QStringLiteral(" = ?");
    QSqlQuery* q = m_cache.get(QStringLiteral("UPDATE %1 SET %2, hlc = ?, updated_at = ? WHERE id = ?")
                                   .arg(table, sets.join(QStringLiteral(", "))));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    for (auto it = out.changed.begin(); it != out.changed.end(); ++it)
        q->addBindValue(it.value());
    q->addBindValue(cs.hlc());
    q->addBindValue(cs.nowIso());
    q->addBindValue(id);
    if (!q->exec())
        return writeError(q->lastError());
    return out;
}

Status RowWriter::tombstone(ChangeSet& cs, const QString& table, const QString& id)
{
    QSqlQuery* q =
        m_cache.get(QStringLiteral("UPDATE %1 SET deleted = 1, hlc = ?, updated_at = ? WHERE id = ?").arg(table));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(cs.hlc());
    q->addBindValue(cs.nowIso());
    q->addBindValue(id);
    if (!q->exec())
        return writeError(q->lastError());
    if (q->numRowsAffected() != 1)
        return Error::make(Error::Kind::NotFound,
                           QCoreApplication::translate("Database", "The record no longer exists."));
    return {};
}

} // namespace pd
