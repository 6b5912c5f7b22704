#pragma once

#include <QList>
#include <QMetaType>
#include <QSqlDriver>
#include <QSqlError>

struct sqlite3;
struct sqlite3_stmt;

// QSqlDriver::handle() and QSqlResult::handle() carry typed opaque pointers, so callers can
// write `db.driver()->handle().value<sqlite3*>()` (typeName() is "sqlite3*" / "sqlite3_stmt*").
Q_DECLARE_OPAQUE_POINTER(sqlite3*)
Q_DECLARE_METATYPE(sqlite3*)
Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt*)
Q_DECLARE_METATYPE(sqlite3_stmt*)

namespace pd {

class SqlCipherResult;

// "QSQLCIPHER": our Qt SQL driver over the sqlcipher C API (DESIGN.md §3), so the rest of the
// program uses plain QSqlDatabase/QSqlQuery. Written from the public Qt API and the SQLite C
// API documentation.
//
// Keys: the driver never applies a key and refuses a password (QSqlDatabase::setPassword) so
// that nobody believes a file is encrypted when it is not. open() runs no SQL at all; the
// storage layer calls sqlite3_key() on nativeHandle() (or handle().value<sqlite3*>()) right
// after open() and before the first statement.
//
// open() fails if the sqlite3 symbols in the process do not come from SQLCipher (no HAS_CODEC).
// Database name: a file path (UTF-8 on disk) or ":memory:"; an empty name is refused.
// Connect options (semicolon separated; an unknown option is an open error, so that a typo
// can never silently create a file):
//   QSQLCIPHER_OPEN_READONLY      open read-only (SQLITE_OPEN_READONLY)
//   QSQLCIPHER_NO_CREATE          open an existing file only; a missing file is an error
//   QSQLCIPHER_BUSY_TIMEOUT=ms    wait up to ms for a lock (default 5000; 0 fails at once)
//
// Statements: one SQL statement per QSqlQuery::exec()/prepare(); a string with a second
// statement is refused with an error. Use executeScript() for migration scripts.
// Placeholders: positional (?) and named (:name; a name may appear several times).
// Transactions start with BEGIN IMMEDIATE, so a second writer fails at begin (after the busy
// timeout) instead of deadlocking halfway through.
//
// Threads: the connection is opened with SQLITE_OPEN_NOMUTEX; use one connection per thread.
// Errors: QSqlError::databaseText() is sqlite3_errmsg(), nativeErrorCode() the extended
// result code in decimal (e.g. "2067" for a UNIQUE violation, "26" for SQLITE_NOTADB).
class SqlCipherDriver : public QSqlDriver
{
    Q_OBJECT
public:
    static constexpr const char kDriverName[] = "QSQLCIPHER";
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    explicit SqlCipherDriver(QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    static QString driverName();
    // Registers "QSQLCIPHER" with QSqlDatabase; safe to call any number of times.
    static void registerDriver();

    // The connection, or nullptr when closed.
    sqlite3* nativeHandle() const { return m_db; }
    // The connection as QVariant::fromValue<sqlite3*>(…) (see Q_DECLARE_METATYPE above).
    QVariant handle() const override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
              const QString& connOpts) override;
    void close() override;
    QSqlResult* createResult() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString& tableName) const override;
    QSqlIndex primaryIndex(const QString& tableName) const override;
    QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;
    QString formatValue(const QSqlField& field, bool trimStrings = false) const override;

    // Runs several statements separated by ';' (sqlite3_exec), e.g. a migration script. It
    // opens no transaction of its own. On failure lastError() says which statement failed.
    bool executeScript(const QString& sql);

    // A QSqlError from the connection's current error: sqlite3_errmsg() as database text and
    // the extended result code as native code; rc is used when db has no error recorded.
    static QSqlError makeError(sqlite3* db, int rc, const QString& driverText, QSqlError::ErrorType type);

private:
    friend class SqlCipherResult;

    bool execSimple(const char* sql, const QString& driverText);
    void failOpen(const QSqlError& error);

    sqlite3* m_db = nullptr;
    // Live results, so that close() can finalize their statements and really close the file.
    mutable QList<SqlCipherResult*> m_results;
};

} // namespace pd
