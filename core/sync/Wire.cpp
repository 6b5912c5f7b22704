#include "core/sync/Wire.h"

#include "core/CompactJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace pd::wire {

namespace {

Error bad(const QString& what)
{
    return Error::invalid(QCoreApplication::translate("Wire", "The sync message is not valid: %1").arg(what));
}

Result<QJsonObject> parseObject(const QByteArray& body, qsizetype maxBytes)
{
    if (body.size() > maxBytes)
        return bad(QStringLiteral("larger than %1 bytes").arg(maxBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return bad(QStringLiteral("JSON error at offset %1 (%2)").arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return bad(QStringLiteral("not a JSON object"));
    return doc.object();
}

// Typed readers that fail with the field's name.
Result<QString> string(const QJsonObject& o, const QString& key, bool required = true)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return bad(QStringLiteral("\"%1\" is missing").arg(key));
        return QString();
    }
    if (!v.isString())
        return bad(QStringLiteral("\"%1\" is not a string").arg(key));
    return v.toString();
}

Result<qint64> integer(const QJsonObject& o, const QString& key, qint64 min = 0)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return bad(QStringLiteral("\"%1\" is not a number").arg(key));
    const double d = v.toDouble();
    // Doubles hold integers exactly up to 2^53. The range is checked before the cast (a cast
    // of an out-of-range double is undefined behaviour; the fuzzer found that).
    if (!(d >= static_cast<double>(min) && d <= 9007199254740992.0) || d != std::floor(d))
        return bad(QStringLiteral("\"%1\" is not a whole number in range").arg(key));
    return static_cast<qint64>(d);
}

Result<bool> boolean(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        return bad(QStringLiteral("\"%1\" is not true or false").arg(key));
    return v.toBool();
}

Status checkFields(const QJsonObject& fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isFieldName(it.key()))
            return bad(QStringLiteral("field name \"%1\" is not allowed").arg(it.key().left(80)));
        if (it.value().isArray() || it.value().isObject())
            return bad(QStringLiteral("field \"%1\" holds a nested value").arg(it.key()));
    }
    return {};
}

std::optional<OpStatus> statusFromKey(const QString& key)
{
    for (OpStatus s :
         {OpStatus::Applied, OpStatus::Duplicate, OpStatus::Merged, OpStatus::Conflict, OpStatus::Rejected})
        if (statusKey(s) == key)
            return s;
    return std::nullopt;
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QStringList entities()
{
    return {QStringLiteral("client"), QStringLiteral("contact"), QStringLiteral("relation"),
            QStringLiteral("org_setting"), QStringLiteral("client_setting")};
}

bool isEntity(const QString& entity)
{
    return entities().contains(entity);
}

// Both checks run for every field and record of every page, on the desk and on the server:
// written out by hand, they cost a small fraction of the regular expressions they replace.
bool isFieldName(const QString& name)
{
    // ^[a-z][a-z0-9_]{0,63}$
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool lower = c >= u'a' && c <= u'z';
        if (!(lower || (i > 0 && ((c >= u'0' && c <= u'9') || c == u'_'))))
            return false;
    }
    return true;
}

bool isId(const QString& id)
{
    // ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = id.at(i).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    return true;
}

bool isEntityId(const QString& entity, const QString& id)
{
    return entity == QLatin1String("org_setting") ? isFieldName(id) : isId(id);
}

QString kindKey(OpKind kind)
{
    return kind == OpKind::Delete ? QStringLiteral("delete") : QStringLiteral("upsert");
}

