#include "storage/ClientImporter.h"

#include "core/ClientRules.h"
#include "core/ContactValidation.h"
#include "core/RelationTypes.h"
#include "core/Text.h"
#include "core/csv/CsvReader.h"
#include "core/Ids.h"
#include "storage/BulkWriter.h"
#include "storage/Database.h"
#include "storage/Store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QThread>

#include <array>
#include <atomic>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <vector>

namespace pd {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ClientImporter", s);
}

const QStringList kColumns = {
    QStringLiteral("first_name"),         QStringLiteral("last_name"),         QStringLiteral("email"),
    QStringLiteral("mobile_phone"),       QStringLiteral("date_of_birth"),     QStringLiteral("is_minor"),
    QStringLiteral("contact_first_name"), QStringLiteral("contact_last_name"), QStringLiteral("contact_email"),
    QStringLiteral("contact_phone"),      QStringLiteral("contact_relation"),
};

// The columns of kColumns, in its order.
enum Column {
    FirstName,
    LastName,
    Email,
    MobilePhone,
    DateOfBirth,
    IsMinor,
    ContactFirstName,
    ContactLastName,
    ContactEmail,
    ContactPhone,
    ContactRelation,
    kColumnCount
};

// Where each column is in the file's rows, -1 if the file has no such column. Found once,
// not by name for every value of 100,000 rows.
using ColumnPlaces = std::array<qsizetype, kColumnCount>;

struct Draft
{
    int line = 0;
    Client client;
    bool hasContact = false;
    Contact contact;
    Relation relation;
    QString identity; // ClientRepository::identityOf: the same client twice, in the file or stored
};

std::optional<bool> parseBool(const QString& raw)
{
    const QString v = raw.trimmed().toLower();
    if (v.isEmpty() || v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("0") ||
        v == QLatin1String("n"))
        return false;
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("y"))
        return true;
    return std::nullopt;
}

std::optional<RelationType> parseRelation(const QString& raw)
{
    const QString key =
        text::searchKey(raw).replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('/'), QLatin1Char('_'));
    if (auto t = relationTypeFromKey(key))
        return t;
    for (int i = 0; i <= static_cast<int>(RelationType::Other); ++i) {
        const auto t = static_cast<RelationType>(i);
        if (text::searchKey(relationTypeLabel(t)) == text::searchKey(raw))
            return t;
    }
    return std::nullopt;
}

