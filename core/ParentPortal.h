#pragma once

#include "core/Relation.h"
#include "core/Result.h"

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
    static Status checkConflict(const Client& client, const QList<RelatedPerson>& people, const Client* parentPortalUser);
};

// C9: an email used by several people is allowed (a parent of two children; a person who is
// a client and a contact); staff get an informational note, never an error.
QString sharedEmailNote(const QString& email, const QStringList& otherOwners);

} // namespace pd
