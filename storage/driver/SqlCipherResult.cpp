#include "storage/driver/SqlCipherResult.h"

#include "storage/driver/SqlCipherDriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlField>

#include <sqlite3.h>

namespace pd {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("SqlCipherResult", s);
}

QMetaType columnType(sqlite3_stmt* stmt, int i)
{
    const char* declared = sqlite3_column_decltype(stmt, i);
    const QString t = declared ? QString::fromUtf8(declared).toLower() : QString();
    if (t.contains(QLatin1String("int")))
        return QMetaType::fromType<qlonglong>();
    if (t.contains(QLatin1String("real")) || t.contains(QLatin1String("floa")) || t.contains(QLatin1String("doub")))
        return QMetaType::fromType<double>();
    if (t.contains(QLatin1String("blob")))
        return QMetaType::fromType<QByteArray>();
    if (t.isEmpty()) {
        // An expression (count(*), …): use the type of the value if there is one.
        switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return QMetaType::fromType<qlonglong>();
        case SQLITE_FLOAT:
            return QMetaType::fromType<double>();
        case SQLITE_BLOB:
            return QMetaType::fromType<QByteArray>();
        default:
            break;
        }
    }
    return QMetaType::fromType<QString>();
}

} // namespace

SqlCipherResult::SqlCipherResult(const SqlCipherDriver* driver) : QSqlResult(driver) {}

SqlCipherResult::~SqlCipherResult()
{
    finalize();
}

sqlite3* SqlCipherResult::db() const
{
    return static_cast<const SqlCipherDriver*>(driver())->nativeHandle();
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(static_cast<void*>(m_stmt));
}

void SqlCipherResult::finalize()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_record.clear();
    m_row.clear();
    m_cache.clear();
    m_pending = false;
    m_done = false;
}

bool SqlCipherResult::reset(const QString& query)
{
    return prepare(query) && exec();
}

bool SqlCipherResult::prepare(const QString& query)
{
    finalize();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    if (!db()) {
        setLastError(QSqlError(tr("The database is not open"), QString(), QSqlError::ConnectionError));
        return false;
    }
    const QByteArray sql = query.toUtf8();
    const int rc = sqlite3_prepare_v2(db(), sql.constData(), static_cast<int>(sql.size() + 1), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(sqlCipherError(db(), tr("Unable to prepare the statement"), QSqlError::StatementError, rc));
        finalize();
        return false;
    }
    if (!m_stmt) { // empty statement (only white space or a comment)
        setLastError(QSqlError(tr("Unable to prepare the statement"), tr("the statement is empty"),
                               QSqlError::StatementError));
        return false;
    }
    setLastError(QSqlError());
    return true;
}

