#pragma once

#include "core/Relation.h"
#include "core/Result.h"
#include "core/SharedEmail.h"

#include <QList>

namespace pd {

// PP1/PP2: the parent portal (a parent who is also a client runs a minor's portal) and the
// rule that one person is never both a portal contact and the parent-portal user of the
// same client.
class ParentPortal
{
public:
    // Whether a relation gives its person portal access (invited, or any permission).
    static bool hasPortalAccess(const Relation& r);
    // Refuses the combination where parentPortalUser (the client who runs this client's
    // portal, or nullptr) is also one of the client's portal contacts, matched by client
    // id or by email. The message says who and what to change.
    static Status checkConflict(const Client& client, const QList<RelatedPerson>& people,
                                const Client* parentPortalUser);
    // PP1: a client whose portal is run by a parent (parentPortalUserId set) has no portal
    // access of their own; the portal belongs to the parent until staff end the mode (P8).
    static bool clientHasOwnPortal(const Client& client);
};

// C9 sharedEmailNote() lives in core/SharedEmail.h (included above for existing callers).

} // namespace pd
