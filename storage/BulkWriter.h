#pragma once

#include "core/Result.h"
#include "storage/ChangeSet.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <functional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace pd {

// One value as SQLite stores it (see storedForm()).
struct StoredValue
{
    enum class Kind : quint8 { Null, Integer, Text };
    Kind kind = Kind::Null;
    qint64 integer = 0;
    QByteArray text; // UTF-8
};

// A new synced row made ready for BulkWriter: the same row, outbox entry and audit entry
// that RowWriter and ChangeSet write one at a time, with every value already in its stored
// form and in UTF-8. Preparing is pure, so it runs on any thread.
struct NewRow
{
    // columns: what the repository's columnsOf() gives; derived: the columns among them the
    // desk keeps for itself (not in the outbox entry).
    static NewRow make(const QString& table, const QString& entity, const QString& id, const QString& clientId,
                       const QVariantMap& columns, const QStringList& derived, const QString& summary);

    QString table;
    QByteArray entity;
    QByteArray id;
    QByteArray clientId;
    QByteArray opId;
    QStringList names; // column names, in the order of values
    std::vector<StoredValue> values;
    QByteArray fields; // outbox: the synced columns as compact JSON
    QByteArray summary;
};

// One search-index entry of a bulk write, "term\0client id" in UTF-8. Its first eight bytes
// are kept as a number too, so sorting seldom has to read the text.
struct SearchEntry
{
    static SearchEntry make(QByteArrayView term, QByteArrayView clientId);
    bool operator<(const SearchEntry& other) const;

    quint64 prefix = 0;
    QByteArray bytes;
    int termSize = 0; // the bytes before the \0
};

// Writes many new rows inside one ChangeSet through the sqlite3 API, without a QVariant
// per value: a bulk import of 100,000 clients spends its time in SQLite, not in Qt.
class BulkWriter
{
public:
    // Writes inside cs (its connection, its HLC stamp, time and actor).
    explicit BulkWriter(ChangeSet& cs);
    // Search terms only (insertSearchTerms), inside a transaction the caller holds.
    explicit BulkWriter(QSqlDatabase& db);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    // The rows (of one table or several: each table's rows in the order given, the tables in
    // the order they first appear, so a relation can follow its client and contact), then
    // their outbox entries (upsert, base version 0) and audit entries ("create") in the
    // order given. Many rows go into each statement.
    Status insert(const std::vector<NewRow>& rows);
    // Search-index entries, sorted here first (on two threads): in index order the B-tree
    // grows at its end instead of splitting pages all over.
    Status insertSearchTerms(std::vector<SearchEntry>& entries);

private:
    Result<sqlite3_stmt*> statement(const QString& sql);
    Status step(sqlite3_stmt* statement);
    // Writes count items, each with `parameters` parameters, through statements of as many
    // items as SQLite's 999 parameters allow (at most 256): sqlFor(n) is the SQL for n
    // items, bind(statement, first parameter, item) binds one item.
    Status inChunks(size_t count, int parameters, const std::function<QString(int)>& sqlFor,
                    const std::function<void(sqlite3_stmt*, int, size_t)>& bind);
    Status insertRows(const std::vector<const NewRow*>& rows);

    sqlite3* m_db = nullptr;
    QHash<QString, sqlite3_stmt*> m_statements; // by SQL text, finalized at the end
    QByteArray m_hlc;
    QByteArray m_now;
    QByteArray m_actor;
};

} // namespace pd
