#include "storage/BulkWriter.h"

#include "core/CompactJson.h"
#include "core/Ids.h"
#include "storage/RowWriter.h"
#include "storage/driver/SqlCipherDriver.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>
#include <cstring>
#include <future>

#include <sqlite3.h>

namespace pd {

namespace {

StoredValue storedValue(const QVariant& v)
{
    const QVariant stored = storedForm(v);
    StoredValue out;
    if (stored.isNull())
        return out;
    if (stored.typeId() == QMetaType::LongLong) {
        out.kind = StoredValue::Kind::Integer;
        out.integer = stored.toLongLong();
        return out;
    }
    out.kind = StoredValue::Kind::Text;
    out.text = stored.toString().toUtf8();
    return out;
}

int bindText(sqlite3_stmt* s, int index, const QByteArray& text)
{
    // The bytes outlive the step: SQLite need not copy them.
    return sqlite3_bind_text(s, index, text.constData(), static_cast<int>(text.size()), SQLITE_STATIC);
}

int bindNullable(sqlite3_stmt* s, int index, const QByteArray& text)
{
    return text.isEmpty() ? sqlite3_bind_null(s, index) : bindText(s, index, text);
}

} // namespace

NewRow NewRow::make(const QString& table, const QString& entity, const QString& id, const QString& clientId,
                    const QVariantMap& columns, const QStringList& derived, const QString& summary)
{
    NewRow row;
    row.table = table;
    row.entity = entity.toUtf8();
    row.id = id.toUtf8();
    row.clientId = clientId.toUtf8();
    row.opId = newId().toUtf8();
    row.names = columns.keys();
    row.values.reserve(static_cast<size_t>(columns.size()));
    QVariantMap synced;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        row.values.push_back(storedValue(it.value()));
        if (!derived.contains(it.key()))
            synced.insert(it.key(), storedForm(it.value()));
    }
    row.fields = json::compactObject(synced);
    row.summary = summary.toUtf8();
    return row;
}

BulkWriter::BulkWriter(ChangeSet& cs)
    : m_db(cs.db().driver()->handle().value<sqlite3*>()), m_hlc(cs.hlc().toUtf8()), m_now(cs.nowIso().toUtf8()),
      m_actor(cs.actor().name.toUtf8())
{}

BulkWriter::~BulkWriter()
{
    for (sqlite3_stmt* s : std::as_const(m_statements))
        sqlite3_finalize(s);
}

Result<sqlite3_stmt*> BulkWriter::statement(const QString& sql)
{
    if (sqlite3_stmt* s = m_statements.value(sql))
        return s;
    sqlite3_stmt* s = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &s, nullptr) != SQLITE_OK) {
        sqlite3_finalize(s);
        return Error::make(Error::Kind::Internal, QString::fromUtf8(sqlite3_errmsg(m_db)));
    }
    m_statements.insert(sql, s);
    return s;
}

Status BulkWriter::step(sqlite3_stmt* s)
{
    const int rc = sqlite3_step(s);
    sqlite3_reset(s); // every parameter is bound again before the next step
    if (rc == SQLITE_DONE)
        return {};
    // The same messages as a failed QSqlQuery (disk full, read-only, constraint).
    const int code = sqlite3_extended_errcode(m_db);
    return writeError(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(m_db)), QSqlError::StatementError,
                                QString::number(code)));
}

