#include "storage/sync/SyncStore.h"

#include "storage/ClientRepository.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QScopeGuard>

#include <cmath>

namespace pd {

namespace {

// Columns a pulled change may write: the table's own columns, without the sync bookkeeping
// and what the desk derives itself. name -> NOT NULL.
QHash<QString, bool> readWritableColumns(QSqlDatabase& db, const QString& table)
{
    static const QSet<QString> kManaged = {
        QStringLiteral("id"),         QStringLiteral("key"),      QStringLiteral("version"),
        QStringLiteral("hlc"),        QStringLiteral("deleted"),  QStringLiteral("created_at"),
        QStringLiteral("updated_at"), QStringLiteral("sort_key"), QStringLiteral("search_terms")};
    QHash<QString, bool> out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        return out;
    while (q.next()) {
        const QString name = q.value(1).toString();
        if (!kManaged.contains(name))
            out.insert(name, q.value(3).toBool());
    }
    return out;
}

QVariant sqlValue(const QJsonValue& v, bool notNull)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 9007199254740992.0)
            return static_cast<qint64>(d);
        return d;
    }
    case QJsonValue::String:
        // The outbox writes a missing reference or date as "": in a nullable column that is
        // NULL (relations point at a contact OR a client; a date of birth may be unknown).
        if (!notNull && v.toString().isEmpty())
            return QVariant();
        return v.toString();
    default:
        return notNull ? QVariant(QString()) : QVariant();
    }
}

// The connection as it is outside a pull (see SyncStore::beginPull()).
void endPull(QSqlQuery& q)
{
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// BEGIN IMMEDIATE … COMMIT, rolled back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase& db) : m_db(db) {}
    ~Transaction()
    {
        if (m_open)
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    }
    Status begin()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return writeError(q.lastError());
        m_open = true;
        return {};
    }
    Status commit()
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("COMMIT")))
            return writeError(q.lastError());
        m_open = false;
        return {};
    }

private:
    QSqlDatabase& m_db;
    bool m_open = false;
};

Status exec(QSqlQuery& q)
{
    if (!q.exec())
        return writeError(q.lastError());
    return {};
}

} // namespace

std::optional<SyncStore::TableInfo> SyncStore::tableFor(const QString& entity)
{
    if (entity == QLatin1String("client"))
        return TableInfo{QStringLiteral("clients")};
    if (entity == QLatin1String("contact"))
        return TableInfo{QStringLiteral("contacts")};
    if (entity == QLatin1String("relation"))
        return TableInfo{QStringLiteral("relations")};
    if (entity == QLatin1String("client_setting"))
        return TableInfo{QStringLiteral("client_settings")};
    if (entity == QLatin1String("org_setting"))
        return TableInfo{QStringLiteral("org_settings"), QStringLiteral("key"), false, false};
    return std::nullopt;
}

SyncStore::SyncStore(Store& store) : m_store(store), m_page(store.sql()) {}

QString SyncStore::nodeId() const
{
    return m_store.nodeId();
}

