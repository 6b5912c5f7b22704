#pragma once

#include <QSqlDriver>
#include <QSqlError>

struct sqlite3;

namespace pd {

// "QSQLCIPHER": a Qt SQL driver over the sqlcipher C API (DESIGN.md §3), so the rest of
// the program uses plain QSqlDatabase/QSqlQuery. It never applies a key itself: the
// storage layer calls sqlite3_key() on nativeHandle() right after open(), from locked
// memory. Qt's QSQLITE plugin must never be loaded in the same process (libsqlite3 and
// libsqlcipher export the same symbols).
//
// Connect options (semicolon separated):
//   QSQLCIPHER_OPEN_READONLY      open read-only
//   QSQLCIPHER_NO_CREATE          open an existing file only (a missing file is an error)
//   QSQLCIPHER_BUSY_TIMEOUT=ms    wait this long for a lock (default 5000)
// Placeholders: positional (?) natively; named (:name) through Qt's positional mapping.
class SqlCipherDriver : public QSqlDriver
{
    Q_OBJECT
public:
    explicit SqlCipherDriver(QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    static QString driverName();
    // Registers the driver with QSqlDatabase (idempotent).
    static void registerDriver();

    sqlite3* nativeHandle() const { return m_db; }
    QVariant handle() const override; // the sqlite3* as a void*

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
              const QString& connOpts) override;
    void close() override;
    QSqlResult* createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString& tablename) const override;
    QSqlIndex primaryIndex(const QString& tablename) const override;
    QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;

    // Runs a script of several statements (sqlite3_exec); for migrations and tests.
    bool executeScript(const QString& sql);

private:
    bool execSimple(const char* sql, QSqlError::ErrorType type, const QString& what);

    sqlite3* m_db = nullptr;
};

// A QSqlError from the connection's current error (extended result code as native code).
QSqlError sqlCipherError(sqlite3* db, const QString& what, QSqlError::ErrorType type, int rc);

} // namespace pd
