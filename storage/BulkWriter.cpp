#include "storage/BulkWriter.h"

#include "core/CompactJson.h"
#include "core/Ids.h"
#include "core/Text.h"
#include "storage/Columns.h"
#include "storage/RowWriter.h"
#include "storage/driver/SqlCipherDriver.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <future>

#include <sqlite3.h>

namespace pd {

namespace {

int bindText(sqlite3_stmt* s, int index, QByteArrayView text)
{
    // The bytes outlive the step: SQLite need not copy them. Never a null pointer: that
    // would bind NULL instead of ''.
    return sqlite3_bind_text(s, index, text.data() ? text.data() : "", static_cast<int>(text.size()), SQLITE_STATIC);
}

int bindNullable(sqlite3_stmt* s, int index, QByteArrayView text)
{
    return text.isEmpty() ? sqlite3_bind_null(s, index) : bindText(s, index, text);
}

// Appends s in UTF-8: ASCII (most values) one byte per unit, without a converted copy.
void appendUtf8(QByteArray& out, QStringView s)
{
    const auto* units = reinterpret_cast<const char16_t*>(s.data());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i)
        if (units[i] >= 0x80) {
            out += s.toUtf8();
            return;
        }
    const qsizetype at = out.size();
    out.resize(at + n);
    char* to = out.data() + at;
    for (qsizetype i = 0; i < n; ++i)
        to[i] = static_cast<char>(units[i]);
}

// The columns of the rows one thread makes, per table: the rows share one list of names
// (so the writer's check that a table's rows agree compares two list pointers), with each
// name's JSON key ("name":) made once and the order the outbox entry lists them in.
struct KnownColumns
{
    QString table;
    QStringList names;
    std::vector<QByteArray> jsonKeys;
    std::vector<size_t> jsonOrder; // by name, as json::compactObject() of a QVariantMap writes them
    QStringList derivedNames;
    std::vector<bool> derived; // for each of names
};

// Takes a row's columns from a repository's writeColumns() straight into the row's buffer.
class StoredRow final : public ColumnSink
{
public:
    StoredRow(NewRow& row, QByteArray& buffer, const KnownColumns* guess)
        : m_row(row), m_buffer(buffer), m_guess(guess), m_same(guess != nullptr)
    {}

    void integer(const QString& name, qint64 value) override
    {
        NewRow::Value& v = next(name);
        v.kind = NewRow::Value::Kind::Integer;
        v.integer = value;
    }
    void text(const QString& name, const QString& value) override
    {
        NewRow::Value& v = next(name);
        v.kind = NewRow::Value::Kind::Text;
        v.text.at = m_buffer.size();
        appendUtf8(m_buffer, value);
        v.text.size = m_buffer.size() - v.text.at;
    }
    void null(const QString& name) override { next(name); }
    // The names the values came with: the guess when they were the same, else collected.
    bool sameAsGuess() const { return m_same && m_count == m_guess->names.size(); }
    QStringList names() const { return m_same ? m_guess->names.first(m_count) : m_names; }

private:
    NewRow::Value& next(const QString& name)
    {
        if (m_same && !(m_count < m_guess->names.size() && m_guess->names.at(m_count) == name)) {
            m_same = false;
            m_names = m_guess->names.first(m_count);
        }
        if (!m_same)
            m_names << name;
        ++m_count;
        return m_row.values.emplace_back();
    }

    NewRow& m_row;
    QByteArray& m_buffer;
    const KnownColumns* m_guess;
    bool m_same;
    qsizetype m_count = 0;
    QStringList m_names;
};

std::vector<std::unique_ptr<KnownColumns>>& knownColumns()
{
    thread_local std::vector<std::unique_ptr<KnownColumns>> known; // a handful
    return known;
}

// The columns this thread last made a row of the table with: most likely the same again.
const KnownColumns* guessColumns(const QString& table)
{
    const auto& known = knownColumns();
    for (auto k = known.rbegin(); k != known.rend(); ++k)
        if ((*k)->table == table)
            return k->get();
    return nullptr;
}

const KnownColumns& knownColumns(const QString& table, const QStringList& names, const QStringList& derived)
{
    auto& known = knownColumns();
    for (const auto& k : known)
        if (k->table == table && k->names == names && k->derivedNames == derived)
            return *k;
    if (known.size() >= 8)
        known.clear(); // rows already made keep their own copy of the names
    auto k = std::make_unique<KnownColumns>();
    k->table = table;
    k->names = names;
    k->derivedNames = derived;
    for (const QString& name : names) {
        QByteArray& key = k->jsonKeys.emplace_back();
        json::appendString(key, name);
        key += ':';
        k->derived.push_back(derived.contains(name));
        k->jsonOrder.push_back(k->jsonOrder.size());
    }
    std::sort(k->jsonOrder.begin(), k->jsonOrder.end(),
              [&names](size_t a, size_t b) { return names.at(a) < names.at(b); });
    return *known.emplace_back(std::move(k));
}

} // namespace

