#include "core/ClientRules.h"

#include "core/Text.h"

#include <QCoreApplication>

#include <algorithm>

namespace pd::rules {

namespace {
int preference(RelationType t)
{
    switch (t) {
    case RelationType::LegalGuardian:
        return 0;
    case RelationType::ResponsibleParty:
        return 1;
    case RelationType::Parent:
        return 2;
    default:
        return 3;
    }
}

bool reachable(const RelatedPerson& p)
{
    return !p.email.isEmpty() || !p.phone.isEmpty();
}
} // namespace

qsizetype characterCount(const QString& s)
{
    qsizetype n = 0;
    for (const QChar c : s)
        if (!c.isLowSurrogate())
            ++n;
    return n;
}

Client withCleanText(Client client)
{
    client.firstName = text::clean(client.firstName);
    client.lastName = text::clean(client.lastName);
    client.confidentialReason = text::clean(client.confidentialReason);
    client.notes = client.notes.trimmed().normalized(QString::NormalizationForm_C);
    return client;
}

RelatedPerson withCleanText(RelatedPerson person)
{
    person.firstName = text::clean(person.firstName);
    person.lastName = text::clean(person.lastName);
    person.relation.relationshipText = text::clean(person.relation.relationshipText);
    person.relation.courtOrderRef = text::clean(person.relation.courtOrderRef);
    return person;
}

Status validateClient(const Client& c, const QList<RelatedPerson>& people, const QDate& today)
{
    if (text::clean(c.firstName).isEmpty() && text::clean(c.lastName).isEmpty())
        return Error::invalid(QCoreApplication::translate("ClientRules", "Enter the client's first or last name."),
                              QStringLiteral("firstName"));
    if (const qsizetype n = characterCount(c.notes); n > kMaxNoteLength)
        return Error::invalid(
            QCoreApplication::translate("ClientRules", "Notes are limited to %1 characters; these have %2.")
                .arg(kMaxNoteLength)
                .arg(n),
            QStringLiteral("notes"));
    if (c.dateOfBirth.isValid() && c.dateOfBirth > today)
        return Error::invalid(QCoreApplication::translate("ClientRules", "The date of birth is in the future."),
                              QStringLiteral("dateOfBirth"));
    if (c.isMinor) {
        const bool hasGuardian = std::any_of(people.begin(), people.end(), [&today](const RelatedPerson& p) {
            return p.relation.type == RelationType::LegalGuardian && p.relation.isActiveOn(today);
        });
        if (!hasGuardian)
            return Error::invalid(QCoreApplication::translate(
                                      "ClientRules",
                                      "A minor needs at least one Legal Guardian: add the person who can consent to "
                                      "care for this client on the Contacts & relations tab, then save."),
                                  QStringLiteral("isMinor"));
    }
    if (!c.hasDirectChannel()) {
        // C7: someone must actually be reachable, or every message for this client would
        // silently go nowhere.
        const bool reachableContact = std::any_of(people.begin(), people.end(), [&today](const RelatedPerson& p) {
            return p.relation.isActiveOn(today) && (!p.email.isEmpty() || !p.phone.isEmpty());
        });
        if (!reachableContact)
            return Error::invalid(QCoreApplication::translate(
                                      "ClientRules",
                                      "Without an email or mobile phone, the client needs a contact with an email or "
                                      "mobile phone, who will receive their messages (the primary contact)."),
                                  QStringLiteral("email"));
    }
    for (const RelatedPerson& p : people) {
        if (p.relation.portalInvite && !p.relation.meta.deleted && p.email.isEmpty())
            return Error::invalid(
                QCoreApplication::translate("ClientRules",
                                            "%1 is invited to the portal but has no email address; add one or turn the "
                                            "invitation off.")
                    .arg(p.firstName.isEmpty() && p.lastName.isEmpty()
                             ? QCoreApplication::translate("ClientRules", "A contact")
                             : (p.firstName + QLatin1Char(' ') + p.lastName).trimmed()),
                QStringLiteral("contactEmail"));
    }
    return {};
}

int primaryContactIndex(const Client& c, const QList<RelatedPerson>& people, const QDate& today)
{
    int best = -1;
    for (int i = 0; i < people.size(); ++i) {
        const RelatedPerson& p = people.at(i);
        if (!p.relation.isActiveOn(today) || !reachable(p))
            continue;
        if (!c.primaryContactRelationId.isEmpty() && p.relation.meta.id == c.primaryContactRelationId)
            return i;
        if (best < 0 || preference(p.relation.type) < preference(people.at(best).relation.type))
            best = i;
    }
    return best;
}

QString notificationBlockReason(const RelatedPerson& p, ContactMethod method, const QDate& today)
{
    if (!p.relation.isActiveOn(today))
        return QCoreApplication::translate("ClientRules", "The relation is not valid today.");
    switch (method) {
    case ContactMethod::Email:
        return p.email.isEmpty() ? QCoreApplication::translate(
                                       "ClientRules", "No email address: the client's preferred method is email.")
                                 : QString();
    case ContactMethod::Sms:
        return p.phone.isEmpty() ? QCoreApplication::translate("ClientRules",
                                                               "No mobile phone: the client's preferred method is SMS.")
                                 : QString();
    case ContactMethod::Both:
        return p.email.isEmpty() && p.phone.isEmpty()
                   ? QCoreApplication::translate("ClientRules", "No email address or mobile phone.")
                   : QString();
    }
    return {};
}

QString preferredMethodGap(const Client& c)
{
    if (!c.hasDirectChannel())
        return {};
    if (c.preferredMethod == ContactMethod::Email && c.email.isEmpty())
        return QCoreApplication::translate("ClientRules",
                                           "With email as the preferred method, this client receives no messages: "
                                           "there is no email address. Choose text message, or add an email.");
    if (c.preferredMethod == ContactMethod::Sms && c.mobilePhone.isEmpty())
        return QCoreApplication::translate("ClientRules",
                                           "With text message as the preferred method, this client receives no "
                                           "messages: there is no mobile phone. Choose email, or add a mobile phone.");
    return {};
}

} // namespace pd::rules
