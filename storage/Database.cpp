#include "storage/Database.h"

#include "storage/Schema.h"
#include "storage/driver/SqlCipherDriver.h"
#include "storage/vault/SecureBytes.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace pd {

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("practicedesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

// SQLite answers SQLITE_NOTADB both for a wrong key and for a damaged first page.
bool isNotADatabase(const QSqlError& e)
{
    return e.nativeErrorCode() == QString::number(SQLITE_NOTADB) ||
           e.databaseText().contains(QLatin1String("not a database"));
}

// Another connection holds the file (a command-line import or rekey writing it).
bool isBusy(const QSqlError& e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

Error busyError()
{
    return Error::make(Error::Kind::Unavailable,
                       QCoreApplication::translate("Database",
                                                   "The database is in use by another program (a command-line "
                                                   "import or re-key may be running). Nothing was changed; try again "
                                                   "when it has finished."));
}

bool isReadOnlyOrFull(const QSqlError& e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff;
    return code == SQLITE_FULL || code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_CANTOPEN;
}

} // namespace

QString sqlErrorText(const QSqlError& error)
{
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.driverText();
    return text.isEmpty() ? QCoreApplication::translate("Database", "unknown database error") : text;
}

Database::~Database()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

int Database::currentSchemaVersion()
{
    return schema::latestVersion();
}

Result<std::unique_ptr<Database>> Database::create(const QString& path, const SecureBytes& key)
{
    if (QFileInfo::exists(path))
        return Error::make(
            Error::Kind::Invalid,
            QCoreApplication::translate("Database", "A database already exists at %1; it was left untouched.")
                .arg(path));
    return openImpl(path, &key, true, schema::latestVersion());
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const SecureBytes& key)
{
    return openImpl(path, &key, false, schema::latestVersion());
}

Result<std::unique_ptr<Database>> Database::createUnencryptedForBenchmark(const QString& path)
{
    return openImpl(path, nullptr, true, schema::latestVersion());
}

Result<std::unique_ptr<Database>> Database::createAtSchemaForTest(const QString& path, const SecureBytes& key,
                                                                  int schemaVersion)
{
    return openImpl(path, &key, true, schemaVersion);
}

Result<std::unique_ptr<Database>> Database::openImpl(const QString& path, const SecureBytes* key, bool create,
                                                     int schemaVersion)
{
    const QFileInfo info(path);
    if (!create) {
        if (!info.exists())
            return Error::make(Error::Kind::NotFound,
                               QCoreApplication::translate("Database", "There is no database at %1.").arg(path));
        if (info.size() == 0)
            return Error::make(Error::Kind::Corrupt,
                               QCoreApplication::translate(
                                   "Database",
                                   "The database file %1 is empty (0 bytes). It was left as it is; restore it from a "
                                   "backup.")
                                   .arg(path));
    }

    SqlCipherDriver::registerDriver();
    std::unique_ptr<Database> self(new Database);
    self->m_path = path;
    self->m_connection = nextConnectionName();
    self->m_db = QSqlDatabase::addDatabase(SqlCipherDriver::driverName(), self->m_connection);
    self->m_db.setDatabaseName(path);
    if (!create)
        self->m_db.setConnectOptions(QStringLiteral("QSQLCIPHER_NO_CREATE;QSQLCIPHER_BUSY_TIMEOUT=5000"));
    else
        self->m_db.setConnectOptions(QStringLiteral("QSQLCIPHER_BUSY_TIMEOUT=5000"));
    if (!self->m_db.open())
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("Database", "The database %1 could not be opened: %2")
                               .arg(path, sqlErrorText(self->m_db.lastError())));

    if (create) // readable by this user only (SQLite gives the -wal and -shm files the same mode)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (key) {
        if (Status s = self->applyKey(*key); !s)
            return s.error();
    }
    if (Status s = self->configure(key != nullptr); !s)
        return s.error();
    if (Status s = schema::migrate(self->m_db, schemaVersion); !s)
        return s.error();
    return self;
}

