#include "storage/ClientService.h"

#include "core/ClientRules.h"
#include "core/ParentPortal.h"
#include "storage/Store.h"

#include <QCoreApplication>

namespace pd {

Result<RelatedPerson> ClientService::resolve(const PersonDraft& d)
{
    RelatedPerson p;
    p.relation = d.relation;
    if (!d.relation.relatedClientId.isEmpty()) {
        auto other = m_store.clients().get(d.relation.relatedClientId);
        if (!other)
            return Error::invalid(QCoreApplication::translate("ClientService", "The linked client no longer exists."),
                                  QStringLiteral("relatedClient"));
        p.firstName = other->firstName;
        p.lastName = other->lastName;
        p.email = other->email;
        p.phone = other->mobilePhone;
        p.isClient = true;
        return p;
    }
    p.firstName = d.contact.firstName;
    p.lastName = d.contact.lastName;
    p.email = d.contact.email;
    p.phone = d.contact.phone;
    return p;
}

Status ClientService::save(Client& client, QList<PersonDraft>& people, const QStringList& removedRelationIds)
{
    // Check everything before writing anything.
    QList<RelatedPerson> resolved;
    for (const PersonDraft& d : people) {
        if (removedRelationIds.contains(d.relation.meta.id) && !d.relation.meta.id.isEmpty())
            continue;
        auto p = resolve(d);
        if (!p)
            return p.error();
        resolved << *p;
    }
    const QDate today = m_store.clock().today();
    if (Status s = rules::validateClient(client, resolved, today); !s)
        return s;
    if (!client.parentPortalUserId.isEmpty()) {
        auto parent = m_store.clients().get(client.parentPortalUserId);
        if (!parent)
            return Error::invalid(
                QCoreApplication::translate("ClientService", "The parent-portal user no longer exists."),
                QStringLiteral("parentPortalUser"));
        if (Status s = ParentPortal::checkConflict(client, resolved, &*parent); !s)
            return s;
    }

    auto cs = m_store.changeSet();
    if (Status s = cs->begin(); !s)
        return s;
    if (Status s = m_store.clients().save(*cs, client); !s)
        return s;
    for (const QString& id : removedRelationIds)
        if (Status s = m_store.relations().remove(*cs, id); !s)
            return s;
    for (PersonDraft& d : people) {
        if (!d.relation.meta.id.isEmpty() && removedRelationIds.contains(d.relation.meta.id))
            continue;
        if (d.relation.relatedClientId.isEmpty()) {
            if (Status s = m_store.relations().saveContact(*cs, d.contact, client.meta.id); !s)
                return s;
            d.relation.contactId = d.contact.meta.id;
        }
        d.relation.clientId = client.meta.id;
        if (Status s = m_store.relations().save(*cs, d.relation); !s)
            return s;
    }
    return cs->commit();
}

Result<QList<PersonDraft>> ClientService::drafts(const QString& clientId)
{
    auto people = m_store.relations().forClient(clientId);
    if (!people)
        return people.error();
    QList<PersonDraft> out;
    for (const RelatedPerson& p : *people) {
        PersonDraft d;
        d.relation = p.relation;
        if (!p.relation.contactId.isEmpty()) {
            auto contact = m_store.relations().contact(p.relation.contactId);
            if (!contact)
                return contact.error();
            d.contact = *contact;
        }
        out << d;
    }
    return out;
}

} // namespace pd
