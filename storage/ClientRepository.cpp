#include "storage/ClientRepository.h"

#include "core/Ids.h"
#include "core/Text.h"
#include "storage/Columns.h"
#include "storage/Database.h"
#include "storage/FieldLabels.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <limits>

namespace pd {

namespace {

const QString kClientColumns = QStringLiteral(
    "id, client_number, first_name, last_name, email, mobile_phone, date_of_birth, is_minor, preferred_method, "
    "self_notifications, confidential, confidential_reason, parent_portal_user_id, primary_relation_id, notes, "
    "version, hlc, deleted");

QString methodKey(ContactMethod m)
{
    switch (m) {
    case ContactMethod::Sms:
        return QStringLiteral("sms");
    case ContactMethod::Both:
        return QStringLiteral("both");
    case ContactMethod::Email:
        break;
    }
    return QStringLiteral("email");
}

ContactMethod methodFromKey(const QString& k)
{
    if (k == QLatin1String("sms"))
        return ContactMethod::Sms;
    if (k == QLatin1String("both"))
        return ContactMethod::Both;
    return ContactMethod::Email;
}

Client clientFrom(const QSqlQuery& q)
{
    Client c;
    c.meta.id = q.value(0).toString();
    c.clientNumber = q.value(1).toLongLong();
    c.firstName = q.value(2).toString();
    c.lastName = q.value(3).toString();
    c.email = q.value(4).toString();
    c.mobilePhone = q.value(5).toString();
    c.dateOfBirth = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    c.isMinor = q.value(7).toBool();
    c.preferredMethod = methodFromKey(q.value(8).toString());
    c.selfNotifications = NotifyToggles::fromInt(q.value(9).toInt());
    c.confidentialCommunications = q.value(10).toBool();
    c.confidentialReason = q.value(11).toString();
    c.parentPortalUserId = q.value(12).toString();
    c.primaryContactRelationId = q.value(13).toString();
    c.notes = q.value(14).toString();
    c.meta.version = q.value(15).toLongLong();
    c.meta.hlc = q.value(16).toString();
    c.meta.deleted = q.value(17).toBool();
    return c;
}

// The two halves of a client's name as search compares them, each normalized once: the
// search terms and the sort key are made of them.
struct NameKeys
{
    QString first;
    QString last;
};

NameKeys nameKeysOf(const Client& c)
{
    return {text::searchKey(c.firstName), text::searchKey(c.lastName)};
}

// "a b", or whichever of the two is not empty.
QString joinedKeys(const QString& a, const QString& b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() ? b : a;
    QString both;
    both.reserve(a.size() + 1 + b.size());
    both.append(a).append(QLatin1Char(' ')).append(b);
    return both;
}

// The client list's order: "last first". The same text as text::searchKey(last + ' ' +
// first), without normalizing the names a second time: after simplified() every step of a
// search key works on one character at a time (or composes a mark with the character before
// it), and a space joins nothing.
QString sortKeyOf(const NameKeys& k)
{
    return joinedKeys(k.last, k.first);
}

QStringList searchTermsOf(const Client& c, const NameKeys& names)
{
    QStringList terms;
    terms.reserve(8); // names both ways, email, phone both ways, number: one allocation
    auto add = [&terms](const QString& t) {
        if (!t.isEmpty() && !terms.contains(t))
            terms << t;
    };
    // Search is by prefix, so "first last" also finds the first name alone and "last first"
    // the last name alone.
    add(joinedKeys(names.first, names.last));
    add(joinedKeys(names.last, names.first));
    // Each later word of a multi-word name ("María José", "van der Berg") is a term too.
    for (const QString& name : {names.first, names.last}) {
        if (!name.contains(QLatin1Char(' ')))
            continue; // one word: nothing to split (most names)
        const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < words.size(); ++i)
            add(words.mid(i).join(QLatin1Char(' ')));
    }
    add(c.email.toCaseFolded());
    const QString digits = text::digitsOnly(c.mobilePhone);
    add(digits);
    // National form without the country code: "+15550102030" is also found by "555010".
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
        add(digits.mid(1));
    else if (digits.size() > 10)
        add(digits.right(10));
    if (c.clientNumber > 0)
        add(QString::number(c.clientNumber));
    return terms;
}

Error notFound()
{
    return Error::make(Error::Kind::NotFound, QCoreApplication::translate("ClientRepository", "No such client."));
}

} // namespace

