#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// The sync wire format (docs/protocol.md), shared by the desk and the practice server:
// plain structs and strict JSON encoding/decoding. A decoder never trusts its input (it is
// fuzzed): anything malformed is an error naming what is wrong, never a crash or a partial
// value.
namespace pd::wire {

constexpr int kProtocol = 1;
constexpr int kSchemaMin = 1;
constexpr int kSchemaMax = 1;
constexpr int kSchema = 1; // what this build of the desk speaks

// A pull answer with more pages after it names the next page's cursor in this header too,
// so a desk can ask for that page before it has decoded this one (the body stays the
// authority: a desk refuses a page whose body disagrees with the header).
constexpr char kNextCursorHeader[] = "X-PracticeDesk-Next-Cursor";

struct Limits
{
    int maxOps = 1000;
    int maxChanges = 2000;
    qsizetype maxBytes = 8 * 1024 * 1024;
};

enum class OpKind { Upsert, Delete };
enum class OpStatus { Applied, Duplicate, Merged, Conflict, Rejected };

struct Op
{
    QString opId;
    QString entity;
    QString entityId;
    OpKind kind = OpKind::Upsert;
    QJsonObject fields;
    qint64 baseVersion = 0;
    QString hlc;
    QString resolves; // conflict id a person resolved with these values ("" = none)
};

struct PushRequest
{
    int protocol = kProtocol;
    int schema = kSchema;
    QString nodeId;
    QList<Op> ops;
};

struct FieldConflict
{
    QString field;
    QJsonValue server;
    QJsonValue desk;
};

struct Conflict
{
    QString id;
    QString entity;
    QString entityId;
    QList<FieldConflict> fields;
    bool serverDeleted = false;
    bool deskDeleted = false;
    QString createdAt;
};

struct OpResult
{
    QString opId;
    OpStatus status = OpStatus::Applied;
    qint64 version = 0;
    std::optional<Conflict> conflict;
    QString reason; // for Rejected
};

struct PushResponse
{
    QList<OpResult> results;
};

struct Change
{
    qint64 seq = 0;
    QString entity;
    QString entityId;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject fields;
    QString hlc;
};

// A change of a pull page whose fields are JSON text already (the server keeps records as
// jsonb): the page is written around that text instead of parsing and writing it again.
struct RawChange
{
    qint64 seq = 0;
    QString entity;
    QString entityId;
    qint64 version = 0;
    bool deleted = false;
    QByteArray fields; // a JSON object
    QString hlc;
};

struct RawPullPage
{
    QList<RawChange> changes;
    qint64 cursor = 0;
    bool more = false;
};

struct PullPage
{
    QList<Change> changes;
    qint64 cursor = 0;
    bool more = false;
};

struct ErrorBody
{
    QString error;
    QString message;
};

// Entities of schema 1 and the names the wire allows.
QStringList entities();
bool isEntity(const QString& entity);
bool isFieldName(const QString& name);
bool isId(const QString& id); // a UUID in 8-4-4-4-12 hex form
// An entity's id: a UUID, or for org_setting the setting's key.
bool isEntityId(const QString& entity, const QString& id);

QString kindKey(OpKind kind);
QString statusKey(OpStatus status);

QByteArray encode(const PushRequest& request);
QByteArray encode(const PushResponse& response);
QByteArray encode(const PullPage& page);
// The same text as encode(PullPage) gives, for changes whose fields are JSON text.
QByteArray encode(const RawPullPage& page);
QByteArray encode(const ErrorBody& error);
QJsonObject toJson(const Conflict& conflict);

Result<PushRequest> decodePushRequest(const QByteArray& body, const Limits& limits = {});
Result<PushResponse> decodePushResponse(const QByteArray& body);
Result<PullPage> decodePullPage(const QByteArray& body, const Limits& limits = {});
Result<Conflict> conflictFromJson(const QJsonObject& json);
// The error of a non-2xx answer; nullopt when the body is not one.
std::optional<ErrorBody> decodeError(const QByteArray& body);

} // namespace pd::wire
