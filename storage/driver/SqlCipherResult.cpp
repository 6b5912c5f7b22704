#include "storage/driver/SqlCipherResult.h"

#include "storage/driver/SqlCipherDriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>

#include <sqlite3.h>

#include <limits>

namespace pd {

namespace {

// True when the rest of an SQL string holds nothing but white space, ';' and comments.
bool onlyTrivia(const char* p)
{
    while (p && *p) {
        const char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == ';') {
            ++p;
        } else if (c == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                ++p;
        } else if (c == '/' && p[1] == '*') {
            p += 2;
            while (*p && !(p[0] == '*' && p[1] == '/'))
                ++p;
            if (*p)
                p += 2;
        } else {
            return false;
        }
    }
    return true;
}

QMetaType typeOfStorageClass(int storageClass)
{
    switch (storageClass) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qlonglong>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    default:
        return QMetaType();
    }
}

} // namespace

SqlCipherResult::SqlCipherResult(const SqlCipherDriver* driver) : QSqlResult(driver) {}

SqlCipherResult::~SqlCipherResult()
{
    finalize();
    if (const auto* d = static_cast<const SqlCipherDriver*>(driver()))
        d->m_results.removeOne(this);
}

QMetaType SqlCipherResult::typeForDeclared(const QString& declared)
{
    // https://www.sqlite.org/datatype3.html, "Determination Of Column Affinity", in order.
    const QString t = declared.toUpper();
    if (t.contains(QLatin1String("INT")))
        return QMetaType::fromType<qlonglong>();
    if (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) || t.contains(QLatin1String("TEXT")))
        return QMetaType::fromType<QString>();
    if (t.contains(QLatin1String("BLOB")))
        return QMetaType::fromType<QByteArray>();
    if (t.isEmpty())
        return QMetaType(); // no affinity: decided by the value
    if (t.contains(QLatin1String("REAL")) || t.contains(QLatin1String("FLOA")) || t.contains(QLatin1String("DOUB")))
        return QMetaType::fromType<double>();
    // NUMERIC affinity. BOOLEAN holds 0/1; DATE/TIME columns hold ISO 8601 text here.
    if (t.contains(QLatin1String("BOOL")))
        return QMetaType::fromType<bool>();
    if (t.contains(QLatin1String("DATE")) || t.contains(QLatin1String("TIME")))
        return QMetaType::fromType<QString>();
    return QMetaType::fromType<double>();
}

bool SqlCipherResult::isNullValue(const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return true;
    // A QString or QByteArray is always a value, even a null one: NULL is asked for with a
    // null QVariant, e.g. QVariant(QMetaType::fromType<QString>()) (Qt 6's documented way).
    // A null date or time has no text form, so it is stored as NULL.
    switch (value.typeId()) {
    case QMetaType::QDate:
        return static_cast<const QDate*>(value.constData())->isNull();
    case QMetaType::QTime:
        return static_cast<const QTime*>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime*>(value.constData())->isValid();
    default:
        return false;
    }
}

QString SqlCipherResult::isoText(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QTime:
        return value.toTime().toString(Qt::ISODateWithMs);
    case QMetaType::QDateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs);
    default:
        return value.toString();
    }
}

sqlite3* SqlCipherResult::connection() const
{
    const auto* d = static_cast<const SqlCipherDriver*>(driver());
    return d ? d->nativeHandle() : nullptr;
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(m_stmt);
}

void SqlCipherResult::setError(int rc, const QString& driverText)
{
    setLastError(SqlCipherDriver::makeError(connection(), rc, driverText, QSqlError::StatementError));
}

void SqlCipherResult::clearRows()
{
    m_rows.clear();
    m_lastRow.clear();
    m_onLastRow = false;
    m_stmtRow = -1;
    m_exhausted = true;
}

void SqlCipherResult::finalize()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    clearRows();
    m_record.clear();
    m_types.clear();
    m_typeFromValue.clear();
    m_placeholderOf.clear();
    m_changes = -1;
    m_lastInsertId = QVariant();
}

void SqlCipherResult::connectionClosing()
{
    finalize();
    m_closed = true;
    setActive(false);
    setAt(QSql::BeforeFirstRow);
}

