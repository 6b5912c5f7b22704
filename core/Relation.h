#pragma once

#include "Client.h"
#include "Enums.h"

namespace pd {

// A link from a client to one of its people: either a stand-alone contact or another
// client of the practice (C3). Exactly one of contactId / relatedClientId is set.
struct Relation
{
    SyncMeta meta;
    QString clientId;
    QString contactId;
    QString relatedClientId;
    RelationType type = RelationType::Other;
    QString relationshipText; // free text, e.g. "stepmother" (C2)
    NotifyToggles notifications;
    bool canManageAppointments = false; // C5
    bool portalInvite = false;          // P1
    PortalPermissions permissions;      // P2
    Custody custody = Custody::None;    // C10
    QString courtOrderRef;              // C10
    QDate validFrom;                    // C10
    QDate validUntil;                   // C10: relation expires after this date

    bool isActiveOn(const QDate& day) const
    {
        return !meta.deleted && (!validFrom.isValid() || validFrom <= day) &&
               (!validUntil.isValid() || day <= validUntil);
    }
};

// A relation together with the person's current details (from the contact, or from the
// related client's profile so they stay current, C3).
struct RelatedPerson
{
    Relation relation;
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    bool isClient = false; // the person is itself a client of the practice
};

} // namespace pd