QString SyncStore::state(const QString& key) const
{
    QSqlQuery q(m_store.sql());
    q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

Status SyncStore::setState(const QString& key, const QString& value)
{
    QSqlQuery q(m_store.sql());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    return exec(q);
}

Result<qint64> SyncStore::cursor()
{
    return state(QStringLiteral("cursor")).toLongLong();
}

Status SyncStore::resetCursor()
{
    return setState(QStringLiteral("cursor"), QStringLiteral("0"));
}

Result<qint64> SyncStore::pendingCount()
{
    return m_store.pendingChanges();
}

Result<QList<wire::Op>> SyncStore::pendingOps(int limit)
{
    QSqlQuery q(m_store.sql());
    q.prepare(QStringLiteral("SELECT op_id, entity, entity_id, kind, fields, base_version, hlc, resolves FROM outbox "
                             "ORDER BY seq LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return writeError(q.lastError());
    QList<wire::Op> out;
    while (q.next()) {
        wire::Op op;
        op.opId = q.value(0).toString();
        op.entity = q.value(1).toString();
        op.entityId = q.value(2).toString();
        op.kind = q.value(3).toString() == QLatin1String("delete") ? wire::OpKind::Delete : wire::OpKind::Upsert;
        op.fields = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        op.baseVersion = q.value(5).toLongLong();
        op.hlc = q.value(6).toString();
        op.resolves = q.value(7).toString();
        out << op;
    }
    return out;
}

Status SyncStore::applyPushResults(const QList<wire::Op>& sent, const wire::PushResponse& response)
{
    QHash<QString, const wire::Op*> byId;
    for (const wire::Op& op : sent)
        byId.insert(op.opId, &op);
    QSqlDatabase& db = m_store.sql();
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    bool resync = false;
    for (const wire::OpResult& r : response.results) {
        const wire::Op* op = byId.value(r.opId);
        if (!op)
            return Error::invalid(QCoreApplication::translate(
                "SyncStore", "The server answered for a change this desk did not send; nothing was applied."));
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM outbox WHERE op_id = ?"));
        del.addBindValue(op->opId);
        if (Status s = exec(del); !s)
            return s;
        const auto table = tableFor(op->entity);
        if (r.status == wire::OpStatus::Rejected || !table) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_rejected (op_id, entity, entity_id, kind, fields, "
                                     "reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant& v :
                 {QVariant(op->opId), QVariant(op->entity), QVariant(op->entityId), QVariant(wire::kindKey(op->kind)),
                  QVariant(QString::fromUtf8(QJsonDocument(op->fields).toJson(QJsonDocument::Compact))),
                  QVariant(r.reason), QVariant(nowIso())})
                q.addBindValue(v);
            if (Status s = exec(q); !s)
                return s;
            resync = true; // the desk's copy differs from the server's: fetch the server's again
            continue;
        }
        QSqlQuery v(db);
        v.prepare(QStringLiteral("UPDATE %1 SET version = ? WHERE %2 = ? AND version < ?")
                      .arg(table->table, table->idColumn));
        v.addBindValue(r.version);
        v.addBindValue(op->entityId);
        v.addBindValue(r.version);
        if (Status s = exec(v); !s)
            return s;
        if (r.status == wire::OpStatus::Conflict && r.conflict) {
            QSqlQuery c(db);
            c.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_conflicts (id, op_id, entity, entity_id, conflict, "
                                     "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
            for (const QVariant& value :
                 {QVariant(r.conflict->id), QVariant(op->opId), QVariant(op->entity), QVariant(op->entityId),
                  QVariant(QString::fromUtf8(QJsonDocument(wire::toJson(*r.conflict)).toJson(QJsonDocument::Compact))),
                  QVariant(nowIso())})
                c.addBindValue(value);
            if (Status s = exec(c); !s)
                return s;
        }
    }
    if (resync) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('cursor', '0')"));
        if (Status s = exec(q); !s)
            return s;
    }
    return tx.commit();
}

Status SyncStore::applyPullPage(const wire::PullPage& page)
{
    return applyPullPages({page});
}

Status SyncStore::applyPullPages(const QList<wire::PullPage>& pages)
{
    if (pages.isEmpty())
        return {};
    if (Status s = beginPull(); !s)
        return s;
    for (const wire::PullPage& page : pages)
        if (Status s = applyPulledPage(page); !s)
            return s;
    return finishPull(pages.constLast().cursor);
}

SyncStore::~SyncStore()
{
    if (m_pullOpen)
        abortPull();
}

Status SyncStore::beginPull()
{
    if (m_pullOpen)
        return Error::make(Error::Kind::Internal, QStringLiteral("SyncStore: a pull is already open"));
    QSqlDatabase& db = m_store.sql();
    // A record that changed again appears once, at its latest position, so a relation can
    // arrive before the client it belongs to: references are checked by the server, not
    // per page here. (The pragma cannot change inside a transaction.)
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    // What a pull writes is on the server and comes again from the cursor stored with it, so
    // its commits need not wait for the disk: were the power to fail, the database would
    // still be whole, only the last pulled pages would be asked for again. (WAL mode: the
    // data reaches the disk at the next checkpoint.) A person's changes keep FULL.
    q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        const Status failed = writeError(q.lastError());
        endPull(q);
        return failed;
    }
    m_pullOpen = true;
    m_outboxEmpty =
        q.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM outbox)")) && q.next() && q.value(0).toBool();
    m_now = nowIso(); // one time of storing for every record of the transaction
    auto highest = highestClientNumber();
    if (!highest) {
        abortPull();
        return highest.error();
    }
    m_highestNumber = *highest;
    return {};
}

