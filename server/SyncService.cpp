#include "server/SyncService.h"

#include "server/PgDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace pd::server {

namespace {

// QPSQL binds a null QString as NULL; NOT NULL text columns get an empty string instead.
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

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
    bool exists = false;
    qint64 version = 0;
    bool deleted = false;
    QString deletedBy;
    QJsonObject fields;
    QJsonObject fieldVersions;
    QJsonObject fieldNodes;
};

Result<Record> loadRecord(QSqlDatabase& db, const QString& practice, const wire::Op& op)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT version, deleted, deleted_by, fields, field_versions, field_nodes FROM records "
                             "WHERE practice_id = ? AND entity = ? AND entity_id = ? FOR UPDATE"));
    q.addBindValue(practice);
    q.addBindValue(op.entity);
    q.addBindValue(op.entityId);
    if (Status s = exec(q, "reading a record"); !s)
        return s.error();
    Record r;
    if (!q.next())
        return r;
    r.exists = true;
    r.version = q.value(0).toLongLong();
    r.deleted = q.value(1).toBool();
    r.deletedBy = q.value(2).toString();
    r.fields = object(q.value(3));
    r.fieldVersions = object(q.value(4));
    r.fieldNodes = object(q.value(5));
    return r;
}

// The next position in the practice's change log; the record's new version.
Result<qint64> logChange(QSqlDatabase& db, const QString& practice, const wire::Op& op)
{
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM change_log WHERE practice_id = ? AND entity = ? AND entity_id = ?"));
    del.addBindValue(practice);
    del.addBindValue(op.entity);
    del.addBindValue(op.entityId);
    if (Status s = exec(del, "compacting the change log"); !s)
        return s.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO change_log (practice_id, entity, entity_id) VALUES (?, ?, ?) RETURNING seq"));
    q.addBindValue(practice);
    q.addBindValue(op.entity);
    q.addBindValue(op.entityId);
    if (Status s = exec(q, "logging a change"); !s)
        return s.error();
    q.next();
    return q.value(0).toLongLong();
}

Status saveRecord(QSqlDatabase& db, const QString& practice, const wire::Op& op, const Record& r)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO records (practice_id, entity, entity_id, version, deleted, deleted_by, fields, field_versions, "
        "field_nodes, hlc, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, now()) "
        "ON CONFLICT (practice_id, entity, entity_id) DO UPDATE SET version = EXCLUDED.version, deleted = "
        "EXCLUDED.deleted, deleted_by = EXCLUDED.deleted_by, fields = EXCLUDED.fields, field_versions = "
        "EXCLUDED.field_versions, field_nodes = EXCLUDED.field_nodes, hlc = EXCLUDED.hlc, updated_at = now()"));
    for (const QVariant& v : {QVariant(practice), QVariant(op.entity), QVariant(op.entityId), QVariant(r.version),
                              QVariant(r.deleted), QVariant(text(r.deletedBy)), QVariant(json(r.fields)),
                              QVariant(json(r.fieldVersions)), QVariant(json(r.fieldNodes)), QVariant(text(op.hlc))})
        q.addBindValue(v);
    return exec(q, "writing a record");
}