bool SqlCipherResult::bindAll()
{
    const QVariantList values = boundValues();
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    if (values.size() != expected) {
        setLastError(QSqlError(tr("Parameter count mismatch"),
                               tr("the statement has %1 placeholders but %2 values were bound").arg(expected).arg(values.size()),
                               QSqlError::StatementError));
        return false;
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant& v = values.at(i);
        const int pos = i + 1;
        int rc = SQLITE_OK;
        if (v.isNull() || !v.isValid()) {
            rc = sqlite3_bind_null(m_stmt, pos);
        } else {
            switch (v.typeId()) {
            case QMetaType::QByteArray: {
                const QByteArray b = v.toByteArray();
                rc = sqlite3_bind_blob(m_stmt, pos, b.constData(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
                break;
            }
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Char:
            case QMetaType::UChar:
                rc = sqlite3_bind_int64(m_stmt, pos, v.toLongLong());
                break;
            case QMetaType::ULongLong:
                rc = sqlite3_bind_int64(m_stmt, pos, static_cast<sqlite3_int64>(v.toULongLong()));
                break;
            case QMetaType::Double:
            case QMetaType::Float:
                rc = sqlite3_bind_double(m_stmt, pos, v.toDouble());
                break;
            case QMetaType::QDate: {
                const QByteArray s = v.toDate().toString(Qt::ISODate).toUtf8();
                rc = sqlite3_bind_text(m_stmt, pos, s.constData(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
                break;
            }
            case QMetaType::QDateTime: {
                const QByteArray s = v.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
                rc = sqlite3_bind_text(m_stmt, pos, s.constData(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
                break;
            }
            default: {
                const QByteArray s = v.toString().toUtf8();
                rc = sqlite3_bind_text(m_stmt, pos, s.constData(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
                break;
            }
            }
        }
        if (rc != SQLITE_OK) {
            setLastError(sqlCipherError(db(), tr("Unable to bind a value"), QSqlError::StatementError, rc));
            return false;
        }
    }
    return true;
}

bool SqlCipherResult::exec()
{
    if (!m_stmt) {
        setLastError(QSqlError(tr("No statement was prepared"), QString(), QSqlError::StatementError));
        return false;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_row.clear();
    m_cache.clear();
    m_pending = false;
    m_done = false;
    setAt(QSql::BeforeFirstRow);
    setActive(false);
    if (!bindAll())
        return false;

    const int columns = sqlite3_column_count(m_stmt);
    const int rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        setLastError(sqlCipherError(db(), tr("Unable to execute the statement"), QSqlError::StatementError, rc));
        sqlite3_reset(m_stmt);
        return false;
    }
    m_changes = columns == 0 ? sqlite3_changes(db()) : 0;
    if (m_record.isEmpty() && columns > 0) {
        for (int i = 0; i < columns; ++i) {
            const char* name = sqlite3_column_name(m_stmt, i);
            const char* table = sqlite3_column_table_name(m_stmt, i);
            m_record.append(QSqlField(QString::fromUtf8(name), columnType(m_stmt, i),
                                      table ? QString::fromUtf8(table) : QString()));
        }
    }
    if (rc == SQLITE_ROW) {
        m_pending = true; // step() reads this first row when it is fetched
    } else {
        m_done = true;
        sqlite3_reset(m_stmt); // release locks of a finished statement early
    }
    setSelect(columns > 0);
    setActive(true);
    setLastError(QSqlError());
    return true;
}

bool SqlCipherResult::step()
{
    if (m_done)
        return false;
    if (m_pending) {
        m_pending = false;
    } else {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_DONE) {
            m_done = true;
            sqlite3_reset(m_stmt);
            return false;
        }
        if (rc != SQLITE_ROW) {
            setLastError(sqlCipherError(db(), tr("Unable to fetch a row"), QSqlError::StatementError, rc));
            m_done = true;
            sqlite3_reset(m_stmt);
            return false;
        }
    }
    const int columns = sqlite3_column_count(m_stmt);
    m_row.resize(columns);
    for (int i = 0; i < columns; ++i) {
        switch (sqlite3_column_type(m_stmt, i)) {
        case SQLITE_INTEGER: {
            const qlonglong n = sqlite3_column_int64(m_stmt, i);
            // LowPrecisionDouble is about floating point only; integers stay exact.
            if (numericalPrecisionPolicy() == QSql::LowPrecisionInt32)
                m_row[i] = QVariant(static_cast<int>(n));
            else
                m_row[i] = QVariant(n);
            break;
        }
        case SQLITE_FLOAT: {
            const double d = sqlite3_column_double(m_stmt, i);
            switch (numericalPrecisionPolicy()) {
            case QSql::HighPrecision:
                m_row[i] = QVariant(QString::number(d, 'g', 17));
                break;
            case QSql::LowPrecisionInt32:
                m_row[i] = QVariant(static_cast<int>(d));
                break;
            case QSql::LowPrecisionInt64:
                m_row[i] = QVariant(static_cast<qlonglong>(d));
                break;
            default:
                m_row[i] = QVariant(d);
                break;
            }
            break;
        }
        case SQLITE_BLOB: {
            const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, i));
            const int n = sqlite3_column_bytes(m_stmt, i);
            m_row[i] = QVariant(p ? QByteArray(p, n) : QByteArray("", 0));
            break;
        }
        case SQLITE_NULL:
            m_row[i] = QVariant(m_record.field(i).metaType());
            break;
        default: { // TEXT
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
            const int n = sqlite3_column_bytes(m_stmt, i);
            m_row[i] = QVariant(QString::fromUtf8(p, n));
            break;
        }
        }
    }
    if (!isForwardOnly())
        m_cache.append(m_row);
    return true;
}

const QVariantList& SqlCipherResult::current() const
{
    if (!isForwardOnly() && at() >= 0 && at() < m_cache.size())
        return m_cache.at(at());
    return m_row;
}

bool SqlCipherResult::fetchNext()
{
    if (!isForwardOnly() && at() + 1 < m_cache.size()) {
        setAt(at() + 1);
        return true;
    }
    if (!step()) {
        if (!isForwardOnly())
            setAt(QSql::AfterLastRow);
        return false;
    }
    setAt(at() < 0 ? 0 : at() + 1);
    return true;
}

bool SqlCipherResult::fetch(int i)
{
    if (i < 0)
        return false;
    if (isForwardOnly()) {
        if (i < at())
            return false;
        while (at() < i)
            if (!fetchNext())
                return false;
        return true;
    }
    while (m_cache.size() <= i)
        if (!step()) {
            setAt(QSql::AfterLastRow);
            return false;
        }
    setAt(i);
    return true;
}

bool SqlCipherResult::fetchPrevious()
{
    if (isForwardOnly() || at() <= 0)
        return false;
    setAt(at() - 1);
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    if (isForwardOnly())
        return at() == QSql::BeforeFirstRow ? fetchNext() : false;
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (isForwardOnly()) {
        bool any = false;
        while (fetchNext())
            any = true;
        return any;
    }
    while (step()) {
    }
    if (m_cache.isEmpty())
        return false;
    setAt(static_cast<int>(m_cache.size() - 1));
    return true;
}

QVariant SqlCipherResult::data(int field)
{
    const QVariantList& row = current();
    if (field < 0 || field >= row.size())
        return {};
    return row.at(field);
}

bool SqlCipherResult::isNull(int field)
{
    const QVariantList& row = current();
    return field < 0 || field >= row.size() || row.at(field).isNull();
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
    if (!db())
        return {};
    const qint64 id = sqlite3_last_insert_rowid(db());
    return id ? QVariant(id) : QVariant();
}

QSqlRecord SqlCipherResult::record() const
{
    return isActive() && isSelect() ? m_record : QSqlRecord();
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_pending = false;
    m_done = true;
}

} // namespace pd