Result<qint64> SyncStore::highestClientNumber()
{
    QSqlQuery q(m_store.sql());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(client_number), 0) FROM clients")) || !q.next())
        return Error::make(Error::Kind::Io, sqlErrorText(q.lastError()));
    return q.value(0).toLongLong();
}

Status SyncStore::flushNewTerms()
{
    if (m_newTerms.empty())
        return {};
    BulkWriter writer(m_store.sql());
    Status s = writer.insertSearchTerms(m_newTerms);
    m_newTerms.clear();
    return s;
}

Status SyncStore::applyPulledPage(const wire::PullPage& page)
{
    return applyPulledChanges(page.changes, prepare(page.changes), 0, page.changes.size());
}

QList<PreparedChange> SyncStore::prepare(const QList<wire::Change>& changes)
{
    QList<PreparedChange> out;
    out.reserve(changes.size());
    for (const wire::Change& change : changes) {
        PreparedChange p;
        if (!change.deleted) {
            p.values.reserve(change.fields.size());
            for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
                if (!p.fieldNames.isEmpty())
                    p.fieldNames += QLatin1Char(',');
                p.fieldNames += it.key();
                p.values << sqlValue(it.value(), false);
            }
            if (change.entity == QLatin1String("client")) {
                p.derived = ClientRepository::derivedColumnsFor(change.fields);
            }
        }
        out << std::move(p);
    }
    return out;
}

Status SyncStore::applyPulledChanges(const QList<wire::Change>& changes, const QList<PreparedChange>& prepared,
                                     qsizetype from, qsizetype to)
{
    if (!m_pullOpen)
        return Error::make(Error::Kind::Internal, QStringLiteral("SyncStore: no pull is open"));
    if (prepared.size() != changes.size()) {
        abortPull();
        return Error::make(Error::Kind::Internal, QStringLiteral("SyncStore: changes and their preparation differ"));
    }
    for (qsizetype i = from; i < to; ++i)
        if (Status s = applyChange(changes.at(i), prepared.at(i)); !s) {
            abortPull();
            return s;
        }
    return {};
}

Status SyncStore::finishPull(qint64 cursor)
{
    if (!m_pullOpen)
        return Error::make(Error::Kind::Internal, QStringLiteral("SyncStore: no pull is open"));
    if (Status s = flushNewTerms(); !s) {
        abortPull();
        return s;
    }
    // The cursor of the last page, with the data of every page before it: never ahead of
    // what is stored.
    auto q = statement(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('cursor', ?)"));
    if (!q) {
        abortPull();
        return q.error();
    }
    (*q)->addBindValue(QString::number(cursor));
    if (Status s = exec(**q); !s) {
        abortPull();
        return s;
    }
    m_page.clear();
    QSqlQuery commit(m_store.sql());
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const Status failed = writeError(commit.lastError());
        abortPull();
        return failed;
    }
    m_pullOpen = false;
    endPull(commit);
    return {};
}

void SyncStore::abortPull()
{
    if (!m_pullOpen)
        return;
    m_page.clear(); // statements finished before the rollback
    m_newTerms.clear();
    QSqlQuery q(m_store.sql());
    q.exec(QStringLiteral("ROLLBACK"));
    endPull(q);
    m_pullOpen = false;
}

const QHash<QString, bool>& SyncStore::writableColumns(const QString& table)
{
    // The schema of a table does not change while a desk runs: read it once per table.
    auto it = m_columns.constFind(table);
    if (it == m_columns.cend())
        it = m_columns.insert(table, readWritableColumns(m_store.sql(), table));
    return *it;
}

