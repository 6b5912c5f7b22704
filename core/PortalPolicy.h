#pragma once

#include "core/PortalSettings.h"
#include "core/Relation.h"

#include <QList>

#include <optional>

namespace pd {

// Everything a portal user can try to do. The server checks every request with
// PortalPolicy::decide (P2: enforced by the server, not only hidden in the UI); the desktop
// uses the same table to explain permissions.
enum class PortalAction {
    ViewForms,
    CompleteForm,
    SignForm,
    ViewDocuments,
    ViewInvoices,
    PayInvoice,
    ManageSavedCards,
    ReceiveGoodFaithEstimate,
    ViewAppointments,
    ScheduleAppointment,
    RescheduleAppointment,
    CancelAppointment,
    ReadMessages,
    SendMessage,
};

enum class PortalActor {
    Client,          // the client in their own portal
    Contact,         // a contact acting through a relation (P2)
    ParentPortalUser // PP1: the parent who runs a minor's portal
};

// P7: what the item being reached is.
enum class Confidentiality {
    Normal,
    NotForContacts,   // marked by a clinician: never shown to a contact
    PsychotherapyNote // never shown in the portal at all
};

struct PortalRequest
{
    PortalActor actor = PortalActor::Client;
    PortalAction action = PortalAction::ViewForms;
    std::optional<Relation> relation;   // for Contact: the relation as it is NOW (P6)
    bool clientHasParentPortal = false; // PP1: the client's portal is run by a parent
    Confidentiality item = Confidentiality::Normal;
    bool withinDay = false; // the appointment is less than 24 hours away
    QDate today;
    OrganizationSettings org;
    QMap<QString, QString> clientOverrides; // S2
};

struct PortalDecision
{
    bool allowed = false;
    QString reason; // why not (shown to staff in previews and logged by the server)
};

class PortalPolicy
{
public:
    // The permission a contact needs for an action (nullopt: no permission can grant it to
    // a contact, e.g. a Good Faith Estimate).
    static std::optional<PortalPermission> permissionFor(PortalAction action);
    // The organization/client setting an action needs, if any.
    static std::optional<PortalSetting> settingFor(PortalAction action, bool withinDay);
    static QList<PortalAction> actionsAllowedBy(PortalPermission permission);

    static PortalDecision decide(const PortalRequest& request);
    // Every action in the table, in table order (an action not in it is always denied).
    static QList<PortalAction> allActions();

    // For the permission dialog: a short name and one line explaining what it allows.
    static QList<PortalPermission> allPermissions();
    static QString label(PortalPermission p);
    static QString explanation(PortalPermission p);
};

} // namespace pd
