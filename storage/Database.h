#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace pd {

class SecureBytes;

// One open connection to the encrypted local database (D2, DESIGN.md §3).
//
// The key is applied as a raw 32-byte SQLCipher key straight on the sqlite3 handle, from
// locked memory; it never passes through a QString. Opening never creates, repairs or
// deletes anything: a wrong key, a damaged file or a database written by a newer program
// is reported and every file is left as it was.
class Database
{
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Makes a new, empty encrypted database at path (which must not exist) and migrates it.
    static Result<std::unique_ptr<Database>> create(const QString& path, const SecureBytes& key);
    // Opens an existing database. Fails with WrongKey, Corrupt, TooNew, NotFound or Io.
    static Result<std::unique_ptr<Database>> open(const QString& path, const SecureBytes& key);
    // Opens a database with no key at all (plain SQLite in the same libsqlcipher). Only the
    // benchmarks use this, to measure the cost of encryption.
    static Result<std::unique_ptr<Database>> createUnencryptedForBenchmark(const QString& path);
    // Makes a new encrypted database at an older schema version, as an earlier release
    // left it. Only the upgrade tests use this.
    static Result<std::unique_ptr<Database>> createAtSchemaForTest(const QString& path, const SecureBytes& key,
                                                                   int schemaVersion);

    QSqlDatabase& sql() { return m_db; }
    const QString& path() const { return m_path; }
    int schemaVersion() const;

    // Re-encrypts the whole database with a new key (the caller updates the key slots).
    Status rekey(const SecureBytes& newKey);
    // Writes an encrypted, consistent copy of the database to path with the given key.
    Status backupTo(const QString& path, const SecureBytes& key);
    // PRAGMA integrity_check and foreign_key_check; returns the problems found (empty = fine).
    Result<QStringList> check();
    // Runs one statement that returns nothing; the error names the statement's purpose.
    Status exec(const QString& sql);

    // The schema version this program writes (PRAGMA user_version).
    static int currentSchemaVersion();

private:
    Database() = default;
    static Result<std::unique_ptr<Database>> openImpl(const QString& path, const SecureBytes* key, bool create,
                                                      int schemaVersion);
    Status applyKey(const SecureBytes& key);
    Status configure(bool encrypted);

    QSqlDatabase m_db;
    QString m_connection;
    QString m_path;
};

// While it lives, the database keeps a rollback journal instead of its write-ahead log:
// a transaction writes each page straight into the file, once, instead of into the WAL
// and again into the file at the checkpoint. A bulk import writes about 170 MB for
// 100,000 clients; this halves that. SQLCipher's rekey needs it as well. The journal is
// encrypted like the WAL, and a crash part way is rolled back on the next open.
//
// Only possible while no other connection has the file open (the desktop, or a second
// command); otherwise the database stays in WAL mode, active() is false and error() says
// why. The WAL comes back when this goes.
class RollbackJournal
{
public:
    explicit RollbackJournal(Database& db);
    ~RollbackJournal();
    RollbackJournal(const RollbackJournal&) = delete;
    RollbackJournal& operator=(const RollbackJournal&) = delete;

    bool active() const { return m_active; }
    const Status& error() const { return m_error; }
    // Back to WAL now, with its outcome (the destructor does it otherwise, silently).
    Status end();

private:
    Database& m_db;
    bool m_active = false;
    Status m_error;
};

// The text of a QSqlError as one line a person can read.
QString sqlErrorText(const class QSqlError& error);

} // namespace pd