bool SqlCipherResult::prepare(const QString& query)
{
    finalize();
    m_values.clear();
    m_positional = false;
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    sqlite3* db = connection();
    if (!db) {
        setLastError(QSqlError(QCoreApplication::translate("SqlCipherResult", "Unable to prepare the statement"),
                               QCoreApplication::translate("SqlCipherResult", "the database is not open"),
                               QSqlError::ConnectionError));
        return false;
    }
    m_closed = false;
    const QByteArray sql = query.toUtf8();
    const char* tail = nullptr;
    // nByte includes the terminating NUL, which lets SQLite skip a copy.
    const int rc = sqlite3_prepare_v2(db, sql.constData(), static_cast<int>(sql.size()) + 1, &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        setError(rc, QCoreApplication::translate("SqlCipherResult", "Unable to prepare the statement"));
        finalize();
        return false;
    }
    if (!m_stmt) {
        setLastError(QSqlError(QCoreApplication::translate("SqlCipherResult", "Unable to prepare the statement"),
                               QCoreApplication::translate("SqlCipherResult", "the query holds no SQL statement"),
                               QSqlError::StatementError));
        return false;
    }
    if (!onlyTrivia(tail)) {
        setLastError(QSqlError(
            QCoreApplication::translate("SqlCipherResult", "Unable to prepare the statement"),
            QCoreApplication::translate("SqlCipherResult",
                                        "the query holds more than one SQL statement; run one statement per query, or "
                                        "use SqlCipherDriver::executeScript()"),
            QSqlError::StatementError));
        finalize();
        return false;
    }

    const int columns = sqlite3_column_count(m_stmt);
    m_types.reserve(columns);
    m_typeFromValue.reserve(columns);
    for (int i = 0; i < columns; ++i) {
        const char* declared = sqlite3_column_decltype(m_stmt, i);
        const QMetaType type = typeForDeclared(declared ? QString::fromUtf8(declared) : QString());
        const char* table = sqlite3_column_table_name(m_stmt, i);
        m_record.append(QSqlField(QString::fromUtf8(sqlite3_column_name(m_stmt, i)), type,
                                  table ? QString::fromUtf8(table) : QString()));
        m_types.append(type);
        m_typeFromValue.append(!declared || !*declared);
    }
    setSelect(columns > 0);
    setLastError(QSqlError());
    return true;
}

bool SqlCipherResult::reset(const QString& query)
{
    // A direct QSqlQuery::exec(sql): prepare and run without bound values.
    if (!prepare(query))
        return false;
    if (sqlite3_bind_parameter_count(m_stmt) > 0) {
        setLastError(QSqlError(
            QCoreApplication::translate("SqlCipherResult", "Unable to execute the statement"),
            QCoreApplication::translate("SqlCipherResult", "the query has placeholders; prepare it and bind values"),
            QSqlError::StatementError));
        return false;
    }
    return runFirstStep();
}

