#pragma once

#include <QFlags>
#include <QString>

namespace pd {

// C2: the kinds of relation a person can have to a client. Stored by key (see keys in
// RelationTypes.cpp), never by number, so the order here may change.
enum class RelationType {
    Parent,
    LegalGuardian,
    ResponsibleParty,
    EmergencyContact,
    SpousePartner,
    Sibling,
    Caseworker,
    Other,
};

// C5: how the client (and therefore its contacts) prefers to be reached.
enum class ContactMethod { Email, Sms, Both };

// C10: custody/authority on a guardian relation.
enum class Custody { None, Joint, Sole };

// P2: what a contact may do in the portal on the client's behalf. Stored as a bitmask;
// the numeric values are part of the storage and wire format and must never change.
enum class PortalPermission : quint32 {
    ViewForms = 0x01,
    CompleteForms = 0x02,      // complete and sign forms
    ViewDocuments = 0x04,      // shared documents
    ManageBilling = 0x08,      // view/pay invoices, saved cards
    ManageAppointments = 0x10, // schedule, reschedule, cancel (also C5 "can manage appointments")
    SecureMessaging = 0x20,    // own channel with the practitioner (P3)
};
Q_DECLARE_FLAGS(PortalPermissions, PortalPermission)
Q_DECLARE_OPERATORS_FOR_FLAGS(PortalPermissions)

// C5: the notification toggles a client (C4, for itself) and each contact have.
enum class NotifyToggle : quint32 {
    Reminders = 0x01,
    Confirmations = 0x02, // also cancellations and missed-appointment notices
    ScheduledMessages = 0x04,
    TelehealthLinks = 0x08,
};
Q_DECLARE_FLAGS(NotifyToggles, NotifyToggle)
Q_DECLARE_OPERATORS_FOR_FLAGS(NotifyToggles)

constexpr NotifyToggles allNotifyToggles()
{
    return NotifyToggles(NotifyToggle::Reminders) | NotifyToggle::Confirmations | NotifyToggle::ScheduledMessages |
           NotifyToggle::TelehealthLinks;
}

} // namespace pd