const SyncStore::WritePlan& SyncStore::writePlan(const TableInfo& table, const wire::Change& change,
                                                 const PreparedChange& prepared, const QSet<QString>& pendingFields)
{
    // Every change of an entity usually carries the same fields: the plan of the last one is
    // reused when the names match, so a change costs no column lookups and no SQL text.
    WritePlan& plan = m_plans[table.table];
    if (pendingFields.isEmpty() && !plan.key.isEmpty() && plan.key == prepared.fieldNames)
        return plan;
    const QHash<QString, bool>& columns = writableColumns(table.table);
    plan = {};
    plan.key = prepared.fieldNames;
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QString name = it.key();
        const auto column = columns.constFind(name);
        const bool write = column != columns.cend() && !pendingFields.contains(name);
        plan.columns << (!write ? WritePlan::kSkip : *column ? WritePlan::kNotNull : WritePlan::kNullable);
        if (write)
            plan.names << name;
    }
    QStringList cols = plan.names;
    cols << QStringLiteral("version") << QStringLiteral("hlc") << QStringLiteral("updated_at") << table.idColumn;
    if (table.hasCreatedAt)
        cols << QStringLiteral("created_at");
    if (table.table == QLatin1String("clients"))
        cols << ClientRepository::derivedColumns(); // sort key and search terms, see applyChange()
    plan.insertSql =
        QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
            .arg(table.table, cols.join(QStringLiteral(", ")), QStringLiteral("?, ").repeated(cols.size()).chopped(2));
    QStringList sets;
    for (const QString& n : std::as_const(plan.names))
        sets << n + QStringLiteral(" = ?");
    sets << QStringLiteral("version = ?") << QStringLiteral("hlc = ?") << QStringLiteral("updated_at = ?");
    if (table.hasDeleted)
        sets << QStringLiteral("deleted = 0");
    plan.updateSql = QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                         .arg(table.table, sets.join(QStringLiteral(", ")), table.idColumn);
    if (!pendingFields.isEmpty())
        plan.key.clear(); // fields left out for this record only: not a plan for the next one
    return plan;
}

Result<int> SyncStore::run(const QString& sql, const QVariantList& values, qsizetype count)
{
    auto q = statement(sql);
    if (!q)
        return q.error();
    for (qsizetype i = 0; i < count; ++i)
        (*q)->addBindValue(values.at(i));
    if (Status s = exec(**q); !s)
        return s.error();
    return (*q)->numRowsAffected();
}

Result<QSqlQuery*> SyncStore::statement(const QString& sql)
{
    QSqlQuery* q = m_page.get(sql);
    if (!q)
        return Error::make(Error::Kind::Internal, m_page.error());
    return q;
}