bool SqlCipherResult::exec()
{
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    if (!m_stmt) {
        setLastError(QSqlError(QCoreApplication::translate("SqlCipherResult", "Unable to execute the statement"),
                               m_closed ? QCoreApplication::translate("SqlCipherResult", "the database was closed")
                                        : QCoreApplication::translate("SqlCipherResult", "no statement was prepared"),
                               QSqlError::StatementError));
        return false;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    clearRows();
    if (!bindValues())
        return false;
    return runFirstStep();
}

void SqlCipherResult::bindValue(int index, const QVariant& value, QSql::ParamType type)
{
    if (type != QSql::In || index < 0) {
        QSqlResult::bindValue(index, value, type);
        return;
    }
    if (m_values.size() <= index)
        m_values.resize(index + 1);
    m_values[index] = value;
    m_positional = true;
}

bool SqlCipherResult::execBatch(bool)
{
    // One exec() per row of the bound lists (QSqlQuery::execBatch()).
    const QVariantList columns = m_positional ? m_values : boundValues();
    if (columns.isEmpty())
        return false;
    const qsizetype rows = columns.first().toList().size();
    for (qsizetype row = 0; row < rows; ++row) {
        m_values.resize(columns.size());
        for (qsizetype c = 0; c < columns.size(); ++c)
            m_values[c] = columns.at(c).toList().value(row);
        m_positional = true;
        if (!exec())
            return false;
    }
    return true;
}

bool SqlCipherResult::mapPlaceholders(int valueCount)
{
    // Qt hands us the values in the order of the placeholders in the query text; with named
    // placeholders Qt names positional ones too (boundValueName()). SQLite gives a repeated
    // :name one parameter index, so several values may map to the same index.
    const int parameters = sqlite3_bind_parameter_count(m_stmt);
    QList<bool> covered(parameters + 1, false);
    m_placeholderOf.resize(valueCount);
    for (int i = 0; i < valueCount; ++i) {
        int index = 0;
        const QString name = boundValueName(i);
        if (!name.isEmpty())
            index = sqlite3_bind_parameter_index(m_stmt, name.toUtf8().constData());
        if (index == 0 && i < parameters && !sqlite3_bind_parameter_name(m_stmt, i + 1))
            index = i + 1; // a plain '?'
        if (index == 0) {
            m_placeholderOf.clear();
            setLastError(QSqlError(
                QCoreApplication::translate("SqlCipherResult", "Parameter count mismatch"),
                QCoreApplication::translate("SqlCipherResult", "value %1 (%2) has no placeholder in the statement")
                    .arg(i + 1)
                    .arg(name),
                QSqlError::StatementError));
            return false;
        }
        m_placeholderOf[i] = index;
        covered[index] = true;
    }
    for (int p = 1; p <= parameters; ++p) {
        if (!covered.at(p)) {
            m_placeholderOf.clear();
            const char* name = sqlite3_bind_parameter_name(m_stmt, p);
            setLastError(
                QSqlError(QCoreApplication::translate("SqlCipherResult", "Parameter count mismatch"),
                          QCoreApplication::translate("SqlCipherResult", "no value was bound for placeholder %1 %2")
                              .arg(p)
                              .arg(name ? QString::fromUtf8(name) : QString()),
                          QSqlError::StatementError));
            return false;
        }
    }
    return true;
}

bool SqlCipherResult::bindValues()
{
    const QList<QVariant>& values = m_positional ? m_values : boundValues();
    const int count = static_cast<int>(values.size());
    // The mapping depends only on the statement and the number of values: compute it once per
    // prepare, so that re-executing a prepared insert stays cheap.
    if (m_placeholderOf.size() != count || (count == 0 && sqlite3_bind_parameter_count(m_stmt) > 0)) {
        if (!mapPlaceholders(count))
            return false;
    }
    for (int i = 0; i < count; ++i) {
        if (!bindOne(m_placeholderOf.at(i), values.at(i)))
            return false;
    }
    return true;
}

bool SqlCipherResult::bindOne(int index, const QVariant& value)
{
    int rc = SQLITE_OK;
    constexpr qsizetype maxBytes = std::numeric_limits<int>::max();
    const auto bindText = [&](const QString& text) {
        const QByteArray utf8 = text.toUtf8();
        if (utf8.size() > maxBytes)
            return SQLITE_TOOBIG;
        return sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    };
    if (isNullValue(value)) {
        rc = sqlite3_bind_null(m_stmt, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::QByteArray: {
            const auto* bytes = static_cast<const QByteArray*>(value.constData());
            if (bytes->size() > maxBytes)
                rc = SQLITE_TOOBIG;
            else if (bytes->isEmpty())
                rc = sqlite3_bind_zeroblob(m_stmt, index, 0); // empty, not NULL
            else
                rc = sqlite3_bind_blob(m_stmt, index, bytes->constData(), static_cast<int>(bytes->size()),
                                       SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QString:
            rc = bindText(*static_cast<const QString*>(value.constData()));
            break;
        case QMetaType::Bool:
            rc = sqlite3_bind_int64(m_stmt, index, value.toBool() ? 1 : 0);
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
            rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
            break;
        case QMetaType::ULong:
        case QMetaType::ULongLong: {
            const qulonglong n = value.toULongLong();
            if (n > static_cast<qulonglong>(std::numeric_limits<qint64>::max())) {
                setLastError(
                    QSqlError(QCoreApplication::translate("SqlCipherResult", "Unable to bind a value"),
                              QCoreApplication::translate("SqlCipherResult",
                                                          "the unsigned value %1 does not fit a 64-bit SQLite integer")
                                  .arg(n),
                              QSqlError::StatementError));
                return false;
            }
            rc = sqlite3_bind_int64(m_stmt, index, static_cast<sqlite3_int64>(n));
            break;
        }
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
            break;
        case QMetaType::QDate:
        case QMetaType::QTime:
        case QMetaType::QDateTime:
            rc = bindText(isoText(value));
            break;
        default:
            if (!value.canConvert<QString>()) {
                setLastError(
                    QSqlError(QCoreApplication::translate("SqlCipherResult", "Unable to bind a value"),
                              QCoreApplication::translate("SqlCipherResult", "values of type %1 cannot be stored")
                                  .arg(QLatin1String(value.typeName())),
                              QSqlError::StatementError));
                return false;
            }
            rc = bindText(value.toString());
            break;
        }
    }
    if (rc != SQLITE_OK) {
        setError(rc, QCoreApplication::translate("SqlCipherResult", "Unable to bind a value"));
        return false;
    }
    return true;
}

bool SqlCipherResult::runFirstStep()
{
    sqlite3* db = connection();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    const int totalBefore = sqlite3_total_changes(db);
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        setError(rc, QCoreApplication::translate("SqlCipherResult", "Unable to execute the statement"));
        sqlite3_reset(m_stmt);
        m_exhausted = true;
        return false;
    }
    const bool select = sqlite3_column_count(m_stmt) > 0;
    if (rc == SQLITE_ROW) {
        m_exhausted = false;
        m_stmtRow = 0;
        // Columns without a declared type (expressions) take the type of their first value.
        for (int i = 0; i < m_types.size(); ++i) {
            if (!m_typeFromValue.at(i))
                continue;
            const QMetaType type = typeOfStorageClass(sqlite3_column_type(m_stmt, i));
            if (type.isValid()) {
                m_types[i] = type;
                QSqlField field = m_record.field(i);
                field.setMetaType(type);
                m_record.replace(i, field);
            }
            m_typeFromValue[i] = false;
        }
        if (!isForwardOnly())
            m_rows.append(readRow());
    } else {
        statementFinished();
    }
    if (select) {
        m_changes = -1;
        m_lastInsertId = QVariant();
    } else {
        m_changes = sqlite3_total_changes(db) != totalBefore ? sqlite3_changes(db) : 0;
        const qint64 rowid = sqlite3_last_insert_rowid(db);
        m_lastInsertId = rowid != 0 ? QVariant(static_cast<qlonglong>(rowid)) : QVariant();
    }
    setSelect(select);
    setActive(true);
    setLastError(QSqlError());
    return true;
}

void SqlCipherResult::statementFinished()
{
    m_exhausted = true;
    // Reset at once so that a finished SELECT holds no read lock.
    sqlite3_reset(m_stmt);
}

bool SqlCipherResult::stepRow()
{
    if (m_exhausted || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        ++m_stmtRow;
        if (!isForwardOnly())
            m_rows.append(readRow());
        return true;
    }
    if (rc != SQLITE_DONE) {
        setError(rc, QCoreApplication::translate("SqlCipherResult", "Unable to fetch a row"));
        setActive(false);
    }
    statementFinished();
    return false;
}

QVariant SqlCipherResult::columnValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: {
        const qlonglong n = sqlite3_column_int64(m_stmt, column);
        if (numericalPrecisionPolicy() == QSql::LowPrecisionInt32)
            return QVariant(static_cast<int>(n));
        return QVariant(n);
    }
    case SQLITE_FLOAT: {
        const double d = sqlite3_column_double(m_stmt, column);
        switch (numericalPrecisionPolicy()) {
        case QSql::LowPrecisionInt32:
            return QVariant(static_cast<int>(d));
        case QSql::LowPrecisionInt64:
            return QVariant(static_cast<qlonglong>(d));
        default:
            return QVariant(d);
        }
    }
    case SQLITE_TEXT: {
        // Read the pointer before the length (SQLite's documented order); the length counts
        // bytes and includes any embedded NUL.
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        if (bytes == 0)
            return QVariant(QString(QLatin1String(""))); // empty, not NULL
        return QVariant(QString::fromUtf8(text, bytes));
    }
    case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        if (bytes == 0 || !data)
            return QVariant(QByteArray("", 0)); // a zero-length blob is empty, not NULL
        return QVariant(QByteArray(data, bytes));
    }
    default: // SQLITE_NULL
        return QVariant(m_types.value(column));
    }
}