Status BulkWriter::insert(const NewRow& row)
{
    // Every row of a table comes from the same columnsOf(), so one statement per table.
    sqlite3_stmt* s = m_inserts.value(row.table);
    if (!s) {
        auto insert = statement(QStringLiteral("INSERT INTO %1 (id, %2, version, hlc, deleted, created_at, updated_at) "
                                               "VALUES (?%3, 0, ?, 0, ?, ?)")
                                    .arg(row.table, row.names.join(QStringLiteral(", ")),
                                         QStringLiteral(", ?").repeated(row.names.size())));
        if (!insert)
            return insert.error();
        s = *insert;
        m_inserts.insert(row.table, s);
    }
    if (sqlite3_bind_parameter_count(s) != static_cast<int>(row.values.size()) + 4)
        return Error::make(Error::Kind::Internal,
                           QStringLiteral("BulkWriter: rows of %1 differ in columns").arg(row.table));
    int i = 1;
    bindText(s, i++, row.id);
    for (const StoredValue& v : row.values) {
        switch (v.kind) {
        case StoredValue::Kind::Null:
            sqlite3_bind_null(s, i++);
            break;
        case StoredValue::Kind::Integer:
            sqlite3_bind_int64(s, i++, v.integer);
            break;
        case StoredValue::Kind::Text:
            bindText(s, i++, v.text);
            break;
        }
    }
    bindText(s, i++, m_hlc);
    bindText(s, i++, m_now);
    bindText(s, i++, m_now);
    if (Status st = step(s); !st)
        return st;

    static const QByteArray upsert = "upsert";
    static const QByteArray create = "create";
    auto outbox = statement(ChangeSet::outboxInsertSql());
    if (!outbox)
        return outbox.error();
    s = *outbox;
    bindText(s, 1, row.opId);
    bindText(s, 2, row.entity);
    bindText(s, 3, row.id);
    bindText(s, 4, upsert);
    bindText(s, 5, row.fields);
    sqlite3_bind_int64(s, 6, 0);
    bindText(s, 7, m_hlc);
    bindText(s, 8, m_now);
    sqlite3_bind_null(s, 9);
    if (Status st = step(s); !st)
        return st;

    auto audit = statement(ChangeSet::auditInsertSql());
    if (!audit)
        return audit.error();
    s = *audit;
    bindText(s, 1, m_now);
    bindText(s, 2, m_actor);
    bindText(s, 3, create);
    bindText(s, 4, row.entity);
    bindText(s, 5, row.id);
    bindNullable(s, 6, row.clientId);
    bindText(s, 7, row.summary);
    return step(s);
}

SearchEntry SearchEntry::make(const QString& term, const QByteArray& clientId)
{
    SearchEntry e;
    e.bytes = term.toUtf8();
    e.bytes.append('\0').append(clientId);
    for (qsizetype i = 0; i < 8; ++i) // big-endian, so numbers order like the bytes
        e.prefix = (e.prefix << 8) | (i < e.bytes.size() ? static_cast<quint8>(e.bytes.at(i)) : 0u);
    return e;
}

bool SearchEntry::operator<(const SearchEntry& other) const
{
    if (prefix != other.prefix)
        return prefix < other.prefix;
    // Byte order is SQLite's BINARY collation, the order of the index.
    const int n = std::memcmp(bytes.constData(), other.bytes.constData(),
                              static_cast<size_t>(std::min(bytes.size(), other.bytes.size())));
    return n != 0 ? n < 0 : bytes.size() < other.bytes.size();
}

Status BulkWriter::insertSearchTerms(std::vector<SearchEntry>& entries)
{
    const auto middle = entries.begin() + static_cast<std::ptrdiff_t>(entries.size() / 2);
    auto firstHalf = std::async(std::launch::async, [&entries, middle] { std::sort(entries.begin(), middle); });
    std::sort(middle, entries.end());
    firstHalf.get();
    std::inplace_merge(entries.begin(), middle, entries.end());
    auto insert = statement(QStringLiteral("INSERT OR IGNORE INTO search_terms (term, client_id) VALUES (?, ?)"));
    if (!insert)
        return insert.error();
    sqlite3_stmt* s = *insert;
    for (const SearchEntry& e : entries) {
        const qsizetype split = e.bytes.indexOf('\0');
        sqlite3_bind_text(s, 1, e.bytes.constData(), static_cast<int>(split), SQLITE_STATIC);
        sqlite3_bind_text(s, 2, e.bytes.constData() + split + 1, static_cast<int>(e.bytes.size() - split - 1),
                          SQLITE_STATIC);
        if (Status st = step(s); !st)
            return st;
    }
    return {};
}

} // namespace pd
