#include "storage/DemoData.h"

#include "core/ContactValidation.h"
#include "core/RelationTypes.h"
#include "core/Text.h"
#include "storage/Store.h"

#include <QHash>
#include <QRandomGenerator>

namespace pd {

namespace {

const char* const kFirstNames[] = {
    "Ana",   "José",   "Zoë",    "Liam",   "Sofía",    "Noah",     "Amélie", "Mateo",     "Chloé",  "Lukas",
    "Søren", "Łukasz", "Ólafur", "Maya",   "Ethan",    "Isabella", "Jürgen", "Aoife",     "Nguyễn", "Mei",
    "محمد",  "فاطمة",  "דוד",    "נועה",   "李娜",     "王伟",     "Olivia", "Emma",      "Lucas",  "Chiara",
    "Björn", "Çağla",  "Dvořák", "Renée",  "François", "Siobhán",  "Ingrid", "Kwame",     "Amara",  "Priya",
    "Arjun", "Yuki",   "Hana",   "Mateus", "João",     "Élodie",   "Tomás",  "Agnieszka", "Oskar",  "Leila",
};
const char* const kLastNames[] = {
    "García",         "Müller",    "Smith",  "Nguyen", "O'Brien",      "Kowalski",   "Johansson", "Rossi",
    "Dubois",         "Haddad",    "Cohen",  "Chen",   "Wang",         "Okafor",     "Patel",     "Sánchez",
    "Núñez",          "Fernández", "Brown",  "Wilson", "Schäfer",      "Lefèvre",    "Ivanova",   "Popescu",
    "Yılmaz",         "Kim",       "Tanaka", "Murphy", "van der Berg", "De la Cruz", "Åberg",     "Østergaard",
    "Ó Súilleabháin", "Mendoza",   "Silva",  "Costa",  "Jensen",       "Novak",      "Horvat",    "Khalil",
    "Levi",           "Zhang",     "Li",     "Hoang",
};
const char* const kDomains[] = {"example.com", "example.org", "mail.example.net", "correo.example.es",
                                "post.example.de"};

template <size_t N> QString pick(QRandomGenerator& rng, const char* const (&list)[N])
{
    return QString::fromUtf8(list[rng.bounded(static_cast<quint32>(N))]);
}

// An address that passes validation for any name: the ASCII letters of the name (folded),
// or "client" for names written in other scripts.
QString asciiLocalPart(const QString& first, const QString& last, quint32 n)
{
    auto letters = [](const QString& s) {
        QString out;
        // Letters that Unicode does not decompose into a Latin base letter, as people spell
        // them in an address ("Østergaard" -> "ostergaard", "Łukasz" -> "lukasz").
        static const QHash<QChar, QString> spelled = {
            {QChar(0x00f8), QStringLiteral("o")},  {QChar(0x00e6), QStringLiteral("ae")},
            {QChar(0x00df), QStringLiteral("ss")}, {QChar(0x0142), QStringLiteral("l")},
            {QChar(0x0111), QStringLiteral("d")},  {QChar(0x0131), QStringLiteral("i")},
            {QChar(0x00f0), QStringLiteral("d")},  {QChar(0x00fe), QStringLiteral("th")},
            {QChar(0x0153), QStringLiteral("oe")}};
        for (const QChar c : text::searchKey(s)) {
            if (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                out.append(c);
            else if (const auto it = spelled.constFind(c); it != spelled.cend())
                out.append(*it);
        }
        return out;
    };
    QStringList parts;
    for (const QString& p : {letters(first), letters(last)})
        if (!p.isEmpty())
            parts << p;
    if (parts.isEmpty())
        parts << QStringLiteral("client");
    return parts.join(QLatin1Char('.')) + QString::number(n);
}

QString phone(QRandomGenerator& rng)
{
    // NXX-555-01XX style numbers: the 555 exchange is reserved for fiction in the NANP.
    const QString area = QString::number(200 + rng.bounded(700));
    const QString line = QStringLiteral("%1").arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
    auto e164 = validation::normalizePhone(area + QStringLiteral("555") + line);
    return e164 ? *e164 : QString();
}

} // namespace

Result<DemoSummary> generateDemoData(Store& store, const DemoOptions& options)
{
    QRandomGenerator rng(options.seed);
    DemoSummary summary;
    auto cs = store.changeSet();
    if (Status s = cs->begin(); !s)
        return s.error();
    const QDate today = store.clock().today();

    Contact sharedParent; // reused for the next sibling: one parent, several children (C9)
    QString sharedLastName;
    for (int i = 0; i < options.clients; ++i) {
        Client c;
        const bool sibling = !sharedParent.meta.id.isEmpty() && rng.bounded(100) < 40;
        c.firstName = pick(rng, kFirstNames);
        c.lastName = sibling ? sharedLastName : pick(rng, kLastNames);
        const quint32 kind = rng.bounded(100);
        c.isMinor = sibling || kind < 30;
        const int age = c.isMinor ? 4 + static_cast<int>(rng.bounded(14)) : 18 + static_cast<int>(rng.bounded(60));
        c.dateOfBirth = today.addYears(-age).addDays(-static_cast<int>(rng.bounded(365)));
        const bool noDirectChannel = c.isMinor && rng.bounded(100) < 60; // young children: reach the parent (C7)
        if (!noDirectChannel) {
            c.email = asciiLocalPart(c.firstName, c.lastName, static_cast<quint32>(i)) + QLatin1Char('@') +
                      pick(rng, kDomains);
            if (rng.bounded(100) < 80)
                c.mobilePhone = phone(rng);
        }
        c.preferredMethod = static_cast<ContactMethod>(rng.bounded(3));
        if (Status s = store.clients().save(*cs, c, true); !s)
            return s.error();
        ++summary.clients;

        int relations = 0;
        const int wanted = static_cast<int>(rng.bounded(static_cast<quint32>(options.relationsPerClient * 2 + 1)));
        auto link = [&](Contact& person, RelationType type, bool fresh) -> Status {
            if (fresh) {
                if (Status s = store.relations().saveContact(*cs, person, c.meta.id, true); !s)
                    return s;
                ++summary.contacts;
            }
            Relation r = defaultRelation(type); // the same defaults staff get (P1)
            r.clientId = c.meta.id;
            r.contactId = person.meta.id;
            if (type == RelationType::LegalGuardian)
                r.custody = rng.bounded(2) ? Custody::Joint : Custody::Sole;
            ++relations;
            ++summary.relations;
            return store.relations().save(*cs, r, true);
        };
        if (c.isMinor) {
            if (sibling) {
                if (Status s = link(sharedParent, RelationType::LegalGuardian, false); !s)
                    return s.error();
            } else {
                Contact parent;
                parent.firstName = pick(rng, kFirstNames);
                parent.lastName = c.lastName;
                parent.email = asciiLocalPart(parent.firstName, parent.lastName, static_cast<quint32>(i)) +
                               QStringLiteral(".parent@") + pick(rng, kDomains);
                parent.phone = phone(rng);
                if (Status s = link(parent, RelationType::LegalGuardian, true); !s)
                    return s.error();
                sharedParent = parent;
                sharedLastName = c.lastName;
            }
            if (noDirectChannel) {
                c.primaryContactRelationId.clear(); // first eligible relation: the guardian
                c.selfNotifications = NotifyToggles();
            }
        }
        while (relations < wanted) {
            Contact other;
            other.firstName = pick(rng, kFirstNames);
            other.lastName = pick(rng, kLastNames);
            if (rng.bounded(100) < 70)
                other.phone = phone(rng);
            const RelationType type = static_cast<RelationType>(rng.bounded(8));
            if (defaultRelation(type).portalInvite || rng.bounded(100) < 50) // an invited person needs an email
                other.email = asciiLocalPart(other.firstName, other.lastName, static_cast<quint32>(i * 7 + relations)) +
                              QLatin1Char('@') + pick(rng, kDomains);
            if (Status s = link(other, type, true); !s)
                return s.error();
        }
    }
    if (Status s = cs->commit(); !s)
        return s.error();
    return summary;
}

} // namespace pd