QVariantList SqlCipherResult::readRow() const
{
    const int columns = static_cast<int>(m_types.size());
    QVariantList row;
    row.reserve(columns);
    for (int i = 0; i < columns; ++i)
        row.append(columnValue(i));
    return row;
}

const QVariantList* SqlCipherResult::bufferedRow() const
{
    if (isForwardOnly())
        return m_onLastRow ? &m_lastRow : nullptr;
    return at() >= 0 && at() < m_rows.size() ? &m_rows.at(at()) : nullptr;
}

bool SqlCipherResult::fetch(int i)
{
    if (i < 0 || !m_stmt)
        return false;
    if (isForwardOnly()) {
        if (m_onLastRow)
            return i == at();
        if (i < at())
            return false;
        while (m_exhausted || m_stmtRow < i) {
            if (!stepRow()) {
                setAt(QSql::AfterLastRow);
                return false;
            }
        }
        setAt(i);
        return true;
    }
    while (m_rows.size() <= i) {
        if (!stepRow()) {
            setAt(QSql::AfterLastRow);
            return false;
        }
    }
    setAt(i);
    return true;
}

bool SqlCipherResult::fetchNext()
{
    if (at() == QSql::AfterLastRow)
        return false;
    return fetch(at() == QSql::BeforeFirstRow ? 0 : at() + 1);
}

