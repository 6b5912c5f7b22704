#pragma once

#include "core/sync/Wire.h"
#include "server/AuthService.h"

#include <QSqlDatabase>

namespace pd::server {

// The server side of sync (docs/protocol.md): applies push batches in order, in one
// transaction holding the practice's writer lock, answering applied / duplicate / merged /
// conflict / rejected per operation; pages the change log for pull; lists open conflicts.
class SyncService
{
public:
    Result<wire::PushResponse> push(QSqlDatabase& db, const Principal& who, const wire::PushRequest& request);
    // Error field "resync_required" when cursor is older than what the log keeps.
    Result<wire::RawPullPage> pull(QSqlDatabase& db, const Principal& who, qint64 cursor, int limit);
    Result<QList<wire::Conflict>> openConflicts(QSqlDatabase& db, const Principal& who);
    // Drops tombstones (and their log entries) older than days; desks whose cursor is older
    // than what remains must resync. Returns how many records were dropped.
    static Result<int> prune(QSqlDatabase& db, int days);
};

} // namespace pd::server