NewRow NewRow::make(const QString& table, const QByteArray& entity, QByteArrayView id, QByteArrayView clientId,
                    const std::function<void(ColumnSink&)>& columns, const QStringList& derived, QByteArrayView summary)
{
    NewRow row;
    row.table = table;
    row.entity = entity;
    // Made in buffers this thread keeps, then copied once into the row's own: one allocation
    // per row instead of one per value.
    thread_local QByteArray buffer;
    thread_local QByteArray json;
    buffer.resize(0);
    json.resize(0);
    const auto append = [](QByteArrayView text) {
        const Span span{buffer.size(), text.size()};
        buffer.append(text);
        return span;
    };
    row.id = append(id);
    row.clientId = append(clientId);
    row.opId = append(newIdUtf8());
    const KnownColumns* guess = guessColumns(table);
    row.values.reserve(guess ? static_cast<size_t>(guess->names.size()) : 16);
    StoredRow stored(row, buffer, guess);
    columns(stored);
    const KnownColumns& known =
        stored.sameAsGuess() && guess->derivedNames == derived ? *guess : knownColumns(table, stored.names(), derived);
    row.names = known.names;
    // The outbox entry: what json::compactObject() makes of the synced columns' stored forms
    // (RowWriter's path), in the same (name) order.
    json += '{';
    for (const size_t column : known.jsonOrder) {
        if (known.derived[column])
            continue;
        if (json.size() > 1)
            json += ',';
        json += known.jsonKeys[column];
        const Value& v = row.values[column];
        switch (v.kind) {
        case Value::Kind::Text:
            json::appendUtf8String(json, QByteArrayView(buffer.constData() + v.text.at, v.text.size));
            break;
        case Value::Kind::Integer:
            if (v.integer > (1LL << 53) || v.integer < -(1LL << 53)) {
                json::appendValue(json, QVariant(static_cast<qlonglong>(v.integer))); // as a double, as Qt does
            } else {
                char digits[24];
                const auto end = std::to_chars(digits, digits + sizeof digits, v.integer).ptr;
                json.append(digits, end - digits);
            }
            break;
        case Value::Kind::Null:
            json::appendValue(json, QVariant(QMetaType::fromType<QString>())); // as storedForm() leaves a null
            break;
        }
    }
    json += '}';
    row.fields = append(json);
    row.summary = append(summary);
    row.buffer = QByteArray(buffer.constData(), buffer.size());
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
    sqlite3_stmt* full = nullptr; // the statement for `per` items, looked up once, not for every chunk
    for (size_t at = 0; at < count;) {
        const int rows = static_cast<int>(std::min<size_t>(static_cast<size_t>(per), count - at));
        auto s = rows == per && full ? Result<sqlite3_stmt*>(full) : statement(sqlFor(rows));
        if (!s)
            return s.error();
        if (rows == per)
            full = *s;
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
        bindText(s, i++, row.view(row.id));
        for (const NewRow::Value& v : row.values) {
            switch (v.kind) {
            case NewRow::Value::Kind::Null:
                sqlite3_bind_null(s, i++);
                break;
            case NewRow::Value::Kind::Integer:
                sqlite3_bind_int64(s, i++, v.integer);
                break;
            case NewRow::Value::Kind::Text:
                bindText(s, i++, row.view(v.text));
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
            bindText(s, i, row.view(row.opId));
            bindText(s, i + 1, row.entity);
            bindText(s, i + 2, row.view(row.id));
            bindText(s, i + 3, upsert);
            bindText(s, i + 4, row.view(row.fields));
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
        bindText(s, i + 4, row.view(row.id));
        bindNullable(s, i + 5, row.view(row.clientId));
        bindText(s, i + 6, row.view(row.summary));
    });
}

void SearchEntries::add(QByteArrayView term, QByteArrayView clientId)
{
    const size_t size = static_cast<size_t>(term.size() + 1 + clientId.size());
    if (size > m_left) {
        const size_t block = std::max<size_t>(size, 64 * 1024);
        m_blocks.push_back(std::make_unique<char[]>(block));
        m_next = m_blocks.back().get();
        m_left = block;
    }
    char* bytes = m_next;
    std::memcpy(bytes, term.data(), static_cast<size_t>(term.size()));
    bytes[term.size()] = '\0';
    std::memcpy(bytes + term.size() + 1, clientId.data(), static_cast<size_t>(clientId.size()));
    m_next += size;
    m_left -= size;
    Entry& e = m_entries.emplace_back();
    e.bytes = bytes;
    e.termSize = static_cast<int>(term.size());
    e.size = static_cast<int>(size);
    for (size_t i = 0; i < 8; ++i) // big-endian, so numbers order like the bytes
        e.prefix = (e.prefix << 8) | (i < size ? static_cast<quint8>(bytes[i]) : 0u);
}

void SearchEntries::append(SearchEntries&& other)
{
    m_entries.insert(m_entries.end(), other.m_entries.begin(), other.m_entries.end());
    std::move(other.m_blocks.begin(), other.m_blocks.end(), std::back_inserter(m_blocks));
    other.m_entries.clear();
    other.m_blocks.clear();
    other.m_next = nullptr;
    other.m_left = 0;
}

void SearchEntries::clear()
{
    m_entries.clear();
    m_blocks.clear();
    m_next = nullptr;
    m_left = 0;
}

bool SearchEntries::Entry::operator<(const Entry& other) const
{
    if (prefix != other.prefix)
        return prefix < other.prefix;
    // Byte order is SQLite's BINARY collation, the order of the index.
    const int n = std::memcmp(bytes, other.bytes, static_cast<size_t>(std::min(size, other.size)));
    return n != 0 ? n < 0 : size < other.size;
}

Status BulkWriter::insertSearchTerms(SearchEntries& terms)
{
    std::vector<SearchEntries::Entry>& entries = terms.m_entries;
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
        const SearchEntries::Entry& e = entries[at];
        bindText(s, i, e.term());
        bindText(s, i + 1, e.clientId());
    });
}

} // namespace pd