QString statusKey(OpStatus status)
{
    switch (status) {
    case OpStatus::Applied:
        return QStringLiteral("applied");
    case OpStatus::Duplicate:
        return QStringLiteral("duplicate");
    case OpStatus::Merged:
        return QStringLiteral("merged");
    case OpStatus::Conflict:
        return QStringLiteral("conflict");
    case OpStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

QByteArray encode(const PushRequest& request)
{
    QJsonArray ops;
    for (const Op& op : request.ops) {
        QJsonObject o{{QStringLiteral("op_id"), op.opId},
                      {QStringLiteral("entity"), op.entity},
                      {QStringLiteral("entity_id"), op.entityId},
                      {QStringLiteral("kind"), kindKey(op.kind)},
                      {QStringLiteral("fields"), op.fields},
                      {QStringLiteral("base_version"), op.baseVersion},
                      {QStringLiteral("hlc"), op.hlc}};
        if (!op.resolves.isEmpty())
            o.insert(QStringLiteral("resolves"), op.resolves);
        ops.append(o);
    }
    return compact({{QStringLiteral("protocol"), request.protocol},
                    {QStringLiteral("schema"), request.schema},
                    {QStringLiteral("node_id"), request.nodeId},
                    {QStringLiteral("ops"), ops}});
}

QJsonObject toJson(const Conflict& c)
{
    QJsonObject fields;
    for (const FieldConflict& f : c.fields)
        fields.insert(f.field, QJsonObject{{QStringLiteral("server"), f.server}, {QStringLiteral("desk"), f.desk}});
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("entity"), c.entity},
                  {QStringLiteral("entity_id"), c.entityId},
                  {QStringLiteral("fields"), fields},
                  {QStringLiteral("server_deleted"), c.serverDeleted},
                  {QStringLiteral("desk_deleted"), c.deskDeleted}};
    if (!c.createdAt.isEmpty())
        o.insert(QStringLiteral("created_at"), c.createdAt);
    return o;
}

QByteArray encode(const PushResponse& response)
{
    QJsonArray results;
    for (const OpResult& r : response.results) {
        QJsonObject o{{QStringLiteral("op_id"), r.opId}, {QStringLiteral("status"), statusKey(r.status)}};
        if (r.status != OpStatus::Rejected)
            o.insert(QStringLiteral("version"), r.version);
        if (r.conflict)
            o.insert(QStringLiteral("conflict"), toJson(*r.conflict));
        if (!r.reason.isEmpty())
            o.insert(QStringLiteral("reason"), r.reason);
        results.append(o);
    }
    return compact({{QStringLiteral("results"), results}});
}

QByteArray encode(const PullPage& page)
{
    RawPullPage raw{{}, page.cursor, page.more};
    raw.changes.reserve(page.changes.size());
    for (const Change& c : page.changes)
        raw.changes << RawChange{c.seq,     c.entity,  c.entityId,
                                 c.version, c.deleted, QJsonDocument(c.fields).toJson(QJsonDocument::Compact),
                                 c.hlc};
    return encode(raw);
}

QByteArray encode(const RawPullPage& page)
{
    const QList<RawChange>& changes = page.changes;
    // Keys in the order QJsonObject writes them (sorted), so both encoders give one text.
    QByteArray out;
    out.reserve(64 + changes.size() * 512);
    out += "{\"changes\":[";
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const RawChange& c = changes.at(i);
        if (i > 0)
            out += ',';
        out += "{\"deleted\":";
        out += c.deleted ? "true" : "false";
        out += ",\"entity\":";
        json::appendString(out, c.entity);
        out += ",\"entity_id\":";
        json::appendString(out, c.entityId);
        out += ",\"fields\":";
        out += c.fields.isEmpty() ? QByteArray("{}") : c.fields;
        out += ",\"hlc\":";
        json::appendString(out, c.hlc);
        out += ",\"seq\":";
        out += QByteArray::number(c.seq);
        out += ",\"version\":";
        out += QByteArray::number(c.version);
        out += '}';
    }
    out += "],\"cursor\":";
    out += QByteArray::number(page.cursor);
    out += ",\"more\":";
    out += page.more ? "true" : "false";
    out += '}';
    return out;
}

QByteArray encode(const ErrorBody& error)
{
    return compact({{QStringLiteral("error"), error.error}, {QStringLiteral("message"), error.message}});
}