// Validates one row; returns the draft or the reason it is refused.
Result<Draft> draftFrom(const CsvRow& row, const ColumnPlaces& places, const ImportOptions& options, const QDate& today)
{
    auto get = [&](Column c) { return places[c] < 0 ? QString() : row.fields.value(places[c]).trimmed(); };
    Draft d;
    d.line = row.line;
    d.client.firstName = text::clean(get(FirstName));
    d.client.lastName = text::clean(get(LastName));
    if (d.client.firstName.isEmpty() && d.client.lastName.isEmpty())
        return Error::invalid(tr("the client has no name"), QStringLiteral("first_name"));
    if (const QString e = get(Email); !e.isEmpty()) {
        auto email = validation::normalizeEmail(e);
        if (!email)
            return Error::invalid(email.message(), QStringLiteral("email"));
        d.client.email = *email;
    }
    if (const QString p = get(MobilePhone); !p.isEmpty()) {
        auto phone = validation::normalizePhone(p, options.defaultCountryCode);
        if (!phone)
            return Error::invalid(phone.message(), QStringLiteral("mobile_phone"));
        d.client.mobilePhone = *phone;
    }
    if (const QString dob = get(DateOfBirth); !dob.isEmpty()) {
        d.client.dateOfBirth = QDate::fromString(dob, Qt::ISODate);
        if (!d.client.dateOfBirth.isValid())
            return Error::invalid(tr("date_of_birth \"%1\" is not a date in the form YYYY-MM-DD").arg(dob),
                                  QStringLiteral("date_of_birth"));
    }
    const auto minor = parseBool(get(IsMinor));
    if (!minor)
        return Error::invalid(tr("is_minor must be yes or no, not \"%1\"").arg(get(IsMinor)),
                              QStringLiteral("is_minor"));
    d.client.isMinor = *minor;

    const QString cFirst = text::clean(get(ContactFirstName));
    const QString cLast = text::clean(get(ContactLastName));
    const QString cEmail = get(ContactEmail);
    const QString cPhone = get(ContactPhone);
    const QString cRelation = get(ContactRelation);
    d.hasContact =
        !(cFirst.isEmpty() && cLast.isEmpty() && cEmail.isEmpty() && cPhone.isEmpty() && cRelation.isEmpty());
    QList<RelatedPerson> people;
    if (d.hasContact) {
        RelationType type = RelationType::Other;
        if (!cRelation.isEmpty()) {
            const auto t = parseRelation(cRelation);
            if (!t)
                return Error::invalid(tr("contact_relation \"%1\" is not a known relation type (e.g. parent, "
                                         "legal_guardian, responsible_party, emergency_contact)")
                                          .arg(cRelation),
                                      QStringLiteral("contact_relation"));
            type = *t;
        }
        d.contact.firstName = cFirst;
        d.contact.lastName = cLast;
        if (!cEmail.isEmpty()) {
            auto email = validation::normalizeEmail(cEmail);
            if (!email)
                return Error::invalid(tr("contact_email: %1").arg(email.message()), QStringLiteral("contact_email"));
            d.contact.email = *email;
        }
        if (!cPhone.isEmpty()) {
            auto phone = validation::normalizePhone(cPhone, options.defaultCountryCode);
            if (!phone)
                return Error::invalid(tr("contact_phone: %1").arg(phone.message()), QStringLiteral("contact_phone"));
            d.contact.phone = *phone;
        }
        d.relation = defaultRelation(type);
        RelatedPerson p;
        p.relation = d.relation;
        p.firstName = d.contact.firstName;
        p.lastName = d.contact.lastName;
        p.email = d.contact.email;
        p.phone = d.contact.phone;
        people << p;
    }
    if (Status s = rules::validateClient(d.client, people, today); !s)
        return s.error();
    return d;
}

struct PreparedSlice
{
    std::vector<NewRow> rows;
    SearchEntries terms;
    int firstLine = 0; // of the file, for messages
    int lastLine = 0;
    qsizetype clients = 0;
};

// The rows of drafts[from, to): each client (numbered from first on, in file order), its
// contact and the relation between them, as ClientRepository and RelationRepository would
// store them.
PreparedSlice prepareRows(const std::vector<const Draft*>& drafts, qint64 first, qsizetype from, qsizetype to)
{
    PreparedSlice out;
    out.rows.reserve(static_cast<size_t>(to - from) * 3);
    out.terms.reserve(static_cast<size_t>(to - from) * 6);
    out.firstLine = drafts[static_cast<size_t>(from)]->line;
    out.lastLine = drafts[static_cast<size_t>(to - 1)]->line;
    out.clients = to - from;
    const QString clients = QStringLiteral("clients");
    const QString contacts = QStringLiteral("contacts");
    const QString relations = QStringLiteral("relations");
    static const QByteArray client = "client";
    static const QByteArray contact = "contact";
    static const QByteArray relation = "relation";
    const QString terms = QStringLiteral("search_terms");
    const QByteArray created = ClientRepository::createdSummary().toUtf8(); // translated once, not per client
    int termsColumn = -1; // its place among the columns, the same for every client
    for (qsizetype i = from; i < to; ++i) {
        const Draft& d = *drafts[static_cast<size_t>(i)];
        Client c = d.client;
        const QByteArray id = newIdUtf8();
        c.meta.id = QString::fromLatin1(id);
        c.clientNumber = first + i;
        out.rows.push_back(NewRow::make(
            clients, client, id, id, [&c](ColumnSink& sink) { ClientRepository::writeColumns(c, sink); },
            ClientRepository::derivedColumns(), created));
        // The terms as stored on the row (UTF-8, one per line).
        const NewRow& row = out.rows.back();
        if (termsColumn < 0)
            termsColumn = static_cast<int>(row.names.indexOf(terms));
        for (QByteArrayView rest = row.view(row.values[static_cast<size_t>(termsColumn)].text); !rest.isEmpty();) {
            const qsizetype end = rest.indexOf('\n');
            const QByteArrayView term = end < 0 ? rest : rest.first(end);
            if (!term.isEmpty())
                out.terms.add(term, id);
            rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        }
        if (!d.hasContact)
            continue;
        Contact person = d.contact;
        const QByteArray personId = newIdUtf8();
        person.meta.id = QString::fromLatin1(personId);
        out.rows.push_back(NewRow::make(
            contacts, contact, personId, id,
            [&person](ColumnSink& sink) { RelationRepository::writeColumns(person, sink); }, {},
            RelationRepository::addedSummary(person).toUtf8()));
        Relation r = d.relation;
        const QByteArray relationId = newIdUtf8();
        r.meta.id = QString::fromLatin1(relationId);
        r.clientId = c.meta.id;
        r.contactId = person.meta.id;
        out.rows.push_back(NewRow::make(
            relations, relation, relationId, id, [&r](ColumnSink& sink) { RelationRepository::writeColumns(r, sink); },
            {}, RelationRepository::addedSummary(r).toUtf8()));
    }
    return out;
}

} // namespace

