#pragma once

#include "core/Client.h"
#include "core/Result.h"
#include "storage/RowWriter.h"

#include <QList>

namespace pd {

// One line of the client list / a search hit.
struct ClientSummary
{
    QString id;
    qint64 clientNumber = 0;
    QString firstName;
    QString lastName;
    QString email;
    QString mobilePhone;
    QDate dateOfBirth;
    bool isMinor = false;
};

// Clients in the local database, and the client search index (D1): prefix search on first
// name, last name, full name either way round, email, phone digits (with or without the
// country code) and client number, all through an index range scan.
class ClientRepository
{
public:
    ClientRepository(QSqlDatabase& db, StatementCache& cache) : m_db(db), m_cache(cache) {}

    Result<Client> get(const QString& id);
    Result<Client> byNumber(qint64 clientNumber);
    // Inserts or updates the client (assigning id and client number when new) and its search terms.
    Status save(ChangeSet& cs, Client& client, bool knownNew = false);
    Status remove(ChangeSet& cs, const QString& id);
    // Recomputes what is derived locally from a stored client (its sort key and search
    // terms), after sync wrote the row directly. Inside the caller's transaction.
    // inserted: the row was just created, so it has no terms yet to remove.
    Status reindex(const QString& id, bool inserted = false);

    // Up to limit clients whose name, email, phone or number starts with text (ordered by
    // the matching term). An empty text lists clients in name order from offset.
    Result<QList<ClientSummary>> search(const QString& text, int limit, int offset = 0);
    Result<qint64> count();
    // The terms a client is found by (exposed for tests and the benchmarks).
    static QStringList searchTermsFor(const Client& c);

private:
    Result<qint64> nextClientNumber(const ChangeSet& cs);
    Status writeSearchTerms(const Client& c, bool knownNew);

    QSqlDatabase& m_db;
    StatementCache& m_cache;
    quint64 m_numbersFor = 0; // serial of the change set m_nextNumber belongs to
    qint64 m_nextNumber = 0;
};

} // namespace pd
