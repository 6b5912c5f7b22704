#include "server/SyncService.h"

#include "server/PgDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace pd::server {

namespace {

QString json(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

struct Record
{
    bool stored = false; // in the records table before this batch (and locked by it)
    bool exists = false;
    qint64 version = 0;
    bool deleted = false;
    QString deletedBy;
    QJsonObject fields;
    QJsonObject fieldVersions;
    QJsonObject fieldNodes;
};

} // namespace

namespace {

QString keyOf(const QString& entity, const QString& id)
{
    return entity + QLatin1Char('\x1f') + id;
}

// A PostgreSQL array literal, bound as one value: '{"a","b\\"c"}'. Every element is quoted
// and its quotes and backslashes escaped, so any text (JSON too) passes through unchanged.
// A push writes each table with one statement over unnest() of such arrays: a few bound
// values instead of one per column and row, which Qt's driver formats one by one and
// PostgreSQL parses one by one (issue 4).
class PgArray
{
public:
    void addText(QStringView v)
    {
        next();
        m_text += QLatin1Char('"');
        qsizetype from = 0; // appended in runs between the characters to escape
        for (qsizetype i = 0; i < v.size(); ++i) {
            if (v[i] == QLatin1Char('"') || v[i] == QLatin1Char('\\')) {
                m_text += v.mid(from, i - from);
                m_text += QLatin1Char('\\');
                from = i;
            }
        }
        m_text += v.mid(from);
        m_text += QLatin1Char('"');
    }
    void addNumber(qint64 n)
    {
        next();
        m_text += QString::number(n);
    }
    void addBool(bool b)
    {
        next();
        m_text += b ? QLatin1Char('t') : QLatin1Char('f');
    }
    bool isEmpty() const { return m_text.isEmpty(); }
    QString text() const { return m_text.isEmpty() ? QStringLiteral("{}") : m_text + QLatin1Char('}'); }

private:
    void next() { m_text += m_text.isEmpty() ? QLatin1Char('{') : QLatin1Char(','); }
    QString m_text;
};

QString arrayLiteral(const QStringList& values)
{
    PgArray a;
    for (const QString& v : values)
        a.addText(v);
    return a.text();
}

// Runs one statement with these values bound in order.
Status execWith(QSqlDatabase& db, const QString& sql, const QVariantList& values, const char* what)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    return exec(q, what);
}

} // namespace