QStringList ClientRepository::searchTermsFor(const Client& c)
{
    return searchTermsOf(c, nameKeysOf(c));
}

Result<QSqlQuery*> ClientRepository::rowById(const QString& columns, const QString& id)
{
    QSqlQuery* q = m_cache.get(QStringLiteral("SELECT %1 FROM clients WHERE id = ?").arg(columns));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(id);
    if (!q->exec())
        return writeError(q->lastError());
    if (!q->next())
        return notFound();
    return q;
}

Result<Client> ClientRepository::get(const QString& id)
{
    auto q = rowById(kClientColumns, id);
    if (!q)
        return q.error();
    Client c = clientFrom(**q);
    (*q)->finish();
    return c;
}

Result<Client> ClientRepository::byNumber(qint64 clientNumber)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM clients WHERE client_number = ?").arg(kClientColumns));
    q.addBindValue(clientNumber);
    if (!q.exec())
        return writeError(q.lastError());
    if (!q.next())
        return notFound();
    return clientFrom(q);
}

Result<qint64> ClientRepository::nextClientNumber(const ChangeSet& cs)
{
    // Within one change set the write lock is held (BEGIN IMMEDIATE), so after one lookup
    // the next numbers can be counted here: a bulk import asks 100,000 times.
    if (m_numbersFor == cs.serial() && m_nextNumber > 0)
        return m_nextNumber++;
    QSqlQuery* q = m_cache.get(QStringLiteral("SELECT COALESCE(MAX(client_number), 1000) + 1 FROM clients"));
    if (!q || !q->exec() || !q->next())
        return Error::make(Error::Kind::Internal, q ? sqlErrorText(q->lastError()) : m_cache.error());
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    m_numbersFor = cs.serial();
    m_nextNumber = n + 1;
    return n;
}

QString ClientRepository::joinedTerms(const QStringList& terms)
{
    return terms.join(QLatin1Char('\n'));
}

