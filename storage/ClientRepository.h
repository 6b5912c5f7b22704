#pragma once

#include "core/Client.h"
#include "core/Result.h"
#include "storage/RowWriter.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace pd {

class ColumnSink;

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

// Where a page of the client list or of a search's hits ended. The next page starts right
// after it (keyset paging), so a page costs the same however far down the list it is, and a
// client saved or deleted meanwhile neither repeats a row nor skips one.
struct ClientListPosition
{
    bool started = false;    // false: the top of the list
    QString key;             // the last row's sort key (list) or matching search term (search)
    qint64 clientNumber = 0; // list: the last row's client number (names can repeat)
    QString clientId;        // search: the last term row's client id
};

struct ClientPage
{
    QList<ClientSummary> clients;
    ClientListPosition next; // where the following page starts
    bool atEnd = false;      // no client after this page
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
    // Takes a client out of search (a deleted client); inside the caller's transaction.
    Status removeSearchTerms(const QString& id);

    // Up to limit clients whose name, email, phone or number starts with text, from after
    // a position: a search lists each client once, at its first matching term in term
    // order; an empty text lists every client in name order (then client number).
    Result<ClientPage> page(const QString& text, int limit, const ClientListPosition& after = {});
    // The first page's clients.
    Result<QList<ClientSummary>> search(const QString& text, int limit);
    Result<qint64> count();
    // What makes two rows the same client for an import: the names as the list sorts them
    // (accents, case and spacing folded), email, mobile phone and date of birth.
    static QString identityOf(const Client& c);
    // The identity of every stored client (not deleted) with its client number: one scan of
    // the table, no text normalized again (the sort key is stored).
    Result<QHash<QString, qint64>> identities();
    // The terms a client is found by (exposed for tests and the benchmarks).
    static QStringList searchTermsFor(const Client& c);
    // The stored columns of a client, derived ones included (the sort key and search terms,
    // last): the one list of them, written to any sink (a bulk import's rows).
    static void writeColumns(const Client& c, ColumnSink& out);
    // The same as RowWriter takes them.
    static QVariantMap columnsOf(const Client& c);
    // The audit line of a new client.
    static QString createdSummary();
    // Client numbers for count new clients of this change set, one after the other: the
    // first is returned (bulk import).
    Result<qint64> reserveNumbers(const ChangeSet& cs, qint64 count);
    // The derived columns (sort_key, search_terms) of a client whose stored columns are
    // fields (as a sync page carries them: all of a record's columns), so a row that sync
    // inserts is written whole; SyncStore then adds its search_terms entries.
    static QVariantMap derivedColumnsFor(const QJsonObject& fields);
    // Columns the desk derives for itself (sort key, search terms): never synced.
    static const QStringList& derivedColumns();

private:
    Result<qint64> nextClientNumber(const ChangeSet& cs);
    // The query positioned on the client's row (columns: a select list), or NotFound.
    Result<QSqlQuery*> rowById(const QString& columns, const QString& id);
    // A client's terms are kept on its row too (one per line), so the ones to remove are
    // known without an index on search_terms(client_id) (schema v3).
    static QString joinedTerms(const QStringList& terms);
    static void writeDerivedColumns(const Client& c, ColumnSink& out);
    Result<QStringList> storedSearchTerms(const QString& id);
    Result<ClientPage> listPage(int limit, const ClientListPosition& after);
    Result<ClientPage> searchPage(const QString& term, int limit, const ClientListPosition& after);
    Status replaceSearchTerms(const QString& id, const QStringList& before, const QStringList& after);

    QSqlDatabase& m_db;
    StatementCache& m_cache;
    quint64 m_numbersFor = 0; // serial of the change set m_nextNumber belongs to
    qint64 m_nextNumber = 0;
};

} // namespace pd