// The server keeps client numbers unique within a practice (docs/protocol.md, Records).
Status uniqueClientNumber(QSqlDatabase& db, const QString& practice, const wire::Op& op, Record& r)
{
    if (op.entity != QLatin1String("client") || !op.fields.contains(QStringLiteral("client_number")) || r.deleted)
        return {};
    const QString number = QString::number(r.fields.value(QStringLiteral("client_number")).toVariant().toLongLong());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM records WHERE practice_id = ? AND entity = 'client' AND NOT deleted AND "
                             "fields->>'client_number' = ? AND entity_id <> ? LIMIT 1"));
    q.addBindValue(practice);
    q.addBindValue(number);
    q.addBindValue(op.entityId);
    if (Status s = exec(q, "checking a client number"); !s)
        return s;
    if (!q.next())
        return {};
    QSqlQuery max(db);
    max.prepare(QStringLiteral("SELECT COALESCE(MAX((fields->>'client_number')::bigint), 1000) + 1 FROM records WHERE "
                               "practice_id = ? AND entity = 'client'"));
    max.addBindValue(practice);
    if (Status s = exec(max, "numbering a client"); !s)
        return s;
    max.next();
    r.fields.insert(QStringLiteral("client_number"), max.value(0).toLongLong());
    return {};
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

    wire::PushResponse response;
    const QString& node = request.nodeId;
    for (const wire::Op& op : request.ops) {
        wire::OpResult result;
        result.opId = op.opId;

        QSqlQuery seen(db);
        seen.prepare(QStringLiteral("SELECT result FROM ops WHERE practice_id = ? AND op_id = ?"));
        seen.addBindValue(who.practiceId);
        seen.addBindValue(op.opId);
        if (Status s = exec(seen, "checking an operation"); !s)
            return s.error();
        if (seen.next()) {
            const QJsonObject before = object(seen.value(0));
            result.status = wire::OpStatus::Duplicate;
            result.version = before.value(QStringLiteral("version")).toVariant().toLongLong();
            if (result.version <= 0)
                result.version = 1;
            response.results << result;
            continue;
        }

        auto reject = [&](const QString& reason) {
            result.status = wire::OpStatus::Rejected;
            result.reason = reason;
        };
        if (!wire::isEntity(op.entity))
            reject(QStringLiteral("Unknown kind of record \"%1\".").arg(op.entity.left(40)));
        else if (!wire::isEntityId(op.entity, op.entityId))
            reject(QStringLiteral("Malformed record id."));
        else if (op.entity == QLatin1String("org_setting") && who.role != QLatin1String("admin"))
            reject(QStringLiteral("Only administrators can change organization settings."));

        if (result.status != wire::OpStatus::Rejected) {
            auto loaded = loadRecord(db, who.practiceId, op);
            if (!loaded)
                return loaded.error();
            Record r = *loaded;
            const bool isDelete = op.kind == wire::OpKind::Delete;
            auto changedByOthers = [&](const QString& field) {
                return r.fieldVersions.value(field).toVariant().toLongLong() > op.baseVersion &&
                       r.fieldNodes.value(field).toString() != node;
            };
            auto applyFields = [&](const QJsonObject& fields, qint64 version) {
                for (auto it = fields.begin(); it != fields.end(); ++it) {
                    r.fields.insert(it.key(), it.value());
                    r.fieldVersions.insert(it.key(), version);
                    r.fieldNodes.insert(it.key(), node);
                }
            };
            auto commitChange = [&](auto&& mutate) -> Status {
                auto seq = logChange(db, who.practiceId, op);
                if (!seq)
                    return seq.error();
                r.version = *seq;
                mutate(*seq);
                if (Status s = uniqueClientNumber(db, who.practiceId, op, r); !s)
                    return s;
                return saveRecord(db, who.practiceId, op, r);
            };
            wire::Conflict conflict;
            conflict.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            conflict.entity = op.entity;
            conflict.entityId = op.entityId;

            if (!op.resolves.isEmpty()) {
                // A person chose these values: no conflict check (docs/protocol.md rule 6).
                if (Status s = commitChange([&](qint64 v) {
                        r.deleted = isDelete;
                        r.deletedBy = isDelete ? node : QString();
                        applyFields(op.fields, v);
                    });
                    !s)
                    return s.error();
                QSqlQuery done(db);
                done.prepare(QStringLiteral("UPDATE conflicts SET resolved_at = now() WHERE practice_id = ? AND id = "
                                            "?::uuid AND resolved_at IS NULL"));
                done.addBindValue(who.practiceId);
                done.addBindValue(op.resolves);
                if (Status s = exec(done, "resolving a conflict"); !s)
                    return s.error();
                result.status = wire::OpStatus::Applied;
            } else if (!r.exists) {
                if (Status s = commitChange([&](qint64 v) {
                        r.deleted = isDelete;
                        r.deletedBy = isDelete ? node : QString();
                        applyFields(op.fields, v);
                    });
                    !s)
                    return s.error();
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
                    if (Status s = commitChange([&](qint64) {
                            r.deleted = true;
                            r.deletedBy = node;
                        });
                        !s)
                        return s.error();
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
                const bool undelete = r.deleted;
                if (!apply.isEmpty() || undelete) {
                    if (Status s = commitChange([&](qint64 v) {
                            r.deleted = false;
                            r.deletedBy.clear();
                            applyFields(apply, v);
                        });
                        !s)
                        return s.error();
                }
                result.status = !conflict.fields.isEmpty() ? wire::OpStatus::Conflict
                                : merged                   ? wire::OpStatus::Merged
                                                           : wire::OpStatus::Applied;
            }
            result.version = r.version > 0 ? r.version : 1;
            if (result.status == wire::OpStatus::Conflict) {
                QSqlQuery c(db);
                c.prepare(QStringLiteral("INSERT INTO conflicts (practice_id, id, entity, entity_id, body) VALUES (?, "
                                         "?::uuid, ?, ?, ?::jsonb)"));
                c.addBindValue(who.practiceId);
                c.addBindValue(conflict.id);
                c.addBindValue(op.entity);
                c.addBindValue(op.entityId);
                c.addBindValue(json(wire::toJson(conflict)));
                if (Status s = exec(c, "keeping a conflict"); !s)
                    return s.error();
                result.conflict = conflict;
            }
        }
        QSqlQuery remember(db);
        remember.prepare(QStringLiteral("INSERT INTO ops (practice_id, op_id, result) VALUES (?, ?::uuid, ?::jsonb)"));
        remember.addBindValue(who.practiceId);
        remember.addBindValue(op.opId);
        remember.addBindValue(json(QJsonObject{{QStringLiteral("status"), wire::statusKey(result.status)},
                                               {QStringLiteral("version"), result.version}}));
        if (Status s = exec(remember, "remembering an operation"); !s)
            return s.error();
        response.results << result;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return response;
}

