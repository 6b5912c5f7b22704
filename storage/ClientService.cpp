#include "storage/ClientService.h"

#include "core/ClientRules.h"
#include "core/ParentPortal.h"
#include "core/PortalSettings.h"
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

Status ClientService::save(Client& client, QList<PersonDraft>& people, const QStringList& removedRelationIds,
                           const std::optional<QMap<QString, QString>>& portalOverrides)
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
    if (portalOverrides)
        if (Status s = PortalSettings::checkOverrides(*portalOverrides); !s)
            return s;

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
    if (portalOverrides) {
        auto stored = m_store.settings().clientOverrides(client.meta.id);
        if (!stored)
            return stored.error();
        for (PortalSetting setting : PortalSettings::all()) {
            const QString key = PortalSettings::key(setting);
            const bool off = portalOverrides->value(key) == QLatin1String("false");
            const bool wasOff = stored->value(key) == QLatin1String("false");
            if (off && !wasOff) {
                if (Status s = m_store.settings().setClientOverride(*cs, client.meta.id, key, QStringLiteral("false"));
                    !s)
                    return s;
            } else if (!off && stored->contains(key)) {
                if (Status s = m_store.settings().clearClientOverride(*cs, client.meta.id, key); !s)
                    return s;
            }
        }
    }
    return cs->commit();
}

Result<Client> ClientService::convertContactToClient(const QString& relationId)
{
    auto stored = m_store.relations().get(relationId);
    if (!stored)
        return stored.error();
    Relation relation = *stored;
    if (relation.contactId.isEmpty())
        return Error::invalid(QCoreApplication::translate("ClientService", "This person is already a client."));
    auto contact = m_store.relations().contact(relation.contactId);
    if (!contact)
        return contact.error();
    Client client;
    client.firstName = contact->firstName;
    client.lastName = contact->lastName;
    client.email = contact->email;
    client.mobilePhone = contact->phone;
    if (!client.hasDirectChannel())
        return Error::invalid(QCoreApplication::translate("ClientService",
                                                          "%1 has no email or mobile phone. Add one to the contact "
                                                          "first, so the new client can be reached.")
                                  .arg(contact->displayName()),
                              QStringLiteral("contactEmail"));
    if (Status s = rules::validateClient(client, {}, m_store.clock().today()); !s)
        return s.error();
    auto cs = m_store.changeSet();
    if (Status s = cs->begin(); !s)
        return s.error();
    if (Status s = m_store.clients().save(*cs, client); !s)
        return s.error();
    relation.contactId.clear();
    relation.relatedClientId = client.meta.id;
    if (Status s = m_store.relations().save(*cs, relation); !s)
        return s.error();
    if (Status s = cs->commit(); !s)
        return s.error();
    return client;
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

Status ClientService::recordViewed(const QString& clientId)
{
    auto cs = m_store.changeSet();
    if (Status s = cs->begin(); !s)
        return s;
    if (Status s = cs->audit(QStringLiteral("view"), QStringLiteral("client"), clientId, clientId,
                             QCoreApplication::translate("ClientService", "Profile opened"));
        !s)
        return s;
    return cs->commit();
}

} // namespace pd
