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
        return Error::invalid(
            QCoreApplication::translate("ParentPortal", "A client cannot run their own parent portal."),
            QStringLiteral("parentPortalUser"));
    for (const RelatedPerson& p : people) {
        if (!hasPortalAccess(p.relation))
            continue;
        const bool samePerson =
            (!p.relation.relatedClientId.isEmpty() && p.relation.relatedClientId == parentPortalUser->meta.id) ||
            sameEmail(p.email, parentPortalUser->email);
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

bool ParentPortal::clientHasOwnPortal(const Client& client)
{
    return client.parentPortalUserId.isEmpty() && !client.meta.deleted;
}

} // namespace pd
