#include "storage/driver/SqlCipherDriver.h"

#include "storage/driver/SqlCipherResult.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>

#include <sqlite3.h>

namespace pd {

namespace {
QMetaType typeFromDeclared(const QString& declared)
{
    const QString t = declared.toLower();
    if (t.contains(QLatin1String("int")))
        return QMetaType::fromType<qlonglong>();
    if (t.contains(QLatin1String("real")) || t.contains(QLatin1String("floa")) || t.contains(QLatin1String("doub")))
        return QMetaType::fromType<double>();
    if (t.contains(QLatin1String("blob")))
        return QMetaType::fromType<QByteArray>();
    return QMetaType::fromType<QString>();
}
} // namespace

QSqlError sqlCipherError(sqlite3* db, const QString& what, QSqlError::ErrorType type, int rc)
{
    const int code = db ? sqlite3_extended_errcode(db) : rc;
    const QString text = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    return QSqlError(what, text, type, QString::number(code ? code : rc));
}

SqlCipherDriver::SqlCipherDriver(QObject* parent) : QSqlDriver(parent) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

QString SqlCipherDriver::driverName()
{
    return QStringLiteral("QSQLCIPHER");
}

void SqlCipherDriver::registerDriver()
{
    static const bool registered = [] {
        QSqlDatabase::registerSqlDriver(driverName(), new QSqlDriverCreator<SqlCipherDriver>);
        return true;
    }();
    Q_UNUSED(registered);
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void*>(m_db));
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case BLOB:
    case Unicode:
    case SimpleLocking:
    case FinishQuery:
    case LowPrecisionNumbers:
        return true;
    case QuerySize:
    case NamedPlaceholders: // Qt maps :name to ? and orders the values for us
    case BatchOperations:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString& db, const QString& user, const QString& password, const QString& host,
                           int port, const QString& connOpts)
{
    Q_UNUSED(user);
    Q_UNUSED(password);
    Q_UNUSED(host);
    Q_UNUSED(port);
    if (isOpen())
        close();
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int busyMs = 5000;
    for (const QString& raw : connOpts.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString opt = raw.trimmed();
        if (opt == QLatin1String("QSQLCIPHER_OPEN_READONLY"))
            flags = SQLITE_OPEN_READONLY;
        else if (opt == QLatin1String("QSQLCIPHER_NO_CREATE"))
            flags &= ~SQLITE_OPEN_CREATE;
        else if (opt.startsWith(QLatin1String("QSQLCIPHER_BUSY_TIMEOUT=")))
            busyMs = opt.mid(opt.indexOf(QLatin1Char('=')) + 1).toInt();
    }
    flags |= SQLITE_OPEN_NOMUTEX;
    const QByteArray path = db.toUtf8();
    const int rc = sqlite3_open_v2(path.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(sqlCipherError(m_db, QCoreApplication::translate("SqlCipherDriver", "Error opening database"),
                                    QSqlError::ConnectionError, rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        setOpenError(true);
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyMs);
    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    if (!m_db)
        return;
    // close_v2 waits for statements still held by results instead of failing.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    setOpen(false);
    setOpenError(false);
}

QSqlResult* SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

bool SqlCipherDriver::execSimple(const char* sql, QSqlError::ErrorType type, const QString& what)
{
    if (!m_db)
        return false;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(sqlCipherError(m_db, what, type, rc));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    // IMMEDIATE: a second writer fails (after the busy timeout) at BEGIN, not halfway through.
    return execSimple("BEGIN IMMEDIATE", QSqlError::TransactionError,
                      QCoreApplication::translate("SqlCipherDriver", "Could not start the transaction"));
}

bool SqlCipherDriver::commitTransaction()
{
    return execSimple("COMMIT", QSqlError::TransactionError,
                      QCoreApplication::translate("SqlCipherDriver", "Could not commit the transaction"));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execSimple("ROLLBACK", QSqlError::TransactionError,
                      QCoreApplication::translate("SqlCipherDriver", "Could not roll back the transaction"));
}

bool SqlCipherDriver::executeScript(const QString& sql)
{
    const QByteArray utf8 = sql.toUtf8();
    return execSimple(utf8.constData(), QSqlError::StatementError,
                      QCoreApplication::translate("SqlCipherDriver", "The script failed"));
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList out;
    if (!isOpen())
        return out;
    QString where;
    if (type & QSql::Tables)
        where += QStringLiteral("type = 'table'");
    if (type & QSql::Views)
        where += QString(where.isEmpty() ? QString() : QStringLiteral(" OR ")) + QStringLiteral("type = 'view'");
    if (!where.isEmpty()) {
        QSqlQuery q(createResult());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE (%1) AND name NOT LIKE 'sqlite_%' ORDER BY name").arg(where));
        while (q.next())
            out << q.value(0).toString();
    }
    if (type & QSql::SystemTables)
        out << QStringLiteral("sqlite_master");
    return out;
}

QSqlRecord SqlCipherDriver::record(const QString& tablename) const
{
    QSqlRecord rec;
    if (!isOpen())
        return rec;
    QSqlQuery q(createResult());
    q.setForwardOnly(true);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(tablename, TableName)));
    while (q.next()) {
        QSqlField f(q.value(1).toString(), typeFromDeclared(q.value(2).toString()), tablename);
        f.setRequiredStatus(q.value(3).toInt() ? QSqlField::Required : QSqlField::Optional);
        f.setDefaultValue(q.value(4));
        rec.append(f);
    }
    return rec;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& tablename) const
{
    QSqlIndex index(tablename);
    if (!isOpen())
        return index;
    const QSqlRecord all = record(tablename);
    QSqlQuery q(createResult());
    q.setForwardOnly(true);
    q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(tablename, TableName)));
    while (q.next())
        if (q.value(5).toInt() > 0)
            index.append(all.field(q.value(1).toString()));
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType type) const
{
    Q_UNUSED(type);
    QString id = identifier;
    if (id.startsWith(QLatin1Char('"')) && id.endsWith(QLatin1Char('"')) && id.size() > 1)
        return id;
    id.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + id + QLatin1Char('"');
}

} // namespace pd