Result<wire::PushResponse> SyncService::push(QSqlDatabase& db, const Principal& who, const wire::PushRequest& request)
{
    PgTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    // One writer per practice at a time: change-log positions are handed out in commit
    // order, so a puller never skips a change that commits late (DESIGN.md §4).
    QSqlQuery lock(db);
    lock.prepare(QStringLiteral("SELECT id FROM practices WHERE id = ? FOR UPDATE"));
    lock.addBindValue(who.practiceId);
    if (Status s = exec(lock, "locking the practice"); !s)
        return s.error();

    // The whole batch is read and written with a handful of statements (ingest speed, issue
    // 4: a push of 500 operations is ~8 round trips, not ~3,000); the rules run in memory, in
    // the operations' order.
    QStringList opIds;
    for (const wire::Op& op : request.ops)
        opIds << op.opId;
    QHash<QString, QJsonObject> seen;
    {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT op_id::text, result FROM ops WHERE practice_id = ? AND op_id = ANY(?::uuid[])"));
        q.addBindValue(who.practiceId);
        q.addBindValue(arrayLiteral(opIds));
        if (Status s = exec(q, "checking operations"); !s)
            return s.error();
        while (q.next())
            seen.insert(q.value(0).toString(), object(q.value(1)));
    }

    auto rejection = [&](const wire::Op& op) -> QString {
        if (!wire::isEntity(op.entity))
            return QStringLiteral("Unknown kind of record \"%1\".").arg(op.entity.left(40));
        if (!wire::isEntityId(op.entity, op.entityId))
            return QStringLiteral("Malformed record id.");
        if (op.entity == QLatin1String("org_setting") && who.role != QLatin1String("admin"))
            return QStringLiteral("Only administrators can change organization settings.");
        return {};
    };

    QStringList entities, ids, numbers;
    int toApply = 0;
    for (const wire::Op& op : request.ops) {
        if (seen.contains(op.opId) || !rejection(op).isEmpty())
            continue;
        ++toApply;
        entities << op.entity;
        ids << op.entityId;
        if (op.entity == QLatin1String("client") && op.fields.contains(QStringLiteral("client_number")))
            numbers << QString::number(op.fields.value(QStringLiteral("client_number")).toVariant().toLongLong());
    }

    QHash<QString, Record> records;
    if (toApply > 0) {
        QSqlQuery q(db);
        // A join on the primary key (an IN over unnest() can be planned as a scan per element).
        q.prepare(QStringLiteral("SELECT r.entity, r.entity_id, r.version, r.deleted, r.deleted_by, r.fields, "
                                 "r.field_versions, r.field_nodes FROM unnest(?::text[], ?::text[]) AS k(entity, "
                                 "entity_id) JOIN records r ON r.practice_id = ?::uuid AND r.entity = k.entity AND "
                                 "r.entity_id = k.entity_id FOR UPDATE OF r"));
        q.addBindValue(arrayLiteral(entities));
        q.addBindValue(arrayLiteral(ids));
        q.addBindValue(who.practiceId);
        if (Status s = exec(q, "reading records"); !s)
            return s.error();
        while (q.next()) {
            Record r;
            r.stored = true;
            r.exists = true;
            r.version = q.value(2).toLongLong();
            r.deleted = q.value(3).toBool();
            r.deletedBy = q.value(4).toString();
            r.fields = object(q.value(5));
            r.fieldVersions = object(q.value(6));
            r.fieldNodes = object(q.value(7));
            records.insert(keyOf(q.value(0).toString(), q.value(1).toString()), r);
        }
    }

    // Versions for this batch: positions in the practice's change log, handed out in order
    // while the lock is held.
    QList<qint64> seqs;
    if (toApply > 0) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT nextval('record_versions') FROM generate_series(1, ?)"));
        q.addBindValue(toApply);
        if (Status s = exec(q, "numbering changes"); !s)
            return s.error();
        while (q.next())
            seqs << q.value(0).toLongLong();
    }
    qsizetype nextSeq = 0;

    // Client numbers: who holds each number this batch mentions, and the highest in use.
    QHash<QString, QString> numberOwner;
    qint64 maxNumber = 1000;
    if (!numbers.isEmpty()) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT fields->>'client_number', entity_id FROM records WHERE practice_id = ? AND "
                                 "entity = 'client' AND NOT deleted AND fields->>'client_number' = ANY(?::text[])"));
        q.addBindValue(who.practiceId);
        q.addBindValue(arrayLiteral(numbers));
        if (Status s = exec(q, "checking client numbers"); !s)
            return s.error();
        while (q.next())
            numberOwner.insert(q.value(0).toString(), q.value(1).toString());
        QSqlQuery max(db);
        max.prepare(QStringLiteral("SELECT COALESCE(MAX((fields->>'client_number')::bigint), 1000) FROM records WHERE "
                                   "practice_id = ? AND entity = 'client'"));
        max.addBindValue(who.practiceId);
        if (Status s = exec(max, "numbering clients"); !s)
            return s.error();
        max.next();
        maxNumber = max.value(0).toLongLong();
    }

    wire::PushResponse response;
    // Every change in order; a record is written once, as its last change in the batch left it
    // (with that operation's HLC stamp).
    QList<std::pair<QString, const wire::Op*>> changes;
    QHash<QString, qsizetype> lastChange; // record key -> its last entry in changes
    PgArray conflictIds, conflictEntities, conflictEntityIds, conflictBodies;
    PgArray opIdsDone, opResults;
    QStringList resolvedConflicts;
    const QString& node = request.nodeId;

    for (const wire::Op& op : request.ops) {
        wire::OpResult result;
        result.opId = op.opId;
        if (const auto it = seen.constFind(op.opId); it != seen.cend()) {
            result.status = wire::OpStatus::Duplicate;
            result.version = qMax<qint64>(1, it->value(QStringLiteral("version")).toVariant().toLongLong());
            response.results << result;
            continue;
        }
        if (const QString reason = rejection(op); !reason.isEmpty()) {
            result.status = wire::OpStatus::Rejected;
            result.reason = reason;
        } else {
            const QString key = keyOf(op.entity, op.entityId);
            Record& r = records[key];
            const bool isDelete = op.kind == wire::OpKind::Delete;
            auto changedByOthers = [&](const QString& field) {
                return r.fieldVersions.value(field).toVariant().toLongLong() > op.baseVersion &&
                       r.fieldNodes.value(field).toString() != node;
            };
            auto change = [&](auto&& mutate) {
                const qint64 v = seqs.value(nextSeq++);
                const QString oldNumber =
                    op.entity == QLatin1String("client") && r.exists && !r.deleted
                        ? QString::number(r.fields.value(QStringLiteral("client_number")).toVariant().toLongLong())
                        : QString();
                r.version = v;
                mutate(v);
                r.exists = true;
                if (op.entity == QLatin1String("client") && r.fields.contains(QStringLiteral("client_number"))) {
                    if (!oldNumber.isEmpty() && numberOwner.value(oldNumber) == op.entityId)
                        numberOwner.remove(oldNumber);
                    if (!r.deleted) {
                        qint64 n = r.fields.value(QStringLiteral("client_number")).toVariant().toLongLong();
                        const QString owner = numberOwner.value(QString::number(n));
                        if (!owner.isEmpty() && owner != op.entityId) {
                            n = ++maxNumber; // taken: the next free number (docs/protocol.md)
                            r.fields.insert(QStringLiteral("client_number"), n);
                        }
                        maxNumber = qMax(maxNumber, n);
                        numberOwner.insert(QString::number(n), op.entityId);
                    }
                }
                lastChange.insert(key, changes.size());
                changes.emplace_back(key, &op);
            };
            auto applyFields = [&](const QJsonObject& fields, qint64 version) {
                for (auto it = fields.begin(); it != fields.end(); ++it) {
                    r.fields.insert(it.key(), it.value());
                    r.fieldVersions.insert(it.key(), version);
                    r.fieldNodes.insert(it.key(), node);
                }
            };
            wire::Conflict conflict;
            conflict.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            conflict.entity = op.entity;
            conflict.entityId = op.entityId;

            if (!op.resolves.isEmpty()) {
                // A person chose these values: no conflict check (docs/protocol.md rule 6).
                change([&](qint64 v) {
                    r.deleted = isDelete;
                    r.deletedBy = isDelete ? node : QString();
                    applyFields(op.fields, v);
                });
                resolvedConflicts << op.resolves;
                result.status = wire::OpStatus::Applied;
            } else if (!r.exists) {
                change([&](qint64 v) {
                    r.deleted = isDelete;
                    r.deletedBy = isDelete ? node : QString();
                    applyFields(op.fields, v);
                });
                result.status = wire::OpStatus::Applied;
            } else if (isDelete) {
                QJsonObject changed;
                for (auto it = r.fieldVersions.begin(); it != r.fieldVersions.end(); ++it)
                    if (changedByOthers(it.key()))
                        changed.insert(it.key(), r.fields.value(it.key()));
                if (r.deleted) {
                    result.status = wire::OpStatus::Applied; // already gone
                } else if (!changed.isEmpty()) {
                    conflict.deskDeleted = true;
                    for (auto it = changed.begin(); it != changed.end(); ++it)
                        conflict.fields << wire::FieldConflict{it.key(), it.value(), QJsonValue()};
                    result.status = wire::OpStatus::Conflict;
                } else {
                    change([&](qint64) {
                        r.deleted = true;
                        r.deletedBy = node;
                    });
                    result.status = wire::OpStatus::Applied;
                }
            } else if (r.deleted && r.version > op.baseVersion && r.deletedBy != node) {
                // Edited here, deleted on another desk.
                conflict.serverDeleted = true;
                for (auto it = op.fields.begin(); it != op.fields.end(); ++it)
                    conflict.fields << wire::FieldConflict{it.key(), r.fields.value(it.key()), it.value()};
                result.status = wire::OpStatus::Conflict;
            } else {
                QJsonObject apply;
                bool merged = false;
                for (auto it = op.fields.begin(); it != op.fields.end(); ++it) {
                    const QJsonValue server = r.fields.value(it.key());
                    if (changedByOthers(it.key()) && server != it.value())
                        conflict.fields << wire::FieldConflict{it.key(), server, it.value()};
                    else
                        apply.insert(it.key(), it.value());
                }
                for (auto it = r.fieldVersions.begin(); it != r.fieldVersions.end() && !merged; ++it)
                    merged = changedByOthers(it.key());
                if (!apply.isEmpty() || r.deleted)
                    change([&](qint64 v) {
                        r.deleted = false;
                        r.deletedBy.clear();
                        applyFields(apply, v);
                    });
                result.status = !conflict.fields.isEmpty() ? wire::OpStatus::Conflict
                                : merged                   ? wire::OpStatus::Merged
                                                           : wire::OpStatus::Applied;
            }
            result.version = qMax<qint64>(1, r.version);
            if (result.status == wire::OpStatus::Conflict) {
                conflictIds.addText(conflict.id);
                conflictEntities.addText(op.entity);
                conflictEntityIds.addText(op.entityId);
                conflictBodies.addText(json(wire::toJson(conflict)));
                result.conflict = conflict;
            }
        }
        const QJsonObject remembered{{QStringLiteral("status"), wire::statusKey(result.status)},
                                     {QStringLiteral("version"), result.version}};
        opIdsDone.addText(op.opId);
        // What json(remembered) writes, without a QJsonDocument per operation.
        opResults.addText(QStringLiteral("{\"status\":\"%1\",\"version\":%2}")
                              .arg(wire::statusKey(result.status), QString::number(result.version)));
        seen.insert(op.opId, remembered); // the same operation twice in one batch is a duplicate too
        response.results << result;
    }

    // Writes: one statement per table, its rows as arrays. Writing a record at its new version
    // also moves it to the end of the practice's change log (records_by_version). Records
    // this batch found are updated and the others inserted: the practice's lock and the
    // records' row locks (FOR UPDATE above) keep anyone else from adding or removing them
    // meanwhile, so there is no need for ON CONFLICT's extra index search per row.
    if (!changes.isEmpty()) {
        struct Rows
        {
            PgArray entities, ids, versions, deleted, deletedBy, fields, fieldVersions, fieldNodes, hlcs;
            int count = 0;
            QVariantList values(const QString& practiceId) const
            {
                return {practiceId,       entities.text(), ids.text(),           versions.text(),   deleted.text(),
                        deletedBy.text(), fields.text(),   fieldVersions.text(), fieldNodes.text(), hlcs.text()};
            }
        } inserts, updates;
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const auto& [key, op] = changes.at(i);
            if (lastChange.value(key) != i)
                continue; // changed again later in the batch
            const Record& r = records.value(key);
            Rows& rows = r.stored ? updates : inserts;
            rows.entities.addText(op->entity);
            rows.ids.addText(op->entityId);
            rows.versions.addNumber(r.version);
            rows.deleted.addBool(r.deleted);
            rows.deletedBy.addText(r.deletedBy);
            rows.fields.addText(json(r.fields));
            rows.fieldVersions.addText(json(r.fieldVersions));
            rows.fieldNodes.addText(json(r.fieldNodes));
            rows.hlcs.addText(op->hlc);
            ++rows.count;
        }
        if (inserts.count > 0)
            if (Status s = execWith(
                    db,
                    QStringLiteral(
                        "INSERT INTO records (practice_id, entity, entity_id, version, deleted, deleted_by, fields, "
                        "field_versions, field_nodes, hlc) SELECT ?::uuid, * FROM unnest(?::text[], ?::text[], "
                        "?::bigint[], ?::boolean[], ?::text[], ?::jsonb[], ?::jsonb[], ?::jsonb[], ?::text[])"),
                    inserts.values(who.practiceId), "writing new records");
                !s)
                return s.error();
        if (updates.count > 0) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "UPDATE records r SET version = k.version, deleted = k.deleted, deleted_by = k.deleted_by, fields = "
                "k.fields, field_versions = k.field_versions, field_nodes = k.field_nodes, hlc = k.hlc, updated_at = "
                "now() FROM unnest(?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::text[], ?::jsonb[], "
                "?::jsonb[], ?::jsonb[], ?::text[]) AS k(entity, entity_id, version, deleted, deleted_by, fields, "
                "field_versions, field_nodes, hlc) WHERE r.practice_id = ?::uuid AND r.entity = k.entity AND "
                "r.entity_id = k.entity_id"));
            QVariantList values = updates.values(who.practiceId);
            values.append(values.takeFirst()); // the practice comes last here
            for (const QVariant& v : std::as_const(values))
                q.addBindValue(v);
            if (Status s = exec(q, "updating records"); !s)
                return s.error();
            if (q.numRowsAffected() != updates.count)
                return Error::make(Error::Kind::Internal,
                                   QStringLiteral("database error while updating records: %1 of %2 rows written")
                                       .arg(q.numRowsAffected())
                                       .arg(updates.count));
        }
    }
    if (!conflictIds.isEmpty())
        if (Status s =
                execWith(db,
                         QStringLiteral("INSERT INTO conflicts (practice_id, id, entity, entity_id, body) SELECT "
                                        "?::uuid, * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::jsonb[])"),
                         {who.practiceId, conflictIds.text(), conflictEntities.text(), conflictEntityIds.text(),
                          conflictBodies.text()},
                         "keeping conflicts");
            !s)
            return s.error();
    if (!resolvedConflicts.isEmpty()) {
        QSqlQuery done(db);
        done.prepare(QStringLiteral("UPDATE conflicts SET resolved_at = now() WHERE practice_id = ? AND id = "
                                    "ANY(?::uuid[]) AND resolved_at IS NULL"));
        done.addBindValue(who.practiceId);
        done.addBindValue(arrayLiteral(resolvedConflicts));
        if (Status s = exec(done, "resolving conflicts"); !s)
            return s.error();
    }
    if (!opIdsDone.isEmpty())
        if (Status s = execWith(db,
                                QStringLiteral("INSERT INTO ops (practice_id, op_id, result) SELECT ?::uuid, * FROM "
                                               "unnest(?::uuid[], ?::jsonb[])"),
                                {who.practiceId, opIdsDone.text(), opResults.text()}, "remembering operations");
            !s)
            return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return response;
}