Result<QStringList> ClientRepository::storedSearchTerms(const QString& id)
{
    auto q = rowById(QStringLiteral("search_terms"), id);
    if (!q)
        return q.error();
    const QString joined = (*q)->value(0).toString();
    (*q)->finish();
    return joined.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Status ClientRepository::replaceSearchTerms(const QString& id, const QStringList& before, const QStringList& after)
{
    // Terms that stay are left alone; the others are deleted (by primary key) or added.
    const auto apply = [this, &id](const QString& sql, const QStringList& terms, const QStringList& except) -> Status {
        QSqlQuery* q = m_cache.get(sql);
        if (!q)
            return Error::make(Error::Kind::Internal, m_cache.error());
        for (const QString& t : terms) {
            if (except.contains(t))
                continue;
            q->addBindValue(t);
            q->addBindValue(id);
            if (!q->exec())
                return writeError(q->lastError());
        }
        return {};
    };
    if (Status s = apply(QStringLiteral("DELETE FROM search_terms WHERE term = ? AND client_id = ?"), before, after);
        !s)
        return s;
    return apply(QStringLiteral("INSERT OR IGNORE INTO search_terms (term, client_id) VALUES (?, ?)"), after, before);
}

Status ClientRepository::removeSearchTerms(const QString& id)
{
    auto stored = storedSearchTerms(id);
    if (!stored)
        return stored.error().kind == Error::Kind::NotFound ? Status() : Status(stored.error());
    QSqlQuery* q = m_cache.get(QStringLiteral("UPDATE clients SET search_terms = '' WHERE id = ?"));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(id);
    if (!q->exec())
        return writeError(q->lastError());
    return replaceSearchTerms(id, *stored, {});
}

void ClientRepository::writeColumns(const Client& c, ColumnSink& out)
{
    out.integer(QStringLiteral("client_number"), c.clientNumber);
    out.text(QStringLiteral("first_name"), c.firstName);
    out.text(QStringLiteral("last_name"), c.lastName);
    out.text(QStringLiteral("email"), c.email);
    out.text(QStringLiteral("mobile_phone"), c.mobilePhone);
    out.date(QStringLiteral("date_of_birth"), c.dateOfBirth);
    out.flag(QStringLiteral("is_minor"), c.isMinor);
    out.text(QStringLiteral("preferred_method"), methodKey(c.preferredMethod));
    out.integer(QStringLiteral("self_notifications"), c.selfNotifications.toInt());
    out.flag(QStringLiteral("confidential"), c.confidentialCommunications);
    out.text(QStringLiteral("confidential_reason"), c.confidentialReason);
    out.textOrNull(QStringLiteral("parent_portal_user_id"), c.parentPortalUserId);
    out.textOrNull(QStringLiteral("primary_relation_id"), c.primaryContactRelationId);
    out.text(QStringLiteral("notes"), c.notes);
    writeDerivedColumns(c, out);
}

void ClientRepository::writeDerivedColumns(const Client& c, ColumnSink& out)
{
    const NameKeys names = nameKeysOf(c);
    out.text(QStringLiteral("sort_key"), sortKeyOf(names));
    out.text(QStringLiteral("search_terms"), joinedTerms(searchTermsOf(c, names)));
}

QVariantMap ClientRepository::columnsOf(const Client& c)
{
    ColumnMap columns;
    writeColumns(c, columns);
    return columns.map;
}

QString ClientRepository::createdSummary()
{
    return QCoreApplication::translate("ClientRepository", "Client created");
}

Result<qint64> ClientRepository::reserveNumbers(const ChangeSet& cs, qint64 count)
{
    auto first = nextClientNumber(cs);
    if (first && count > 1)
        m_nextNumber += count - 1;
    return first;
}

QVariantMap ClientRepository::derivedColumnsFor(const QJsonObject& fields)
{
    Client c; // only what the sort key and the search terms are made of
    c.firstName = fields.value(QStringLiteral("first_name")).toString();
    c.lastName = fields.value(QStringLiteral("last_name")).toString();
    c.email = fields.value(QStringLiteral("email")).toString();
    c.mobilePhone = fields.value(QStringLiteral("mobile_phone")).toString();
    c.clientNumber = fields.value(QStringLiteral("client_number")).toVariant().toLongLong();
    ColumnMap derived;
    writeDerivedColumns(c, derived);
    return derived.map;
}

const QStringList& ClientRepository::derivedColumns()
{
    static const QStringList columns = {QStringLiteral("sort_key"), QStringLiteral("search_terms")};
    return columns;
}

Status ClientRepository::save(ChangeSet& cs, Client& c, bool knownNew)
{
    if (c.meta.id.isEmpty()) {
        c.meta.id = newId();
        knownNew = true;
    }
    if (c.clientNumber <= 0) {
        auto n = nextClientNumber(cs);
        if (!n)
            return n.error();
        c.clientNumber = *n;
    }
    c.firstName = text::clean(c.firstName);
    c.lastName = text::clean(c.lastName);
    RowWriter writer(m_cache);
    auto outcome = writer.write(cs, QStringLiteral("clients"), c.meta.id, columnsOf(c), knownNew);
    if (!outcome)
        return outcome.error();
    if (outcome->changed.isEmpty())
        return {};
    const QString terms = QStringLiteral("search_terms");
    if (outcome->changed.contains(terms)) {
        const auto split = [](const QVariant& v) { return v.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts); };
        if (Status s = replaceSearchTerms(c.meta.id, split(outcome->previous.value(terms)),
                                          split(outcome->changed.value(terms)));
            !s)
            return s;
    }
    QVariantMap fields = outcome->changed;
    for (const QString& derived : derivedColumns()) // kept locally, not synced
        fields.remove(derived);
    c.meta.hlc = cs.hlc();
    const QString summary =
        outcome->inserted
            ? createdSummary()
            : QCoreApplication::translate("ClientRepository", "Changed: %1").arg(fieldLabels(fields.keys()));
    return cs.recordUpsert(QStringLiteral("client"), c.meta.id, c.meta.version, fields, outcome->inserted, c.meta.id,
                           summary);
}