Status SyncStore::applyChange(const wire::Change& change, const PreparedChange& prepared)
{
    const auto table = tableFor(change.entity);
    if (!table)
        return {}; // an entity this desk does not know (a newer schema): nothing to show

    // Pending local operations on this record win until they are pushed.
    QSet<QString> pendingFields;
    bool pendingDelete = false;
    if (!m_outboxEmpty) {
        auto q = statement(QStringLiteral("SELECT kind, fields FROM outbox WHERE entity = ? AND entity_id = ?"));
        if (!q)
            return q.error();
        (*q)->addBindValue(change.entity);
        (*q)->addBindValue(change.entityId);
        if (Status s = exec(**q); !s)
            return s;
        while ((*q)->next()) {
            pendingDelete |= (*q)->value(0).toString() == QLatin1String("delete");
            const QJsonObject f = QJsonDocument::fromJson((*q)->value(1).toString().toUtf8()).object();
            for (auto it = f.begin(); it != f.end(); ++it)
                pendingFields.insert(it.key());
        }
    }
    if (pendingDelete)
        return {};

    if (change.deleted) {
        const QString sql =
            table->hasDeleted
                ? QStringLiteral("UPDATE %1 SET deleted = 1, version = ?, hlc = ?, updated_at = ? WHERE %2 = ?")
                : QStringLiteral("DELETE FROM %1 WHERE %2 = ?");
        QVariantList binds;
        if (table->hasDeleted)
            binds << change.version << change.hlc << m_now;
        binds << change.entityId;
        auto deleted = run(sql.arg(table->table, table->idColumn), binds, binds.size());
        if (!deleted)
            return deleted.error();
        if (*deleted == 0 || change.entity != QLatin1String("client"))
            return {}; // a record this desk never had stays absent
        // The client's search entries may still be waiting in m_newTerms.
        if (Status s = flushNewTerms(); !s)
            return s;
        return m_store.clients().removeSearchTerms(change.entityId);
    }

    const WritePlan& plan = writePlan(*table, change, prepared, pendingFields);
    QVariantList values;
    values.reserve(plan.names.size() + 7);
    for (qsizetype k = 0; k < plan.columns.size(); ++k) {
        const qint8 column = plan.columns.at(k);
        if (column == WritePlan::kSkip)
            continue;
        const QVariant& value = prepared.values.at(k);
        // What sqlValue() gives for a NOT NULL column: "" where a nullable one takes NULL.
        values << (column == WritePlan::kNotNull && !value.isValid() ? QVariant(QString()) : value);
    }

    // Client numbers: the server keeps them unique in the practice; a desk that numbered a
    // new client offline may hold the same number for another client until that one is
    // pushed and renumbered. Give the local one a free number meanwhile.
    const qsizetype numberAt = plan.names.indexOf(QStringLiteral("client_number"));
    const qint64 number = numberAt >= 0 ? values.at(numberAt).toLongLong() : 0;
    if (change.entity == QLatin1String("client") && numberAt >= 0 && number <= m_highestNumber) {
        // Only a number no higher than the highest this desk holds can be taken (in a first
        // sync, numbers mostly arrive in ascending order and this is skipped).
        auto clash = statement(QStringLiteral("UPDATE clients SET client_number = (SELECT MAX(client_number) + 1 "
                                              "FROM clients) WHERE client_number = ? AND id <> ?"));
        if (!clash)
            return clash.error();
        (*clash)->addBindValue(values.at(numberAt));
        (*clash)->addBindValue(change.entityId);
        if (Status s = exec(**clash); !s)
            return s;
        if ((*clash)->numRowsAffected() > 0) { // the other client moved to a new highest number
            auto highest = highestClientNumber();
            if (!highest)
                return highest.error();
            m_highestNumber = *highest;
        }
    }
    if (change.entity == QLatin1String("client") && numberAt >= 0)
        m_highestNumber = qMax(m_highestNumber, number);

    // Insert the record if it is new to this desk (every record of a first sync), else
    // update it: the insert says by the rows it wrote which it was, without a lookup first.
    // Both statements take the same values in the same order (the insert one more).
    values << change.version << change.hlc << m_now << change.entityId;
    const qsizetype updateBinds = values.size();
    if (table->hasCreatedAt)
        values << m_now;
    // A client is inserted with its sort key and search terms (from the pulled fields, which
    // are the whole record), rather than updated with them afterwards.
    const bool client = change.entity == QLatin1String("client");
    if (client) {
        for (const QString& name : ClientRepository::derivedColumns()) // as in the plan's insert
            values << prepared.derived.value(name);
    }
    auto inserted = run(plan.insertSql, values, values.size());
    if (!inserted)
        return inserted.error();
    if (*inserted == 0) {
        auto updated = run(plan.updateSql, values, updateBinds);
        if (!updated)
            return updated.error();
        // Neither inserted nor there to update: the insert was refused by a rule of the table
        // (OR IGNORE skips a broken constraint silently). The page must fail, as before.
        if (*updated == 0)
            return Error::make(Error::Kind::Internal,
                               QCoreApplication::translate("SyncStore",
                                                           "A record from the practice server (%1 %2) breaks a rule "
                                                           "of this desk's database; nothing was applied.")
                                   .arg(change.entity, change.entityId));
    }
    if (!client)
        return {};
    if (*inserted > 0) {
        const QByteArray id = change.entityId.toUtf8();
        const QByteArray terms = prepared.derived.value(QStringLiteral("search_terms")).toString().toUtf8();
        for (const QByteArray& term : terms.split('\n'))
            if (!term.isEmpty())
                m_newTerms.add(term, id);
        return {};
    }
    if (Status s = flushNewTerms(); !s) // the client's terms may be among them
        return s;
    return m_store.clients().reindex(change.entityId); // the update may have carried only some fields
}

Result<QList<OpenConflict>> SyncStore::openConflicts()
{
    QSqlQuery q(m_store.sql());
    if (!q.exec(QStringLiteral(
            "SELECT conflict, created_at FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at")))
        return writeError(q.lastError());
    QList<OpenConflict> out;
    while (q.next()) {
        auto c = wire::conflictFromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        if (!c)
            continue;
        out << OpenConflict{*c, QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs)};
    }
    return out;
}

