#pragma once

#include "core/Result.h"
#include "core/sync/Wire.h"
#include "storage/BulkWriter.h"
#include "storage/RowWriter.h"

#include <QDateTime>
#include <QSet>

#include <optional>
#include <vector>

namespace pd {

class Store;

// A change the server refused (docs/protocol.md, "rejected"), kept for staff to see.
struct RejectedChange
{
    QString opId;
    QString entity;
    QString entityId;
    QString reason;
    QDateTime at;
};

// A conflict as the desk keeps it until a person resolves it (both values kept, D3).
struct OpenConflict
{
    wire::Conflict conflict;
    QDateTime createdAt;
};

// How a person resolved a conflict: keep the record deleted, or these values for the
// conflicting fields.
struct Resolution
{
    bool deleted = false;
    QJsonObject fields;
};

// A pulled change made ready to write from its fields alone, so this part can be done on
// another thread than the one that writes it (SyncStore::prepare).
struct PreparedChange
{
    QString fieldNames;  // the fields' names in order, joined with ','
    QVariantList values; // each field's value as bound into a column that takes NULL
    QVariantMap derived; // of a client: ClientRepository::derivedColumnsFor(); else empty
};

// The desk side of sync on the local database (DESIGN.md §4): reads the outbox for a push,
// applies a push's answers and a pull's pages, each in ONE local transaction (with the new
// cursor), keeps conflicts and rejections, and writes a person's resolution as a change
// that syncs. No network here (see sync/SyncEngine).
class SyncStore
{
public:
    explicit SyncStore(Store& store);

    QString nodeId() const;
    // The oldest pending operations, in the order they were made.
    Result<QList<wire::Op>> pendingOps(int limit);
    Result<qint64> pendingCount();
    Result<qint64> cursor();

    // Applies the server's answer to a push of ops: answered operations leave the outbox,
    // rows get their new versions, conflicts and rejections are kept. One transaction.
    Status applyPushResults(const QList<wire::Op>& sent, const wire::PushResponse& response);
    // Applies a pull page and stores its cursor, in one transaction. Fields with pending
    // local operations are not overwritten.
    Status applyPullPage(const wire::PullPage& page);
    // Applies several consecutive pull pages in order and stores the last page's cursor, all
    // in one transaction (fewer commits: each index page is encrypted and written once, not
    // once per page). A failure applies none of them.
    Status applyPullPages(const QList<wire::PullPage>& pages);
    // The same, page by page as the pages arrive (so the next one is fetched while this one
    // is written): beginPull(), applyPulledPage() for each page in order, then
    // finishPull(the last page's cursor) commits them with their cursor, or abortPull()
    // keeps none. A failing applyPulledPage() aborts by itself. While a pull is open nothing
    // else may write through this connection: only for a program whose sync is its only
    // writer (practicedesk-cli); the desktop writes each page in its own transaction.
    Status beginPull();
    Status applyPulledPage(const wire::PullPage& page);
    // The same for changes [from, to) of a page, so a page can be written in slices, with
    // what prepare() made of them (on any thread; the store is not touched).
    Status applyPulledChanges(const QList<wire::Change>& changes, const QList<PreparedChange>& prepared, qsizetype from,
                              qsizetype to);
    static QList<PreparedChange> prepare(const QList<wire::Change>& changes);
    Status finishPull(qint64 cursor);
    void abortPull();
    bool pullOpen() const { return m_pullOpen; }
    ~SyncStore();
    SyncStore(const SyncStore&) = delete;
    SyncStore& operator=(const SyncStore&) = delete;
    // After "resync required": pull everything again from the start (the outbox is kept).
    Status resetCursor();

    Result<QList<OpenConflict>> openConflicts();
    Result<QList<RejectedChange>> rejectedChanges();
    // Writes the person's choice as a change of the record (queued for sync with the
    // conflict's id) and marks the conflict resolved, in one transaction.
    Status resolve(const QString& conflictId, const Resolution& resolution);

    // Small persistent values (server address, user name, last sync time, last error).
    QString state(const QString& key) const;
    Status setState(const QString& key, const QString& value);

private:
    // A synced table of this desk.
    struct TableInfo
    {
        QString table;
        QString idColumn = QStringLiteral("id");
        bool hasDeleted = true;
        bool hasCreatedAt = true;
    };
    // How a pulled change's fields are written: for each field (in the change's order) skip it
    // or write it, with the statements that insert or update such a record.
    struct WritePlan
    {
        static constexpr qint8 kSkip = -1, kNullable = 0, kNotNull = 1;
        QString key; // the change's field names (PreparedChange::fieldNames); empty: not reusable
        QList<qint8> columns;
        QStringList names; // the columns written, in order
        QString insertSql;
        QString updateSql;
    };

    static std::optional<TableInfo> tableFor(const QString& entity);
    const WritePlan& writePlan(const TableInfo& table, const wire::Change& change, const PreparedChange& prepared,
                               const QSet<QString>& pendingFields);
    Status applyChange(const wire::Change& change, const PreparedChange& prepared);
    // Columns a pulled change may write (name -> NOT NULL), read once per table.
    const QHash<QString, bool>& writableColumns(const QString& table);

    // Search-index entries of clients new to this desk, written sorted and many per
    // statement before anything else touches a client's terms, and before the commit.
    Status flushNewTerms();
    // The highest client number stored (deleted clients included: they keep theirs).
    Result<qint64> highestClientNumber();

    Result<QSqlQuery*> statement(const QString& sql);
    // Runs a cached statement with the first count values bound in order; the rows it changed.
    Result<int> run(const QString& sql, const QVariantList& values, qsizetype count);

    Store& m_store;
    bool m_pullOpen = false;
    bool m_outboxEmpty = false;
    qint64 m_highestNumber = 0; // during a pull: no client of this desk has a higher number // during one pull page:
                                // nothing pending, no lookups needed
    StatementCache m_page;      // statements prepared once per pull transaction, not per record
    QString m_now;              // during one pull transaction: its time, for updated_at
    QHash<QString, QHash<QString, bool>> m_columns;
    QHash<QString, WritePlan> m_plans; // per table: the plan of the last change written
    SearchEntries m_newTerms;          // see flushNewTerms()
};

} // namespace pd
