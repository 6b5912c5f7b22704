#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace pd::server {

// PostgreSQL through Qt Sql's QPSQL driver (DESIGN.md §5): one connection per thread,
// parameterized queries only, numbered migrations each in one transaction.
class PgDatabase
{
public:
    // The calling thread's connection to url (opened on first use, reopened when lost).
    static Result<QSqlDatabase> forThisThread(const QString& url);
    // Closes this thread's connection (a worker thread that ends).
    static void closeForThisThread();

    // Applies the migrations not yet applied; running it again changes nothing.
    static Status migrate(QSqlDatabase& db);
    static int latestVersion();
};

// A failed query as an error (never with parameter values: they may be client data).
Error sqlError(const QSqlQuery& q, const char* what);
Status exec(QSqlQuery& q, const char* what);

// BEGIN … COMMIT on a connection, rolled back unless committed.
class PgTransaction
{
public:
    explicit PgTransaction(QSqlDatabase& db) : m_db(db) {}
    ~PgTransaction();
    Status begin();
    Status commit();

private:
    QSqlDatabase& m_db;
    bool m_open = false;
};

} // namespace pd::server
