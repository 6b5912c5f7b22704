#pragma once

#include "core/Result.h"
#include "storage/ChangeSet.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace pd {

class ColumnSink;

// A new synced row made ready for BulkWriter: the same row, outbox entry and audit entry
// that RowWriter and ChangeSet write one at a time, with every value already in its stored
// form and in UTF-8, all of its text in one buffer. Preparing is pure, so it runs on any
// thread.
struct NewRow
{
    // Where a text is in buffer.
    struct Span
    {
        qsizetype at = 0;
        qsizetype size = 0;
    };
    // One value as SQLite stores it (see storedForm()).
    struct Value
    {
        enum class Kind : quint8 { Null, Integer, Text };
        Kind kind = Kind::Null;
        qint64 integer = 0;
        Span text;
    };

    // columns writes the row's columns, as the repository's writeColumns() does; derived: the
    // columns among them the desk keeps for itself (not in the outbox entry).
    static NewRow make(const QString& table, const QByteArray& entity, QByteArrayView id, QByteArrayView clientId,
                       const std::function<void(ColumnSink&)>& columns, const QStringList& derived,
                       QByteArrayView summary);

    QByteArrayView view(Span s) const { return QByteArrayView(buffer.constData() + s.at, s.size); }

    QString table;
    QByteArray entity;
    QStringList names; // column names, in the order of values (shared by the rows of a table)
    std::vector<Value> values;
    QByteArray buffer; // the UTF-8 of every text below and of the values
    Span id;
    Span clientId;
    Span opId;
    Span fields; // outbox: the synced columns as compact JSON
    Span summary;
};

// Search-index entries of a bulk write (a term and its client's id, UTF-8), kept in large
// blocks instead of an allocation each (an import makes 600,000 of them). Each entry's first
// eight bytes are kept as a number too, so sorting seldom has to read the text.
class SearchEntries
{
public:
    SearchEntries() = default;
    // Moved whole: the text stays in its blocks, and what is moved from is left empty.
    SearchEntries(SearchEntries&& other) noexcept { *this = std::move(other); }
    SearchEntries& operator=(SearchEntries&& other) noexcept
    {
        m_entries = std::exchange(other.m_entries, {});
        m_blocks = std::exchange(other.m_blocks, {});
        m_next = std::exchange(other.m_next, nullptr);
        m_left = std::exchange(other.m_left, 0);
        return *this;
    }

    void add(QByteArrayView term, QByteArrayView clientId);
    // Takes other's entries (their text stays where it is).
    void append(SearchEntries&& other);
    bool empty() const { return m_entries.empty(); }
    size_t size() const { return m_entries.size(); }
    void reserve(size_t entries) { m_entries.reserve(entries); }
    void clear();

private:
    friend class BulkWriter;
    struct Entry
    {
        bool operator<(const Entry& other) const;
        QByteArrayView term() const { return QByteArrayView(bytes, termSize); }
        QByteArrayView clientId() const { return QByteArrayView(bytes + termSize + 1, size - termSize - 1); }

        quint64 prefix = 0;
        const char* bytes = nullptr; // "term\0client id"
        int termSize = 0;
        int size = 0;
    };
    std::vector<Entry> m_entries;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_next = nullptr;
    size_t m_left = 0;
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
    Status insertSearchTerms(SearchEntries& entries);

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
