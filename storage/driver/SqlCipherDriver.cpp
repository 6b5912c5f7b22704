#include "storage/driver/SqlCipherDriver.h"

#include "storage/driver/SqlCipherResult.h"

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTime>

#include <sqlite3.h>

#include <algorithm>
#include <utility>

namespace pd {

namespace {

// One row of PRAGMA table_info: cid, name, type, notnull, dflt_value, pk.
struct ColumnInfo
{
    QString name;
    QString declared;
    bool notNull = false;
    QVariant defaultValue;
    int pkOrder = 0;
};

QList<ColumnInfo> tableInfo(const SqlCipherDriver& driver, const QString& tableName)
{
    QList<ColumnInfo> columns;
    QSqlQuery q(driver.createResult());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(driver.escapeIdentifier(tableName, QSqlDriver::TableName))))
        return columns;
    while (q.next()) {
        ColumnInfo c;
        c.name = q.value(1).toString();
        c.declared = q.value(2).toString();
        c.notNull = q.value(3).toInt() != 0;
        c.defaultValue = q.value(4);
        c.pkOrder = q.value(5).toInt();
        columns.append(c);
    }
    return columns;
}

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject* parent) : QSqlDriver(parent) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

QString SqlCipherDriver::driverName()
{
    return QLatin1String(kDriverName);
}

void SqlCipherDriver::registerDriver()
{
    // A function-local static runs once, also when several threads race to register.
    static const bool registered = [] {
        QSqlDatabase::registerSqlDriver(driverName(), new QSqlDriverCreator<SqlCipherDriver>);
        return true;
    }();
    Q_UNUSED(registered);
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(m_db);
}

QSqlError SqlCipherDriver::makeError(sqlite3* db, int rc, const QString& driverText, QSqlError::ErrorType type)
{
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_OK;
    QString text;
    if (code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE) {
        text = QString::fromUtf8(sqlite3_errmsg(db));
    } else {
        code = rc;
        text = QString::fromUtf8(sqlite3_errstr(rc));
    }
    return QSqlError(driverText, text, type, QString::number(code));
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case PreparedQueries:
    case PositionalPlaceholders:
    case NamedPlaceholders:
    case LastInsertId:
    case BLOB:
    case Unicode:
    case SimpleLocking:
    case FinishQuery:
    case LowPrecisionNumbers:
        return true;
    case QuerySize:       // SQLite does not know the row count before stepping through
    case BatchOperations: // QSqlResult's default execBatch() loops over exec(), which is fine
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

void SqlCipherDriver::failOpen(const QSqlError& error)
{
    setLastError(error);
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    setOpen(false);
    setOpenError(true);
}

bool SqlCipherDriver::open(const QString& db, const QString& user, const QString& password, const QString& host,
                           int port, const QString& connOpts)
{
    Q_UNUSED(user);
    Q_UNUSED(host);
    Q_UNUSED(port);
    if (isOpen())
        close();

    const QString cannotOpen = tr("Could not open the database %1").arg(db);
    if (!password.isEmpty()) {
        failOpen(QSqlError(cannotOpen,
                           tr("the QSQLCIPHER driver does not take a password; apply the key with sqlite3_key() on "
                              "the connection handle"),
                           QSqlError::ConnectionError));
        return false;
    }
    if (db.isEmpty()) {
        failOpen(QSqlError(tr("Could not open the database"), tr("no database file name was given"),
                           QSqlError::ConnectionError));
        return false;
    }

    bool readOnly = false;
    bool noCreate = false;
    int busyTimeoutMs = kDefaultBusyTimeoutMs;
    for (const QString& raw : connOpts.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString option = raw.trimmed();
        if (option.isEmpty())
            continue;
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        const QString name = (eq < 0 ? option : option.left(eq)).trimmed();
        const QString value = eq < 0 ? QString() : option.mid(eq + 1).trimmed();
        bool ok = true;
        if (name == QLatin1String("QSQLCIPHER_OPEN_READONLY") && eq < 0) {
            readOnly = true;
        } else if (name == QLatin1String("QSQLCIPHER_NO_CREATE") && eq < 0) {
            noCreate = true;
        } else if (name == QLatin1String("QSQLCIPHER_BUSY_TIMEOUT") && eq >= 0) {
            busyTimeoutMs = value.toInt(&ok);
            ok = ok && busyTimeoutMs >= 0;
        } else {
            ok = false;
        }
        if (!ok) {
            failOpen(QSqlError(cannotOpen, tr("unknown or malformed connect option \"%1\"").arg(option),
                               QSqlError::ConnectionError));
            return false;
        }
    }

    int flags = SQLITE_OPEN_NOMUTEX;
    if (readOnly)
        flags |= SQLITE_OPEN_READONLY;
    else if (noCreate)
        flags |= SQLITE_OPEN_READWRITE;
    else
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

    // libsqlite3 exports the same symbols as libsqlcipher; if it was loaded first (for example
    // by Qt's QSQLITE plugin) we would be talking to plain SQLite. Refuse instead of writing a
    // plaintext file. This reads no database, so it is fine before sqlite3_key().
    if (!sqlite3_compileoption_used("HAS_CODEC")) {
        failOpen(QSqlError(cannotOpen,
                           tr("the SQLite library in this process is not SQLCipher (SQLite %1 without encryption)")
                               .arg(QLatin1String(sqlite3_libversion())),
                           QSqlError::ConnectionError));
        return false;
    }

    const QByteArray path = db.toUtf8();
    const int rc = sqlite3_open_v2(path.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        failOpen(makeError(m_db, rc, cannotOpen, QSqlError::ConnectionError));
        return false;
    }
    // No SQL here: the first statement would read page 1, which must wait for sqlite3_key().
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    setOpen(true);
    setOpenError(false);
    setLastError(QSqlError());
    return true;
}

void SqlCipherDriver::close()
{
    // Finalize the statements of live queries first, so that the file is really closed
    // (QSqlQuery objects may outlive QSqlDatabase::close()).
    // Results stay registered until they are destroyed: a query may be prepared again after
    // the connection is reopened.
    for (SqlCipherResult* result : std::as_const(m_results))
        result->connectionClosing();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    if (isOpen())
        setOpen(false);
    setOpenError(false);
}

QSqlResult* SqlCipherDriver::createResult() const
{
    auto* result = new SqlCipherResult(this);
    m_results.append(result);
    return result;
}

bool SqlCipherDriver::execSimple(const char* sql, const QString& driverText)
{
    if (!m_db) {
        setLastError(QSqlError(driverText, tr("the database is not open"), QSqlError::TransactionError));
        return false;
    }
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(makeError(m_db, rc, driverText, QSqlError::TransactionError));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    return execSimple("BEGIN IMMEDIATE", tr("Could not start a transaction"));
}

bool SqlCipherDriver::commitTransaction()
{
    return execSimple("COMMIT", tr("Could not commit the transaction"));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execSimple("ROLLBACK", tr("Could not roll back the transaction"));
}

bool SqlCipherDriver::executeScript(const QString& sql)
{
    const QString driverText = tr("The SQL script failed");
    if (!m_db) {
        setLastError(QSqlError(driverText, tr("the database is not open"), QSqlError::ConnectionError));
        return false;
    }
    const QByteArray utf8 = sql.toUtf8();
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        QSqlError error = makeError(m_db, rc, driverText, QSqlError::StatementError);
        if (message)
            error =
                QSqlError(driverText, QString::fromUtf8(message), QSqlError::StatementError, error.nativeErrorCode());
        sqlite3_free(message);
        setLastError(error);
        return false;
    }
    setLastError(QSqlError());
    return true;
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!isOpen())
        return names;
    QStringList kinds;
    if (type & QSql::Tables)
        kinds << QStringLiteral("type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (type & QSql::Views)
        kinds << QStringLiteral("type = 'view'");
    if (type & QSql::SystemTables)
        kinds << QStringLiteral("type = 'table' AND name LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (kinds.isEmpty())
        return names;
    const QString where = QLatin1Char('(') + kinds.join(QLatin1String(") OR (")) + QLatin1Char(')');
    QSqlQuery q(createResult());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE %1 "
                               "UNION ALL SELECT name FROM sqlite_temp_master WHERE %1 ORDER BY 1")
                    .arg(where)))
        return names;
    while (q.next())
        names << q.value(0).toString();
    if (type & QSql::SystemTables)
        names << QStringLiteral("sqlite_master");
    return names;
}