Status Database::applyKey(const SecureBytes& key)
{
    auto* handle = static_cast<SqlCipherDriver*>(m_db.driver())->nativeHandle();
    const SecureBytes literal = key.toHexKeyLiteral();
    if (sqlite3_key(handle, literal.data(), static_cast<int>(literal.size())) != SQLITE_OK)
        return Error::make(Error::Kind::Internal,
                           QCoreApplication::translate("Database", "The encryption key could not be applied."));
    return {};
}

Status Database::configure(bool encrypted)
{
    QSqlQuery q(m_db);
    if (encrypted) {
        // Fail loudly if the process is linked to plain SQLite instead of SQLCipher.
        if (!q.exec(QStringLiteral("PRAGMA cipher_version")) || !q.next() || q.value(0).toString().isEmpty())
            return Error::make(Error::Kind::Internal,
                               QCoreApplication::translate(
                                   "Database",
                                   "This program is not linked to SQLCipher; refusing to open the database without "
                                   "encryption."));
        // Tuning measured in DESIGN.md §3: 4 KiB pages and a 64 MiB page cache.
        if (!q.exec(QStringLiteral("PRAGMA cipher_page_size = 4096")))
            return Error::make(Error::Kind::Internal, sqlErrorText(q.lastError()));
    }
    // The first read proves the key: a wrong key or a damaged first page fails here,
    // before anything is written.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()) {
        const QSqlError e = q.lastError();
        if (isBusy(e))
            return busyError();
        if (isNotADatabase(e))
            return Error::make(
                Error::Kind::WrongKey,
                QCoreApplication::translate("Database",
                                            "The database could not be decrypted: the key does not fit, or the file is "
                                            "damaged. Nothing was changed."));
        return Error::make(
            Error::Kind::Corrupt,
            QCoreApplication::translate("Database", "The database could not be read: %1").arg(sqlErrorText(e)));
    }
    q.finish();
    const QStringList pragmas = {
        QStringLiteral("PRAGMA cache_size = -65536"), QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),  QStringLiteral("PRAGMA synchronous = FULL"),
        QStringLiteral("PRAGMA temp_store = MEMORY"), QStringLiteral("PRAGMA secure_delete = ON"),
    };
    for (const QString& p : pragmas) {
        if (!q.exec(p)) {
            const QSqlError e = q.lastError();
            if (isBusy(e))
                return busyError();
            return Error::make(isReadOnlyOrFull(e) ? Error::Kind::Io : Error::Kind::Corrupt,
                               QCoreApplication::translate("Database", "The database could not be prepared (%1): %2")
                                   .arg(p, sqlErrorText(e)));
        }
        q.finish();
    }
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

Status Database::exec(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        const QSqlError e = q.lastError();
        return Error::make(isReadOnlyOrFull(e) ? Error::Kind::Io : Error::Kind::Internal, sqlErrorText(e));
    }
    return {};
}

Status Database::rekey(const SecureBytes& newKey)
{
    // PRAGMA rekey cannot run in WAL mode on SQLCipher 3.
    RollbackJournal journal(*this);
    if (!journal.active())
        return journal.error();
    auto* handle = static_cast<SqlCipherDriver*>(m_db.driver())->nativeHandle();
    const SecureBytes literal = newKey.toHexKeyLiteral();
    const int rc = sqlite3_rekey(handle, literal.data(), static_cast<int>(literal.size()));
    Status restore = journal.end();
    if (rc != SQLITE_OK)
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("Database", "Re-encrypting the database failed: %1")
                               .arg(QString::fromUtf8(sqlite3_errmsg(handle))));
    return restore;
}

