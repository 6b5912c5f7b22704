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

} // namespace

namespace {

QString keyOf(const QString& entity, const QString& id)
{
    return entity + QLatin1Char('\x1f') + id;
}

// A PostgreSQL array literal of values that were validated before (ids, entity names,
// digits): '{"a","b"}'.
QString arrayLiteral(const QStringList& values)
{
    QStringList quoted;
    quoted.reserve(values.size());
    for (const QString& v : values)
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

// Runs one multi-row statement per chunk: "prefix (?, ?), (?, ?) suffix".
Status execRows(QSqlDatabase& db, const QString& prefix, const QString& row, const QString& suffix,
                const QList<QVariantList>& rows, const char* what)
{
    constexpr int kChunk = 400;
    for (qsizetype start = 0; start < rows.size(); start += kChunk) {
        const qsizetype n = qMin<qsizetype>(kChunk, rows.size() - start);
        QStringList placeholders;
        for (qsizetype i = 0; i < n; ++i)
            placeholders << row;
        QSqlQuery q(db);
        q.prepare(prefix + placeholders.join(QStringLiteral(", ")) + suffix);
        for (qsizetype i = start; i < start + n; ++i)
            for (const QVariant& v : rows.at(i))
                q.addBindValue(v);
        if (Status s = exec(q, what); !s)
            return s;
    }
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

    // Change-log positions for this batch, handed out in order while the lock is held.
    QList<qint64> seqs;
    if (toApply > 0) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('change_log', 'seq')) FROM "
                                 "generate_series(1, ?)"));
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
    QStringList touched; // record keys in the order of their last change
    QHash<QString, wire::Op> touchedOp;
    QList<QVariantList> conflictRows, opRows;
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
                touched.removeOne(key);
                touched << key;
                touchedOp.insert(key, op);
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
                conflictRows << QVariantList{who.practiceId, conflict.id, op.entity, op.entityId,
                                             json(wire::toJson(conflict))};
                result.conflict = conflict;
            }
        }
        const QJsonObject remembered{{QStringLiteral("status"), wire::statusKey(result.status)},
                                     {QStringLiteral("version"), result.version}};
        opRows << QVariantList{who.practiceId, op.opId, json(remembered)};
        seen.insert(op.opId, remembered); // the same operation twice in one batch is a duplicate too
        response.results << result;
    }

    // Writes, each one statement per few hundred rows.
    if (!touched.isEmpty()) {
        QList<QVariantList> rows, logRows;
        QStringList logEntities, logIds;
        for (const QString& key : std::as_const(touched)) {
            const Record& r = records.value(key);
            const wire::Op& op = touchedOp[key];
            rows << QVariantList{who.practiceId,     op.entity,         op.entityId,    r.version,
                                 r.deleted,          text(r.deletedBy), json(r.fields), json(r.fieldVersions),
                                 json(r.fieldNodes), text(op.hlc)};
            logRows << QVariantList{r.version, who.practiceId, op.entity, op.entityId};
            logEntities << op.entity;
            logIds << op.entityId;
        }
        if (Status s = execRows(db,
                                QStringLiteral("INSERT INTO records (practice_id, entity, entity_id, version, deleted, "
                                               "deleted_by, fields, field_versions, field_nodes, hlc) VALUES "),
                                QStringLiteral("(?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)"),
                                QStringLiteral(" ON CONFLICT (practice_id, entity, entity_id) DO UPDATE SET version = "
                                               "EXCLUDED.version, deleted = EXCLUDED.deleted, deleted_by = "
                                               "EXCLUDED.deleted_by, fields = EXCLUDED.fields, field_versions = "
                                               "EXCLUDED.field_versions, field_nodes = EXCLUDED.field_nodes, hlc = "
                                               "EXCLUDED.hlc, updated_at = now()"),
                                rows, "writing records");
            !s)
            return s.error();
        // Each record once in the log, at its latest position (pull then sends it once).
        QSqlQuery compact(db);
        compact.prepare(QStringLiteral("DELETE FROM change_log c USING unnest(?::text[], ?::text[]) AS k(entity, "
                                       "entity_id) WHERE c.practice_id = ?::uuid AND c.entity = k.entity AND "
                                       "c.entity_id = k.entity_id"));
        compact.addBindValue(arrayLiteral(logEntities));
        compact.addBindValue(arrayLiteral(logIds));
        compact.addBindValue(who.practiceId);
        if (Status s = exec(compact, "compacting the change log"); !s)
            return s.error();
        if (Status s =
                execRows(db, QStringLiteral("INSERT INTO change_log (seq, practice_id, entity, entity_id) VALUES "),
                         QStringLiteral("(?, ?, ?, ?)"), {}, logRows, "logging changes");
            !s)
            return s.error();
    }
    if (Status s =
            execRows(db, QStringLiteral("INSERT INTO conflicts (practice_id, id, entity, entity_id, body) VALUES "),
                     QStringLiteral("(?, ?::uuid, ?, ?, ?::jsonb)"), {}, conflictRows, "keeping conflicts");
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
    if (Status s = execRows(db, QStringLiteral("INSERT INTO ops (practice_id, op_id, result) VALUES "),
                            QStringLiteral("(?, ?::uuid, ?::jsonb)"), {}, opRows, "remembering operations");
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
    // The page is cut from the log first and only its rows are joined: joined before the
    // LIMIT, a planner without fresh statistics joined the whole rest of the log for every page.
    q.prepare(QStringLiteral("SELECT c.seq, c.entity, c.entity_id, r.version, r.deleted, r.fields, r.hlc FROM "
                             "(SELECT seq, practice_id, entity, entity_id FROM change_log WHERE practice_id = ? AND "
                             "seq > ? ORDER BY seq LIMIT ?) c JOIN records r ON r.practice_id = c.practice_id AND "
                             "r.entity = c.entity AND r.entity_id = c.entity_id ORDER BY c.seq"));
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