Result<wire::RawPullPage> SyncService::pull(QSqlDatabase& db, const Principal& who, qint64 cursor, int limit)
{
    // A consistent snapshot: the page and the practice's oldest kept position agree.
    PgTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    QSqlQuery iso(db);
    iso.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    QSqlQuery min(db);
    min.prepare(QStringLiteral("SELECT min_seq FROM practices WHERE id = ?"));
    min.addBindValue(who.practiceId);
    if (Status s = exec(min, "reading the practice"); !s)
        return s.error();
    if (min.next() && cursor > 0 && cursor < min.value(0).toLongLong())
        return Error{Error::Kind::Invalid,
                     QStringLiteral("This desk has been away longer than the server keeps changes; it will receive "
                                    "everything again."),
                     QStringLiteral("resync_required")};
    QSqlQuery q(db);
    // The log is the records in version order (records_by_version): each record once, at its
    // last change, which is the position it is sent at.
    q.prepare(QStringLiteral("SELECT version, entity, entity_id, version, deleted, fields, hlc FROM records WHERE "
                             "practice_id = ? AND version > ? ORDER BY version LIMIT ?"));
    q.addBindValue(who.practiceId);
    q.addBindValue(cursor);
    q.addBindValue(limit + 1);
    if (Status s = exec(q, "reading the change log"); !s)
        return s.error();
    // Each record's fields go out as PostgreSQL writes the jsonb, not parsed and written
    // again: that was most of the server's work per page.
    wire::RawPullPage page;
    page.cursor = cursor;
    while (q.next()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        wire::RawChange c;
        c.seq = q.value(0).toLongLong();
        c.entity = q.value(1).toString();
        c.entityId = q.value(2).toString();
        c.version = q.value(3).toLongLong();
        c.deleted = q.value(4).toBool();
        if (!c.deleted)
            c.fields = q.value(5).toString().toUtf8();
        c.hlc = q.value(6).toString();
        page.cursor = c.seq;
        page.changes << c;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return page;
}

Result<QList<wire::Conflict>> SyncService::openConflicts(QSqlDatabase& db, const Principal& who)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT body, created_at FROM conflicts WHERE practice_id = ? AND resolved_at IS NULL "
                             "ORDER BY created_at LIMIT 1000"));
    q.addBindValue(who.practiceId);
    if (Status s = exec(q, "listing conflicts"); !s)
        return s.error();
    QList<wire::Conflict> out;
    while (q.next()) {
        QJsonObject body = object(q.value(0));
        body.insert(QStringLiteral("created_at"), q.value(1).toDateTime().toUTC().toString(Qt::ISODate));
        if (auto c = wire::conflictFromJson(body))
            out << *c;
    }
    return out;
}

Result<int> SyncService::prune(QSqlDatabase& db, int days)
{
    PgTransaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    QSqlQuery q(db);
    // The tombstones go, each practice's oldest cursor still served moves past them, and the
    // answer is how many records went (a WITH's UPDATE runs whether or not it is read).
    q.prepare(QStringLiteral(
        "WITH gone AS (DELETE FROM records WHERE deleted AND updated_at < now() - (? || ' days')::interval "
        "RETURNING practice_id, version), moved AS (UPDATE practices p SET min_seq = GREATEST(p.min_seq, m.seq) "
        "FROM (SELECT practice_id, max(version) seq FROM gone GROUP BY practice_id) m WHERE p.id = m.practice_id) "
        "SELECT count(*) FROM gone"));
    q.addBindValue(QString::number(days));
    if (Status s = exec(q, "pruning"); !s)
        return s.error();
    const int n = q.next() ? q.value(0).toInt() : 0;
    if (Status s = tx.commit(); !s)
        return s.error();
    return n;
}

} // namespace pd::server
