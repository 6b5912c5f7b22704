#include "core/ParentPortal.h"

#include <QCoreApplication>

namespace pd {

bool ParentPortal::hasPortalAccess(const Relation& r)
{
    return !r.meta.deleted && (r.portalInvite || r.permissions != PortalPermissions());
}

Status ParentPortal::checkConflict(const Client& client, const QList<RelatedPerson>& people,
                                   const Client* parentPortalUser)
{
    if (!parentPortalUser)
        return {};
    if (parentPortalUser->meta.id == client.meta.id && !client.meta.id.isEmpty())
        return Error::invalid(QCoreApplication::translate("ParentPortal", "A client cannot run their own parent portal."),
                              QStringLiteral("parentPortalUser"));
    const QString parentEmail = parentPortalUser->email.toCaseFolded();
    for (const RelatedPerson& p : people) {
        if (!hasPortalAccess(p.relation))
            continue;
        const bool samePerson = (!p.relation.relatedClientId.isEmpty() &&
                                 p.relation.relatedClientId == parentPortalUser->meta.id) ||
                                (!parentEmail.isEmpty() && p.email.toCaseFolded() == parentEmail);
        if (samePerson)
            return Error::invalid(
                QCoreApplication::translate("ParentPortal",
                                            "%1 already has portal access as a contact of %2. A person can reach a "
                                            "client's portal either as a contact or as the parent-portal user, never "
                                            "both: remove the contact's portal access, or choose another parent-portal "
                                            "user.")
                    .arg(parentPortalUser->displayName(), client.displayName()),
                QStringLiteral("parentPortalUser"));
    }
    return {};
}

QString sharedEmailNote(const QString& email, const QStringList& otherOwners)
{
    if (otherOwners.isEmpty())
        return {};
    return QCoreApplication::translate("SharedEmail", "%1 is also used by %2. That is fine (for example a parent of "
                                                      "two children); each client's messages are still sent "
                                                      "separately.")
        .arg(email, otherOwners.join(QStringLiteral(", ")));
}

} // namespace pd