Result<PushRequest> decodePushRequest(const QByteArray& body, const Limits& limits)
{
    auto root = parseObject(body, limits.maxBytes);
    if (!root)
        return root.error();
    PushRequest out;
    auto protocol = integer(*root, QStringLiteral("protocol"), 1);
    if (!protocol)
        return protocol.error();
    auto schema = integer(*root, QStringLiteral("schema"), 1);
    if (!schema)
        return schema.error();
    auto node = string(*root, QStringLiteral("node_id"));
    if (!node)
        return node.error();
    if (node->isEmpty() || node->size() > 100)
        return bad(QStringLiteral("\"node_id\" is empty or too long"));
    out.protocol = static_cast<int>(qMin<qint64>(*protocol, 1 << 20));
    out.schema = static_cast<int>(qMin<qint64>(*schema, 1 << 20));
    out.nodeId = *node;
    const QJsonValue ops = root->value(QStringLiteral("ops"));
    if (!ops.isArray())
        return bad(QStringLiteral("\"ops\" is not a list"));
    const QJsonArray list = ops.toArray();
    if (list.size() > limits.maxOps)
        return Error::invalid(
            QCoreApplication::translate("Wire", "A push may carry at most %1 operations; this one has %2.")
                .arg(limits.maxOps)
                .arg(list.size()),
            QStringLiteral("payload_too_large"));
    for (const QJsonValue& v : list) {
        if (!v.isObject())
            return bad(QStringLiteral("an operation is not an object"));
        const QJsonObject o = v.toObject();
        Op op;
        auto opId = string(o, QStringLiteral("op_id"));
        auto entity = string(o, QStringLiteral("entity"));
        auto entityId = string(o, QStringLiteral("entity_id"));
        auto kind = string(o, QStringLiteral("kind"));
        auto hlc = string(o, QStringLiteral("hlc"), false);
        auto resolves = string(o, QStringLiteral("resolves"), false);
        auto base = integer(o, QStringLiteral("base_version"));
        for (const Result<QString>* r : {&opId, &entity, &entityId, &kind, &hlc, &resolves})
            if (!*r)
                return r->error();
        if (!base)
            return base.error();
        if (!isId(*opId))
            return bad(QStringLiteral("\"op_id\" is not an id"));
        if (*kind != QLatin1String("upsert") && *kind != QLatin1String("delete"))
            return bad(QStringLiteral("\"kind\" must be upsert or delete"));
        if (!resolves->isEmpty() && !isId(*resolves))
            return bad(QStringLiteral("\"resolves\" is not an id"));
        if (hlc->size() > 100)
            return bad(QStringLiteral("\"hlc\" is too long"));
        const QJsonValue fields = o.value(QStringLiteral("fields"));
        if (!fields.isObject() && !fields.isUndefined())
            return bad(QStringLiteral("\"fields\" is not an object"));
        op.fields = fields.toObject();
        if (Status s = checkFields(op.fields); !s)
            return s.error();
        // Entity and entity id are checked per operation by the server (a bad one is
        // "rejected", not a bad request), so they pass through as given, within bounds.
        if (entity->size() > 64 || entityId->size() > 64)
            return bad(QStringLiteral("an entity or id is too long"));
        op.opId = *opId;
        op.entity = *entity;
        op.entityId = *entityId;
        op.kind = *kind == QLatin1String("delete") ? OpKind::Delete : OpKind::Upsert;
        op.baseVersion = *base;
        op.hlc = *hlc;
        op.resolves = *resolves;
        out.ops << op;
    }
    return out;
}

Result<Conflict> conflictFromJson(const QJsonObject& o)
{
    Conflict c;
    auto id = string(o, QStringLiteral("id"));
    auto entity = string(o, QStringLiteral("entity"));
    auto entityId = string(o, QStringLiteral("entity_id"));
    auto created = string(o, QStringLiteral("created_at"), false);
    if (!id || !entity || !entityId || !created)
        return bad(QStringLiteral("a conflict lacks its id, entity or entity_id"));
    c.id = *id;
    c.entity = *entity;
    c.entityId = *entityId;
    c.createdAt = *created;
    c.serverDeleted = o.value(QStringLiteral("server_deleted")).toBool();
    c.deskDeleted = o.value(QStringLiteral("desk_deleted")).toBool();
    const QJsonValue fields = o.value(QStringLiteral("fields"));
    if (!fields.isObject() && !fields.isUndefined())
        return bad(QStringLiteral("conflict \"fields\" is not an object"));
    const QJsonObject f = fields.toObject();
    for (auto it = f.begin(); it != f.end(); ++it) {
        if (!isFieldName(it.key()) || !it.value().isObject())
            return bad(QStringLiteral("a conflicting field is malformed"));
        const QJsonObject both = it.value().toObject();
        c.fields << FieldConflict{it.key(), both.value(QStringLiteral("server")), both.value(QStringLiteral("desk"))};
    }
    return c;
}

