#pragma once

#include "core/Contact.h"
#include "core/Relation.h"
#include "core/Result.h"
#include "storage/RowWriter.h"

namespace pd {

class ColumnSink;

// A client's people: relations to stand-alone contacts or to other clients (C2, C3, C10),
// with the person's details read live from the contact or the related client's profile.
class RelationRepository
{
public:
    RelationRepository(QSqlDatabase& db, StatementCache& cache) : m_db(db), m_cache(cache) {}

    // Every relation of the client that is not deleted, oldest first.
    Result<QList<RelatedPerson>> forClient(const QString& clientId);
    Result<Relation> get(const QString& relationId);
    Result<Contact> contact(const QString& contactId);
    // Relations (of any client) whose person has this email: a parent of two children (C9).
    Result<QList<RelatedPerson>> withEmail(const QString& email);

    Status saveContact(ChangeSet& cs, Contact& contact, const QString& clientId, bool knownNew = false);
    Status save(ChangeSet& cs, Relation& relation, bool knownNew = false);
    Status remove(ChangeSet& cs, const QString& relationId);

    // The stored columns of a contact / a relation, written to any sink (a bulk import's
    // rows), the same as RowWriter takes them, and the audit line of a new one.
    static void writeColumns(const Contact& contact, ColumnSink& out);
    static void writeColumns(const Relation& relation, ColumnSink& out);
    static QVariantMap columnsOf(const Contact& contact);
    static QVariantMap columnsOf(const Relation& relation);
    static QString addedSummary(const Contact& contact);
    static QString addedSummary(const Relation& relation);

private:
    Result<QList<RelatedPerson>> query(const QString& where, const QVariant& bound);

    QSqlDatabase& m_db;
    StatementCache& m_cache;
};

QString custodyKey(Custody c);
Custody custodyFromKey(const QString& key);

} // namespace pd
