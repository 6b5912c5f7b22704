#pragma once

#include "Enums.h"

#include <QDate>
#include <QString>

namespace pd {

// Fields every synced row carries (DESIGN.md §4).
struct SyncMeta
{
    QString id;           // client-generated UUID (without braces)
    qint64 version = 0;   // server version this row is based on (0 = never synced)
    QString hlc;          // hybrid logical clock stamp of the last local change
    bool deleted = false; // tombstone
};

struct Client
{
    SyncMeta meta;
    qint64 clientNumber = 0; // the human "client id" shown to staff; unique per desk database
    QString firstName;
    QString lastName;
    QString email;       // normalized (C2)
    QString mobilePhone; // E.164 (C2)
    QDate dateOfBirth;
    bool isMinor = false; // C6
    ContactMethod preferredMethod = ContactMethod::Email;
    NotifyToggles selfNotifications = allNotifyToggles(); // C4: the client's own notifications
    bool confidentialCommunications = false;              // N5
    QString confidentialReason;                           // N5
    QString parentPortalUserId;                           // PP1: id of the client who runs this client's portal
    QString primaryContactRelationId;                     // C7: chosen primary contact (empty = first eligible)
    QString notes;

    QString displayName() const;
    bool hasDirectChannel() const { return !email.isEmpty() || !mobilePhone.isEmpty(); }
};

} // namespace pd