QSqlRecord SqlCipherDriver::record(const QString& tableName) const
{
    QSqlRecord rec;
    if (!isOpen())
        return rec;
    for (const ColumnInfo& c : tableInfo(*this, tableName)) {
        QSqlField field(c.name, SqlCipherResult::typeForDeclared(c.declared), tableName);
        field.setRequiredStatus(c.notNull ? QSqlField::Required : QSqlField::Optional);
        field.setDefaultValue(c.defaultValue);
        // An INTEGER PRIMARY KEY is the rowid: SQLite fills it in.
        field.setAutoValue(c.pkOrder > 0 && c.declared.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0);
        rec.append(field);
    }
    return rec;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& tableName) const
{
    QSqlIndex index(tableName);
    if (!isOpen())
        return index;
    QList<ColumnInfo> columns = tableInfo(*this, tableName);
    columns.removeIf([](const ColumnInfo& c) { return c.pkOrder == 0; });
    std::sort(columns.begin(), columns.end(),
              [](const ColumnInfo& a, const ColumnInfo& b) { return a.pkOrder < b.pkOrder; });
    for (const ColumnInfo& c : columns)
        index.append(QSqlField(c.name, SqlCipherResult::typeForDeclared(c.declared), tableName));
    if (!index.isEmpty())
        index.setName(tableName);
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType type) const
{
    if (isIdentifierEscaped(identifier, type))
        return identifier;
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString SqlCipherDriver::formatValue(const QSqlField& field, bool trimStrings) const
{
    const QVariant value = field.value();
    if (SqlCipherResult::isNullValue(value))
        return QStringLiteral("NULL");
    const auto quoted = [](QString text) {
        text.replace(QLatin1Char('\''), QLatin1String("''"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    };
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::QByteArray:
        return QLatin1String("X'") + QLatin1String(value.toByteArray().toHex()) + QLatin1Char('\'');
    case QMetaType::QDate:
    case QMetaType::QTime:
    case QMetaType::QDateTime:
        return quoted(SqlCipherResult::isoText(value));
    case QMetaType::QString:
    case QMetaType::QChar: {
        QString text = value.toString();
        if (trimStrings) {
            qsizetype end = text.size();
            while (end > 0 && text.at(end - 1).isSpace())
                --end;
            text.truncate(end);
        }
        return quoted(text);
    }
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
}

} // namespace pd