Status ClientRepository::reindex(const QString& id, bool inserted)
{
    auto c = get(id);
    if (!c)
        return c.error();
    QStringList before;
    if (!inserted) {
        auto stored = storedSearchTerms(id);
        if (!stored)
            return stored.error();
        before = *stored;
    }
    const NameKeys names = nameKeysOf(*c); // normalized once, for the terms and the sort key
    const QStringList after = c->meta.deleted ? QStringList() : searchTermsOf(*c, names);
    QSqlQuery* q = m_cache.get(QStringLiteral("UPDATE clients SET sort_key = ?, search_terms = ? WHERE id = ?"));
    if (!q)
        return Error::make(Error::Kind::Internal, m_cache.error());
    q->addBindValue(sortKeyOf(names));
    q->addBindValue(joinedTerms(after));
    q->addBindValue(id);
    if (!q->exec())
        return writeError(q->lastError());
    return replaceSearchTerms(id, before, after);
}

Status ClientRepository::remove(ChangeSet& cs, const QString& id)
{
    auto c = get(id);
    if (!c)
        return c.error();
    RowWriter writer(m_cache);
    if (Status s = writer.tombstone(cs, QStringLiteral("clients"), id); !s)
        return s;
    if (Status s = removeSearchTerms(id); !s)
        return s;
    return cs.recordDelete(QStringLiteral("client"), id, c->meta.version, id,
                           QCoreApplication::translate("ClientRepository", "Client deleted"));
}

namespace {

const QString kSummaryColumns = QStringLiteral(
    "c.id, c.client_number, c.first_name, c.last_name, c.email, c.mobile_phone, c.date_of_birth, c.is_minor");

ClientSummary summaryAt(const QSqlQuery& q)
{
    ClientSummary s;
    s.id = q.value(0).toString();
    s.clientNumber = q.value(1).toLongLong();
    s.firstName = q.value(2).toString();
    s.lastName = q.value(3).toString();
    s.email = q.value(4).toString();
    s.mobilePhone = q.value(5).toString();
    s.dateOfBirth = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    s.isMinor = q.value(7).toBool();
    return s;
}

// Whether term is the first of a client's stored terms (one per line) that starts with
// prefix, in the order the database compares them (UTF-8 bytes).
bool isFirstMatchingTerm(const QString& storedTerms, const QByteArray& prefix, const QByteArray& term)
{
    const QByteArray stored = storedTerms.toUtf8();
    const QByteArrayView all(stored);
    for (qsizetype from = 0; from < all.size();) {
        qsizetype end = all.indexOf('\n', from);
        if (end < 0)
            end = all.size();
        const QByteArrayView t = all.sliced(from, end - from);
        if (t.startsWith(prefix) && t < QByteArrayView(term))
            return false;
        from = end + 1;
    }
    return true;
}

} // namespace

Result<QList<ClientSummary>> ClientRepository::search(const QString& text, int limit)
{
    auto first = page(text, limit);
    if (!first)
        return first.error();
    return std::move(first->clients);
}

Result<ClientPage> ClientRepository::page(const QString& rawText, int limit, const ClientListPosition& after)
{
    const QString key = text::searchKey(rawText);
    if (key.isEmpty())
        return listPage(limit, after);
    // "+1 (555) 01" is searched as its digits; anything else as the folded text.
    const QString digits = text::digitsOnly(rawText);
    const bool phoneLike = !digits.isEmpty() && digits.size() * 2 >= rawText.trimmed().size();
    return searchPage(phoneLike ? digits : key, limit, after);
}