Status Database::backupTo(const QString& path, const SecureBytes& key)
{
    if (QFileInfo::exists(path))
        return Error::make(
            Error::Kind::Invalid,
            QCoreApplication::translate("Database", "%1 already exists; choose a new file name for the backup.")
                .arg(path));
    // ATTACH with a key literal: the literal is built in locked memory and bound as a
    // parameter, so it never lands in a query string.
    // The connection was opened without SQLITE_OPEN_CREATE, which ATTACH inherits: make
    // the (empty) file first.
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::make(Error::Kind::Io,
                               QCoreApplication::translate("Database", "The backup file %1 could not be created: %2")
                                   .arg(path, f.errorString()));
    }
    const SecureBytes literal = key.toHexKeyLiteral();
    auto* handle = static_cast<SqlCipherDriver*>(m_db.driver())->nativeHandle();
    sqlite3_stmt* stmt = nullptr;
    const QByteArray attachSql = "ATTACH DATABASE ?1 AS backup KEY ?2";
    if (sqlite3_prepare_v2(handle, attachSql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return Error::make(Error::Kind::Internal, QString::fromUtf8(sqlite3_errmsg(handle)));
    const QByteArray file = path.toUtf8();
    sqlite3_bind_text(stmt, 1, file.constData(), static_cast<int>(file.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(stmt, 2, literal.data(), static_cast<int>(literal.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        QFile::remove(path);
        return Error::make(Error::Kind::Io,
                           QCoreApplication::translate("Database", "The backup file could not be created: %1")
                               .arg(QString::fromUtf8(sqlite3_errmsg(handle))));
    }
    Status result;
    const QStringList steps = {QStringLiteral("PRAGMA backup.cipher_page_size = 4096"),
                               QStringLiteral("SELECT sqlcipher_export('backup')"),
                               QStringLiteral("PRAGMA backup.user_version = %1").arg(schemaVersion())};
    for (const QString& step : steps) {
        if (Status s = exec(step); !s) {
            result =
                Error::make(Error::Kind::Io,
                            QCoreApplication::translate("Database", "Writing the backup failed: %1").arg(s.message()));
            break;
        }
    }
    if (Status detached = exec(QStringLiteral("DETACH DATABASE backup")); !detached && result)
        result = detached;
    if (!result)
        QFile::remove(path); // never leave a half-written backup that looks complete
    return result;
}

Result<QStringList> Database::check()
{
    QStringList problems;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return Error::make(Error::Kind::Corrupt, sqlErrorText(q.lastError()));
    // A result row may hold several lines, after a "*** in database main ***" heading.
    while (q.next())
        for (const QString& line : q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** ")))
                problems << line;
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return Error::make(Error::Kind::Corrupt, sqlErrorText(q.lastError()));
    while (q.next())
        problems << QCoreApplication::translate("Database", "Row %1 of table %2 points at a missing row of %3.")
                        .arg(q.value(1).toString(), q.value(0).toString(), q.value(2).toString());
    return problems;
}

RollbackJournal::RollbackJournal(Database& db) : m_db(db)
{
    QSqlQuery q(db.sql());
    // The pragma answers with the mode now in force ("wal" when it could not change), or
    // fails with "database is locked" while another connection reads.
    const bool answered = q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && q.next();
    m_active = answered && q.value(0).toString() == QLatin1String("delete");
    if (m_active)
        return;
    const QSqlError e = q.lastError();
    if (answered || isBusy(e))
        m_error = Error::make(Error::Kind::Unavailable,
                              QCoreApplication::translate("Database",
                                                          "The database is open in another program (the desktop "
                                                          "application or another command). Close it and try again."));
    else
        m_error = Error::make(isReadOnlyOrFull(e) ? Error::Kind::Io : Error::Kind::Internal, sqlErrorText(e));
}

RollbackJournal::~RollbackJournal()
{
    (void)end();
}

Status RollbackJournal::end()
{
    if (!m_active)
        return {};
    m_active = false;
    return m_db.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
}

} // namespace pd