Result<PushResponse> decodePushResponse(const QByteArray& body)
{
    auto root = parseObject(body, Limits{}.maxBytes);
    if (!root)
        return root.error();
    const QJsonValue results = root->value(QStringLiteral("results"));
    if (!results.isArray())
        return bad(QStringLiteral("\"results\" is not a list"));
    PushResponse out;
    for (const QJsonValue& v : results.toArray()) {
        if (!v.isObject())
            return bad(QStringLiteral("a result is not an object"));
        const QJsonObject o = v.toObject();
        OpResult r;
        auto opId = string(o, QStringLiteral("op_id"));
        auto status = string(o, QStringLiteral("status"));
        if (!opId)
            return opId.error();
        if (!status)
            return status.error();
        const auto parsed = statusFromKey(*status);
        if (!parsed)
            return bad(QStringLiteral("unknown status \"%1\"").arg(status->left(40)));
        r.opId = *opId;
        r.status = *parsed;
        if (r.status != OpStatus::Rejected) {
            auto version = integer(o, QStringLiteral("version"), 1);
            if (!version)
                return version.error();
            r.version = *version;
        }
        if (r.status == OpStatus::Conflict) {
            const QJsonValue conflict = o.value(QStringLiteral("conflict"));
            if (!conflict.isObject())
                return bad(QStringLiteral("a conflict result has no conflict"));
            auto c = conflictFromJson(conflict.toObject());
            if (!c)
                return c.error();
            r.conflict = *c;
        }
        r.reason = o.value(QStringLiteral("reason")).toString();
        out.results << r;
    }
    return out;
}

Result<PullPage> decodePullPage(const QByteArray& body, const Limits& limits)
{
    auto root = parseObject(body, limits.maxBytes * 8);
    if (!root)
        return root.error();
    PullPage out;
    auto cursor = integer(*root, QStringLiteral("cursor"));
    if (!cursor)
        return cursor.error();
    auto more = boolean(*root, QStringLiteral("more"));
    if (!more)
        return more.error();
    out.cursor = *cursor;
    out.more = *more;
    const QJsonValue changes = root->value(QStringLiteral("changes"));
    if (!changes.isArray())
        return bad(QStringLiteral("\"changes\" is not a list"));
    const QJsonArray list = changes.toArray();
    if (list.size() > limits.maxChanges)
        return bad(QStringLiteral("more than %1 changes in a page").arg(limits.maxChanges));
    qint64 lastSeq = 0;
    for (const QJsonValue& v : list) {
        if (!v.isObject())
            return bad(QStringLiteral("a change is not an object"));
        const QJsonObject o = v.toObject();
        Change c;
        auto seq = integer(o, QStringLiteral("seq"), 1);
        auto version = integer(o, QStringLiteral("version"), 1);
        auto entity = string(o, QStringLiteral("entity"));
        auto entityId = string(o, QStringLiteral("entity_id"));
        auto deleted = boolean(o, QStringLiteral("deleted"));
        auto hlc = string(o, QStringLiteral("hlc"), false);
        if (!seq)
            return seq.error();
        if (!version)
            return version.error();
        if (!entity || !entityId)
            return bad(QStringLiteral("a change lacks its entity or entity_id"));
        if (!deleted)
            return deleted.error();
        if (!isEntity(*entity) || !isEntityId(*entity, *entityId))
            return bad(QStringLiteral("a change names an unknown entity or a malformed id"));
        if (*seq <= lastSeq)
            return bad(QStringLiteral("changes are not in order"));
        if (*seq > *cursor)
            return bad(QStringLiteral("a change lies beyond the page's cursor"));
        lastSeq = *seq;
        const QJsonValue fields = o.value(QStringLiteral("fields"));
        if (!fields.isObject())
            return bad(QStringLiteral("a change has no fields object"));
        c.fields = fields.toObject();
        if (Status s = checkFields(c.fields); !s)
            return s.error();
        c.seq = *seq;
        c.version = *version;
        c.entity = *entity;
        c.entityId = *entityId;
        c.deleted = *deleted;
        c.hlc = hlc ? *hlc : QString();
        out.changes << c;
    }
    return out;
}

std::optional<ErrorBody> decodeError(const QByteArray& body)
{
    auto root = parseObject(body, 64 * 1024);
    if (!root)
        return std::nullopt;
    auto error = string(*root, QStringLiteral("error"));
    if (!error || error->isEmpty())
        return std::nullopt;
    return ErrorBody{*error, root->value(QStringLiteral("message")).toString()};
}

} // namespace pd::wire