Result<QList<RejectedChange>> SyncStore::rejectedChanges()
{
    QSqlQuery q(m_store.sql());
    if (!q.exec(QStringLiteral("SELECT op_id, entity, entity_id, reason, at FROM sync_rejected ORDER BY at DESC")))
        return writeError(q.lastError());
    QList<RejectedChange> out;
    while (q.next())
        out << RejectedChange{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs)};
    return out;
}

Status SyncStore::resolve(const QString& conflictId, const Resolution& resolution)
{
    QSqlDatabase& db = m_store.sql();
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT conflict FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL"));
    find.addBindValue(conflictId);
    if (Status s = exec(find); !s)
        return s;
    if (!find.next())
        return Error::make(Error::Kind::NotFound,
                           QCoreApplication::translate("SyncStore", "This conflict was already resolved."));
    auto conflict = wire::conflictFromJson(QJsonDocument::fromJson(find.value(0).toString().toUtf8()).object());
    find.finish();
    if (!conflict)
        return conflict.error();
    const auto table = tableFor(conflict->entity);
    if (!table)
        return Error::invalid(QCoreApplication::translate("SyncStore", "This desk does not know that kind of record."));

    QSqlQuery current(db);
    current.prepare(QStringLiteral("SELECT version FROM %1 WHERE %2 = ?").arg(table->table, table->idColumn));
    current.addBindValue(conflict->entityId);
    if (Status s = exec(current); !s)
        return s;
    const bool exists = current.next();
    const qint64 version = exists ? current.value(0).toLongLong() : 0;
    current.finish();

    auto cs = m_store.changeSet();
    if (Status s = cs->begin(); !s)
        return s;
    const QHash<QString, bool>& columns = writableColumns(table->table);
    QVariantMap fields;
    if (resolution.deleted) {
        QSqlQuery q(db);
        if (table->hasDeleted) {
            q.prepare(QStringLiteral("UPDATE %1 SET deleted = 1, hlc = ?, updated_at = ? WHERE %2 = ?")
                          .arg(table->table, table->idColumn));
            q.addBindValue(cs->hlc());
            q.addBindValue(cs->nowIso());
        } else {
            q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table->table, table->idColumn));
        }
        q.addBindValue(conflict->entityId);
        if (Status s = exec(q); !s)
            return s;
    } else if (exists) {
        QStringList sets;
        QVariantList values;
        for (auto it = resolution.fields.begin(); it != resolution.fields.end(); ++it) {
            if (!columns.contains(it.key()))
                continue;
            sets << it.key() + QStringLiteral(" = ?");
            values << sqlValue(it.value(), columns.value(it.key()));
            fields.insert(it.key(), it.value().toVariant());
        }
        sets << QStringLiteral("hlc = ?") << QStringLiteral("updated_at = ?");
        if (table->hasDeleted)
            sets << QStringLiteral("deleted = 0");
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                      .arg(table->table, sets.join(QStringLiteral(", ")), table->idColumn));
        for (const QVariant& v : std::as_const(values))
            q.addBindValue(v);
        q.addBindValue(cs->hlc());
        q.addBindValue(cs->nowIso());
        q.addBindValue(conflict->entityId);
        if (Status s = exec(q); !s)
            return s;
    }
    QString clientId;
    if (conflict->entity == QLatin1String("client"))
        clientId = conflict->entityId;
    else if (conflict->entity == QLatin1String("relation"))
        if (auto r = m_store.relations().get(conflict->entityId))
            clientId = r->clientId;
    if (Status s =
            cs->recordResolution(conflict->entity, conflict->entityId, version, resolution.deleted, fields, conflictId,
                                 clientId, QCoreApplication::translate("SyncStore", "Sync conflict resolved"));
        !s)
        return s;
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?"));
    mark.addBindValue(cs->nowIso());
    mark.addBindValue(conflictId);
    if (Status s = exec(mark); !s)
        return s;
    if (conflict->entity == QLatin1String("client") && !resolution.deleted)
        if (Status s = m_store.clients().reindex(conflict->entityId); !s)
            return s;
    return cs->commit();
}

} // namespace pd