Result<ClientPage> ClientRepository::listPage(int limit, const ClientListPosition& after)
{
    // sort_key >= the last key is a range on the index; the rest leaves out the rows with
    // that key which were listed already (the same name, a lower client number).
    QSqlQuery* q = m_cache.get(QStringLiteral("SELECT %1, c.sort_key FROM clients c WHERE c.deleted = 0 AND "
                                              "c.sort_key >= ? AND (c.sort_key > ? OR c.client_number > ?) "
                                              "ORDER BY c.sort_key, c.client_number LIMIT ?")
                                   .arg(kSummaryColumns));
    q->addBindValue(after.key);
    q->addBindValue(after.key);
    q->addBindValue(after.started ? after.clientNumber : std::numeric_limits<qint64>::min());
    q->addBindValue(limit);
    if (!q->exec())
        return writeError(q->lastError());
    ClientPage page;
    page.next = after;
    while (q->next()) {
        page.clients << summaryAt(*q);
        page.next = {true, q->value(8).toString(), page.clients.last().clientNumber, {}};
    }
    q->finish();
    page.atEnd = page.clients.size() < limit;
    return page;
}

Result<ClientPage> ClientRepository::searchPage(const QString& term, int limit, const ClientListPosition& after)
{
    // Walk the term index in order from the position (an index range scan that stops
    // early) and fetch each client by id. A client found by several terms (its first name
    // and its full name) is listed at the first of them: its row holds its terms, so this
    // is decided without remembering earlier pages.
    QSqlQuery* terms = m_cache.get(QStringLiteral("SELECT term, client_id FROM search_terms WHERE term >= ? AND "
                                                  "term < ? AND (term > ? OR client_id > ?) ORDER BY term, client_id "
                                                  "LIMIT ?"));
    QSqlQuery* row =
        m_cache.get(QStringLiteral("SELECT %1, c.search_terms FROM clients c WHERE c.id = ? AND c.deleted = 0")
                        .arg(kSummaryColumns));
    const QByteArray prefix = term.toUtf8();
    const int batch = limit + 16; // a few more: some hits are a client's second term
    ClientPage page;
    page.next = after;
    while (page.clients.size() < limit && !page.atEnd) {
        const QString from = page.next.started ? page.next.key : term;
        terms->addBindValue(from);
        terms->addBindValue(text::prefixEnd(term));
        terms->addBindValue(from);
        terms->addBindValue(page.next.started ? page.next.clientId : QString());
        terms->addBindValue(batch);
        if (!terms->exec())
            return writeError(terms->lastError());
        QList<std::pair<QString, QString>> hits;
        while (terms->next())
            hits.append({terms->value(0).toString(), terms->value(1).toString()});
        terms->finish();
        page.atEnd = hits.size() < batch;
        for (const auto& [hitTerm, clientId] : hits) {
            if (page.clients.size() == limit) {
                page.atEnd = false; // stopped inside the batch
                break;
            }
            page.next = {true, hitTerm, 0, clientId};
            row->addBindValue(clientId);
            if (!row->exec())
                return writeError(row->lastError());
            if (row->next() && isFirstMatchingTerm(row->value(8).toString(), prefix, hitTerm.toUtf8()))
                page.clients << summaryAt(*row);
            row->finish();
        }
    }
    return page;
}

namespace {
QString identity(const QString& sortKey, const QString& email, const QString& mobilePhone, const QString& born)
{
    QString key;
    key.reserve(sortKey.size() + email.size() + mobilePhone.size() + born.size() + 3);
    key.append(sortKey).append(QLatin1Char('\x1f')).append(email).append(QLatin1Char('\x1f'));
    key.append(mobilePhone).append(QLatin1Char('\x1f')).append(born);
    return key;
}
} // namespace

QString ClientRepository::identityOf(const Client& c)
{
    return identity(sortKeyOf(nameKeysOf(c)), c.email, c.mobilePhone, text::isoDate(c.dateOfBirth));
}

Result<QHash<QString, qint64>> ClientRepository::identities()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT sort_key, email, mobile_phone, date_of_birth, client_number FROM clients "
                               "WHERE deleted = 0")))
        return writeError(q.lastError());
    QHash<QString, qint64> found;
    while (q.next())
        found.insert(
            identity(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()),
            q.value(4).toLongLong());
    return found;
}

Result<qint64> ClientRepository::count()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM clients WHERE deleted = 0")) || !q.next())
        return writeError(q.lastError());
    return q.value(0).toLongLong();
}

} // namespace pd
