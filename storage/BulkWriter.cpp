#include "storage/BulkWriter.h"

#include "core/CompactJson.h"
#include "core/Ids.h"
#include "core/Text.h"
#include "storage/RowWriter.h"
#include "storage/driver/SqlCipherDriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>
#include <cstring>
#include <future>

#include <sqlite3.h>

namespace pd {

namespace {

// storedForm(v) as a StoredValue, without a QVariant in between (a bulk import converts
// 16 values per client row).
StoredValue storedValueOf(const QVariant& v)
{
    StoredValue out;
    if (v.isNull() || !v.isValid())
        return out;
    if (storedAsInteger(v)) {
        out.kind = StoredValue::Kind::Integer;
        out.integer = v.toLongLong();
        return out;
    }
    switch (v.typeId()) {
    case QMetaType::QDate: {
        const QDate date = v.toDate();
        if (!date.isValid())
            return out;
        out.kind = StoredValue::Kind::Text;
        out.text = text::isoDate(date).toUtf8();
        return out;
    }
    case QMetaType::QString:
        out.kind = StoredValue::Kind::Text;
        out.text = static_cast<const QString*>(v.constData())->toUtf8();
        return out;
    default:
        out.kind = StoredValue::Kind::Text;
        out.text = v.toString().toUtf8();
        return out;
    }
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
    // Every row of a table has the same columns: the rows one thread makes share one list per
    // table, so the writer's check that a table's rows agree compares lists, not 16 names.
    // Each name's JSON key ("name":) is kept with the list, made once, not once per row.
    struct Known
    {
        QStringList names;
        std::vector<QByteArray> jsonKeys;
    };
    thread_local std::vector<Known> known; // one per table (a handful)
    const auto same = [&columns](const Known& k) {
        return std::equal(columns.keyBegin(), columns.keyEnd(), k.names.cbegin(), k.names.cend());
    };
    auto found = std::find_if(known.cbegin(), known.cend(), same);
    if (found == known.cend()) {
        if (known.size() >= 8)
            known.clear();
        Known k{columns.keys(), {}};
        for (const QString& name : std::as_const(k.names)) {
            QByteArray& key = k.jsonKeys.emplace_back();
            json::appendString(key, name);
            key += ':';
        }
        found = known.insert(known.cend(), std::move(k));
    }
    row.names = found->names;
    const std::vector<QByteArray>& jsonKeys = found->jsonKeys;
    row.values.reserve(static_cast<size_t>(columns.size()));
    // The outbox entry is what json::compactObject() makes of the synced columns' stored
    // forms, written here in the same (key) order in the same pass.
    row.fields.reserve(64 + columns.size() * 32);
    row.fields += '{';
    size_t column = 0;
    for (auto it = columns.begin(); it != columns.end(); ++it, ++column) {
        const StoredValue& stored = row.values.emplace_back(storedValueOf(it.value()));
        if (derived.contains(it.key()))
            continue;
        if (row.fields.size() > 1)
            row.fields += ',';
        row.fields += jsonKeys[column];
        switch (stored.kind) {
        case StoredValue::Kind::Text:
            json::appendUtf8String(row.fields, stored.text);
            break;
        case StoredValue::Kind::Integer:
            json::appendValue(row.fields, QVariant(stored.integer));
            break;
        case StoredValue::Kind::Null:
            json::appendValue(row.fields, storedForm(it.value()));
            break;
        }
    }
    row.fields += '}';
    row.summary = summary.toUtf8();
    return row;
}

BulkWriter::BulkWriter(QSqlDatabase& db) : m_db(db.driver()->handle().value<sqlite3*>()) {}

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

namespace {

// SQLite 3.15 takes at most 999 parameters per statement.
constexpr int kMaxParameters = 999;
constexpr int kMaxRowsPerStatement = 256;

// Several rows per statement, and OR FAIL: a statement that fails keeps the rows before the
// failing one, which is harmless inside a transaction that is then rolled back, and spares
// SQLite the statement journal it keeps for a many-row INSERT that may have to undo itself.
QString orFail(QString insertSql)
{
    return insertSql.replace(QLatin1String("INSERT INTO"), QLatin1String("INSERT OR FAIL INTO"));
}

} // namespace

Status BulkWriter::inChunks(size_t count, int parameters, const std::function<QString(int)>& sqlFor,
                            const std::function<void(sqlite3_stmt*, int, size_t)>& bind)
{
    const int per = std::clamp(kMaxParameters / parameters, 1, kMaxRowsPerStatement);
    for (size_t at = 0; at < count;) {
        const int rows = static_cast<int>(std::min<size_t>(static_cast<size_t>(per), count - at));
        auto s = statement(sqlFor(rows));
        if (!s)
            return s.error();
        if (sqlite3_bind_parameter_count(*s) != rows * parameters)
            return Error::make(Error::Kind::Internal, QStringLiteral("BulkWriter: parameters do not match"));
        for (int r = 0; r < rows; ++r, ++at)
            bind(*s, r * parameters + 1, at);
        if (Status st = step(*s); !st)
            return st;
    }
    return {};
}

Status BulkWriter::insertRows(const std::vector<const NewRow*>& rows)
{
    // Every row of a table comes from the same columnsOf(): the same columns in the same order.
    const NewRow& first = *rows.front();
    for (const NewRow* row : rows)
        if (row->names != first.names)
            return Error::make(Error::Kind::Internal,
                               QStringLiteral("BulkWriter: rows of %1 differ in columns").arg(first.table));
    const int parameters = static_cast<int>(first.names.size()) + 4;
    const QString tuple =
        QStringLiteral("(?%1, 0, ?, 0, ?, ?)").arg(QStringLiteral(", ?").repeated(first.names.size()));
    const QString head =
        QStringLiteral("INSERT OR FAIL INTO %1 (id, %2, version, hlc, deleted, created_at, updated_at) "
                       "VALUES ")
            .arg(first.table, first.names.join(QStringLiteral(", ")));
    const auto sqlFor = [&](int n) {
        QStringList tuples;
        for (int i = 0; i < n; ++i)
            tuples << tuple;
        return head + tuples.join(QStringLiteral(", "));
    };
    return inChunks(rows.size(), parameters, sqlFor, [&](sqlite3_stmt* s, int i, size_t at) {
        const NewRow& row = *rows[at];
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
        bindText(s, i, m_now);
    });
}

Status BulkWriter::insert(const std::vector<NewRow>& rows)
{
    if (rows.empty())
        return {};
    if (m_hlc.isEmpty())
        return Error::make(Error::Kind::Internal, QStringLiteral("BulkWriter: rows are written inside a change set"));
    QStringList tables; // in the order they first appear
    QHash<QString, std::vector<const NewRow*>> byTable;
    for (const NewRow& row : rows) {
        std::vector<const NewRow*>& of = byTable[row.table];
        if (of.empty())
            tables << row.table;
        of.push_back(&row);
    }
    for (const QString& table : std::as_const(tables))
        if (Status s = insertRows(byTable[table]); !s)
            return s;

    static const QByteArray upsert = "upsert";
    static const QByteArray create = "create";
    const auto outboxSql = [](int n) { return orFail(ChangeSet::outboxInsertSql(n)); };
    Status outbox =
        inChunks(rows.size(), ChangeSet::kOutboxParameters, outboxSql, [&](sqlite3_stmt* s, int i, size_t at) {
            const NewRow& row = rows[at];
            bindText(s, i, row.opId);
            bindText(s, i + 1, row.entity);
            bindText(s, i + 2, row.id);
            bindText(s, i + 3, upsert);
            bindText(s, i + 4, row.fields);
            sqlite3_bind_int64(s, i + 5, 0);
            bindText(s, i + 6, m_hlc);
            bindText(s, i + 7, m_now);
            sqlite3_bind_null(s, i + 8);
        });
    if (!outbox)
        return outbox;
    const auto auditSql = [](int n) { return orFail(ChangeSet::auditInsertSql(n)); };
    return inChunks(rows.size(), ChangeSet::kAuditParameters, auditSql, [&](sqlite3_stmt* s, int i, size_t at) {
        const NewRow& row = rows[at];
        bindText(s, i, m_now);
        bindText(s, i + 1, m_actor);
        bindText(s, i + 2, create);
        bindText(s, i + 3, row.entity);
        bindText(s, i + 4, row.id);
        bindNullable(s, i + 5, row.clientId);
        bindText(s, i + 6, row.summary);
    });
}

SearchEntry SearchEntry::make(QByteArrayView term, QByteArrayView clientId)
{
    SearchEntry e;
    e.bytes.reserve(term.size() + 1 + clientId.size());
    e.bytes.append(term).append('\0').append(clientId);
    e.termSize = static_cast<int>(term.size());
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
    // OR IGNORE: a term a client already has is not an error.
    const auto sqlFor = [](int n) {
        return QStringLiteral("INSERT OR IGNORE INTO search_terms (term, client_id) VALUES (?, ?)") +
               QStringLiteral(", (?, ?)").repeated(n - 1);
    };
    return inChunks(entries.size(), 2, sqlFor, [&entries](sqlite3_stmt* s, int i, size_t at) {
        const SearchEntry& e = entries[at];
        sqlite3_bind_text(s, i, e.bytes.constData(), e.termSize, SQLITE_STATIC);
        sqlite3_bind_text(s, i + 1, e.bytes.constData() + e.termSize + 1,
                          static_cast<int>(e.bytes.size()) - e.termSize - 1, SQLITE_STATIC);
    });
}

} // namespace pd