Result<wire::PullPage> SyncService::pull(QSqlDatabase& db, const Principal& who, qint64 cursor, int limit)
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
    q.prepare(QStringLiteral("SELECT c.seq, c.entity, c.entity_id, r.version, r.deleted, r.fields, r.hlc FROM "
                             "change_log c JOIN records r ON r.practice_id = c.practice_id AND r.entity = c.entity AND "
                             "r.entity_id = c.entity_id WHERE c.practice_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?"));
    q.addBindValue(who.practiceId);
    q.addBindValue(cursor);
    q.addBindValue(limit + 1);
    if (Status s = exec(q, "reading the change log"); !s)
        return s.error();
    wire::PullPage page;
    page.cursor = cursor;
    while (q.next()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        wire::Change c;
        c.seq = q.value(0).toLongLong();
        c.entity = q.value(1).toString();
        c.entityId = q.value(2).toString();
        c.version = q.value(3).toLongLong();
        c.deleted = q.value(4).toBool();
        c.fields = c.deleted ? QJsonObject() : object(q.value(5));
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
    q.prepare(QStringLiteral(
        "WITH gone AS (DELETE FROM records WHERE deleted AND updated_at < now() - (? || ' days')::interval "
        "RETURNING practice_id, entity, entity_id), logged AS (DELETE FROM change_log c USING gone g WHERE "
        "c.practice_id = g.practice_id AND c.entity = g.entity AND c.entity_id = g.entity_id RETURNING c.practice_id, "
        "c.seq) UPDATE practices p SET min_seq = GREATEST(p.min_seq, m.seq) FROM (SELECT practice_id, max(seq) seq "
        "FROM logged GROUP BY practice_id) m WHERE p.id = m.practice_id"));
    q.addBindValue(QString::number(days));
    if (Status s = exec(q, "pruning"); !s)
        return s.error();
    const int n = q.numRowsAffected();
    if (Status s = tx.commit(); !s)
        return s.error();
    return n;
}

} // namespace pd::server