Result<ImportReport> importClientsCsv(Store& store, const QByteArray& csv, const ImportOptions& options)
{
    auto parsed = CsvReader::parse(csv);
    if (!parsed)
        return parsed.error();
    const QList<CsvRow>& rows = *parsed;
    if (rows.isEmpty())
        return Error::invalid(
            tr("The file is empty; expected a header row such as: %1").arg(kColumns.join(QLatin1Char(','))));

    QHash<QString, int> col;
    QStringList unknown;
    for (int i = 0; i < rows.first().fields.size(); ++i) {
        const QString name = rows.first().fields.at(i).trimmed().toLower();
        if (const auto earlier = col.constFind(name); earlier != col.cend())
            // Which of the two holds the data is anyone's guess: refuse rather than drop one.
            return Error::invalid(tr("The header row names the column %1 twice (columns %2 and %3). Each column "
                                     "may appear once; remove or rename one of them.")
                                      .arg(name)
                                      .arg(*earlier + 1)
                                      .arg(i + 1));
        if (kColumns.contains(name))
            col.insert(name, i);
        else if (!name.isEmpty())
            unknown << rows.first().fields.at(i).trimmed();
    }
    if (!unknown.isEmpty() ||
        (!col.contains(QStringLiteral("first_name")) && !col.contains(QStringLiteral("last_name"))))
        return Error::invalid(tr("The header row is not recognized%1. Expected columns: %2")
                                  .arg(unknown.isEmpty()
                                           ? QString()
                                           : tr(" (unknown columns: %1)").arg(unknown.join(QStringLiteral(", "))),
                                       kColumns.join(QLatin1Char(','))));

    ColumnPlaces places;
    for (qsizetype c = 0; c < kColumnCount; ++c)
        places[static_cast<size_t>(c)] = col.value(kColumns.at(c), -1);

    const auto tell = [&options](ImportProgress::Stage stage, qsizetype done, qsizetype total) {
        if (options.progress)
            options.progress(ImportProgress{stage, done, total});
    };
    const qsizetype total = rows.size() - 1;
    tell(ImportProgress::Stage::Checking, 0, total);
    // Rows are checked on every core, a part of the file at a time (each row on its own);
    // this thread meanwhile takes each part in file order as soon as it is checked: it
    // reports its problems and finds rows that repeat an earlier one.
    const QDate today = store.clock().today();
    const qsizetype header = rows.first().fields.size();
    std::vector<std::optional<Result<Draft>>> checked(static_cast<size_t>(rows.size()));
    constexpr qsizetype kPart = 4096;
    const qsizetype parts = (total + kPart - 1) / kPart;
    std::vector<std::promise<void>> partChecked(static_cast<size_t>(parts));
    std::atomic<qsizetype> nextPart{0};
    // Part p holds rows [1 + p * kPart, partEnd(p)) (row 0 is the header).
    const auto partEnd = [&rows](qsizetype part) { return qMin(1 + (part + 1) * kPart, rows.size()); };
    const auto check = [&] {
        for (qsizetype part; (part = nextPart++) < parts;) {
            try {
                for (qsizetype i = 1 + part * kPart; i < partEnd(part); ++i)
                    if (rows.at(i).fields.size() == header) {
                        auto& d = checked[static_cast<size_t>(i)];
                        d = draftFrom(rows.at(i), places, options, today);
                        if (*d)
                            d->value().identity = ClientRepository::identityOf(d->value().client);
                    }
                partChecked[static_cast<size_t>(part)].set_value();
            } catch (...) {
                partChecked[static_cast<size_t>(part)].set_exception(std::current_exception());
            }
        }
    };
    std::vector<std::future<void>> checking;
    for (qsizetype w = qBound(1, QThread::idealThreadCount(), 8); w > 0; --w)
        checking.push_back(std::async(std::launch::async, check));

    ImportReport report;
    std::vector<const Draft*> drafts; // the rows to import, where they were checked (not copied)
    drafts.reserve(static_cast<size_t>(rows.size()));
    // A row that repeats a client already in the database (the same file imported twice,
    // or a list that overlaps an earlier one) is reported like a row repeated in the file.
    // Read while the other threads check the first parts of the file. (Returning early is
    // safe: the checking futures wait for their threads when destroyed.)
    auto stored = store.clients().identities();
    if (!stored)
        return stored.error();
    QHash<QString, int> seen; // duplicate rows within the file
    seen.reserve(rows.size());
    for (qsizetype part = 0; part < parts; ++part) {
        partChecked[static_cast<size_t>(part)].get_future().get();
        const qsizetype end = partEnd(part);
        for (qsizetype i = 1 + part * kPart; i < end; ++i) {
            const CsvRow& row = rows.at(i);
            if (row.fields.size() != header) {
                report.problems
                    << tr("line %1: has %2 fields, the header has %3").arg(row.line).arg(row.fields.size()).arg(header);
                continue;
            }
            Result<Draft>& d = *checked[static_cast<size_t>(i)];
            if (!d) {
                report.problems << tr("line %1: %2").arg(row.line).arg(d.message());
                continue;
            }
            if (const auto earlier = seen.constFind((*d).identity); earlier != seen.cend()) {
                report.problems << tr("line %1: duplicate of line %2").arg(row.line).arg(*earlier);
                continue;
            }
            if (const auto known = stored->constFind((*d).identity); known != stored->cend()) {
                report.problems << tr("line %1: already in the database as client %2").arg(row.line).arg(*known);
                continue;
            }
            seen.insert((*d).identity, row.line);
            drafts.push_back(&*d);
        }
        tell(ImportProgress::Stage::Checking, end - 1, total);
    }
    for (auto& c : checking)
        c.get();
    if (!report.problems.isEmpty() && !options.skipInvalid)
        return report; // nothing written: the caller shows the problems

    // Written straight into the file when this is its only connection (the command line),
    // through the WAL like any other change otherwise (RollbackJournal). Made before the
    // change set, so that a failed import is rolled back before the WAL returns.
    RollbackJournal direct(store.database());
    auto cs = store.changeSet();
    if (Status s = cs->begin(); !s)
        return s.error();
    const auto count = static_cast<qsizetype>(drafts.size());
    auto firstNumber = store.clients().reserveNumbers(*cs, count);
    if (!firstNumber)
        return firstNumber.error();
    // The rows are made ready on other threads (ids, stored values, outbox JSON, search
    // terms), a slice each, two slices ahead of this thread, which writes them in order.
    BulkWriter writer(*cs);
    // The first slice is small, so that this thread starts writing after a few milliseconds
    // instead of waiting for a whole slice to be made ready.
    const qsizetype firstSlice = 512;
    const qsizetype slice = 4096;
    const auto prepare = [&drafts, first = *firstNumber](qsizetype from, qsizetype to,
                                                         std::shared_ptr<PreparedSlice> written) {
        written.reset(); // a slice already written, freed here rather than on the writing thread
        return std::make_shared<PreparedSlice>(prepareRows(drafts, first, from, to));
    };
    SearchEntries terms;
    terms.reserve(drafts.size() * 6);
    std::deque<std::future<std::shared_ptr<PreparedSlice>>> ahead;
    qsizetype scheduled = 0;
    const auto schedule = [&](std::shared_ptr<PreparedSlice> written) {
        if (scheduled < count) {
            const qsizetype to = qMin(scheduled + (scheduled == 0 ? firstSlice : slice), count);
            ahead.push_back(std::async(std::launch::async, prepare, scheduled, to, std::move(written)));
            scheduled = to;
        }
    };
    schedule(nullptr);
    schedule(nullptr);
    std::vector<std::shared_ptr<PreparedSlice>> last; // written, with no slice left to free them
    qsizetype written = 0;
    tell(ImportProgress::Stage::Writing, 0, count);
    while (!ahead.empty()) {
        std::shared_ptr<PreparedSlice> ready = ahead.front().get();
        ahead.pop_front();
        if (Status s = writer.insert(ready->rows); !s) // nothing is kept: the change set rolls back
            return Error::make(s.error().kind,
                               tr("lines %1 to %2: %3").arg(ready->firstLine).arg(ready->lastLine).arg(s.message()));
        terms.append(std::move(ready->terms));
        written += ready->clients;
        tell(ImportProgress::Stage::Writing, written, count);
        if (scheduled < count)
            schedule(std::move(ready));
        else
            last.push_back(std::move(ready));
    }
    for (const Draft* d : drafts) {
        ++report.imported;
        if (d->hasContact)
            ++report.contacts;
    }
    // What the file became is freed on the other core while this one writes the search terms
    // and commits (a million small blocks); the futures wait for it before returning.
    const auto freeing = [](auto... data) {
        return std::async(
            std::launch::async, [](auto...) {}, std::move(data)...);
    };
    auto freed =
        freeing(std::move(parsed).value(), std::move(checked), std::move(drafts), std::move(seen), std::move(last));
    tell(ImportProgress::Stage::Finishing, count, count);
    if (Status s = writer.insertSearchTerms(terms); !s)
        return s.error();
    auto freedTerms = freeing(std::move(terms));
    if (Status s = cs->commit(); !s)
        return s.error();
    return report;
}

Result<QByteArray> exportClientsCsv(Store& store)
{
    QByteArray out = CsvWriter::line(kColumns);
    ClientListPosition position;
    for (bool atEnd = false; !atEnd;) {
        auto page = store.clients().page(QString(), 2000, position);
        if (!page)
            return page.error();
        position = page->next;
        atEnd = page->atEnd;
        for (const ClientSummary& s : page->clients) {
            QStringList f = {s.firstName,
                             s.lastName,
                             s.email,
                             s.mobilePhone,
                             s.dateOfBirth.toString(Qt::ISODate),
                             s.isMinor ? QStringLiteral("yes") : QStringLiteral("no")};
            auto people = store.relations().forClient(s.id);
            if (!people)
                return people.error();
            if (!people->isEmpty()) {
                const RelatedPerson& p = people->first();
                f << p.firstName << p.lastName << p.email << p.phone << relationTypeKey(p.relation.type);
            } else {
                f << QString() << QString() << QString() << QString() << QString();
            }
            out += CsvWriter::line(f);
        }
    }
    return out;
}

} // namespace pd