bool SqlCipherResult::fetchPrevious()
{
    if (isForwardOnly() || at() <= 0)
        return false;
    return fetch(at() - 1);
}

bool SqlCipherResult::fetchFirst()
{
    if (isForwardOnly() && at() > 0)
        return false;
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!m_stmt)
        return false;
    if (!isForwardOnly()) {
        while (stepRow()) {
        }
        if (m_rows.isEmpty() || !isActive()) {
            setAt(QSql::AfterLastRow);
            return false;
        }
        setAt(static_cast<int>(m_rows.size() - 1));
        return true;
    }
    if (m_onLastRow)
        return true;
    // Forward-only: step to the end, keeping a copy of each row until the next one exists.
    if (at() == QSql::AfterLastRow || !fetch(at() < 0 ? 0 : at()))
        return false;
    for (;;) {
        QVariantList row = readRow();
        const int index = m_stmtRow;
        if (!stepRow()) {
            if (!isActive())
                return false;
            m_lastRow = std::move(row);
            m_onLastRow = true;
            setAt(index);
            return true;
        }
    }
}

QVariant SqlCipherResult::data(int field)
{
    if (field < 0 || field >= m_types.size())
        return QVariant();
    if (const QVariantList* row = bufferedRow())
        return row->value(field);
    if (isForwardOnly() && !m_exhausted && at() >= 0 && at() == m_stmtRow)
        return columnValue(field);
    return QVariant();
}

bool SqlCipherResult::isNull(int field)
{
    if (field < 0 || field >= m_types.size())
        return true;
    if (const QVariantList* row = bufferedRow())
        return row->at(field).isNull();
    if (isForwardOnly() && !m_exhausted && at() >= 0 && at() == m_stmtRow)
        return sqlite3_column_type(m_stmt, field) == SQLITE_NULL;
    return true;
}

int SqlCipherResult::size()
{
    return -1;
}

int SqlCipherResult::numRowsAffected()
{
    return m_changes;
}

QVariant SqlCipherResult::lastInsertId() const
{
    return isActive() ? m_lastInsertId : QVariant();
}

QSqlRecord SqlCipherResult::record() const
{
    return m_record;
}

void SqlCipherResult::detachFromResultSet()
{
    // QSqlQuery::finish(): release the statement's locks and the buffered rows, keep it prepared.
    if (m_stmt)
        sqlite3_reset(m_stmt);
    clearRows();
}

} // namespace pd
