#include "core/PortalPolicy.h"

#include <QCoreApplication>

namespace pd {

namespace {

// THE policy table: one row per action.
struct Rule
{
    PortalAction action;
    std::optional<PortalPermission> permission; // what a contact needs
    std::optional<PortalSetting> setting;       // what must be on (org + client)
};

const Rule kRules[] = {
    {PortalAction::ViewForms, PortalPermission::ViewForms, std::nullopt},
    {PortalAction::CompleteForm, PortalPermission::CompleteForms, std::nullopt},
    {PortalAction::SignForm, PortalPermission::CompleteForms, std::nullopt},
    {PortalAction::ViewDocuments, PortalPermission::ViewDocuments, std::nullopt},
    {PortalAction::ViewInvoices, PortalPermission::ManageBilling, std::nullopt},
    {PortalAction::PayInvoice, PortalPermission::ManageBilling, PortalSetting::ClientPayments},
    {PortalAction::ManageSavedCards, PortalPermission::ManageBilling, PortalSetting::ClientPayments},
    {PortalAction::ReceiveGoodFaithEstimate, std::nullopt, std::nullopt},
    {PortalAction::ViewAppointments, PortalPermission::ManageAppointments, std::nullopt},
    {PortalAction::ScheduleAppointment, PortalPermission::ManageAppointments, PortalSetting::SelfScheduling},
    {PortalAction::RescheduleAppointment, PortalPermission::ManageAppointments, PortalSetting::SelfScheduling},
    {PortalAction::CancelAppointment, PortalPermission::ManageAppointments, PortalSetting::SelfScheduling},
    {PortalAction::ReadMessages, PortalPermission::SecureMessaging, PortalSetting::SecureMessaging},
    {PortalAction::SendMessage, PortalPermission::SecureMessaging, PortalSetting::SecureMessaging},
};

// nullptr for an action missing from the table: such an action is denied (fail closed).
const Rule* ruleFor(PortalAction a)
{
    for (const Rule& r : kRules)
        if (r.action == a)
            return &r;
    return nullptr;
}

struct PermissionText
{
    PortalPermission permission;
    const char* label;
    const char* explanation;
};

constexpr PermissionText kPermissionTexts[] = {
    {PortalPermission::ViewForms, QT_TRANSLATE_NOOP("PortalPermission", "View forms"),
     QT_TRANSLATE_NOOP("PortalPermission", "Sees the forms exchanged between the practice and the client.")},
    {PortalPermission::CompleteForms, QT_TRANSLATE_NOOP("PortalPermission", "Complete and sign forms"),
     QT_TRANSLATE_NOOP("PortalPermission", "Fills in and signs forms sent for the client; they are filed on the "
                                           "client's timeline with who signed.")},
    {PortalPermission::ViewDocuments, QT_TRANSLATE_NOOP("PortalPermission", "View shared documents"),
     QT_TRANSLATE_NOOP("PortalPermission", "Sees documents the practice shares with the client (never ones marked "
                                           "not for contacts).")},
    {PortalPermission::ManageBilling, QT_TRANSLATE_NOOP("PortalPermission", "Manage billing"),
     QT_TRANSLATE_NOOP("PortalPermission", "Views and pays the client's invoices and manages saved cards; Good Faith "
                                           "Estimates still go to the client only.")},
    {PortalPermission::ManageAppointments, QT_TRANSLATE_NOOP("PortalPermission", "Manage appointments"),
     QT_TRANSLATE_NOOP("PortalPermission", "Books, reschedules and cancels the client's appointments, within the "
                                           "practice's self-scheduling rules.")},
    {PortalPermission::SecureMessaging, QT_TRANSLATE_NOOP("PortalPermission", "Secure messaging"),
     QT_TRANSLATE_NOOP("PortalPermission", "Has a private message channel with the practice that only this contact "
                                           "and the practice see.")},
};

PortalDecision deny(QString why)
{
    return {false, std::move(why)};
}

} // namespace

std::optional<PortalPermission> PortalPolicy::permissionFor(PortalAction action)
{
    const Rule* r = ruleFor(action);
    return r ? r->permission : std::nullopt;
}

std::optional<PortalSetting> PortalPolicy::settingFor(PortalAction action, bool withinDay)
{
    if (withinDay && (action == PortalAction::ScheduleAppointment || action == PortalAction::RescheduleAppointment))
        return PortalSetting::ScheduleWithin24h;
    if (withinDay && action == PortalAction::CancelAppointment)
        return PortalSetting::CancelWithin24h;
    const Rule* r = ruleFor(action);
    return r ? r->setting : std::nullopt;
}

QList<PortalAction> PortalPolicy::actionsAllowedBy(PortalPermission permission)
{
    QList<PortalAction> out;
    for (const Rule& r : kRules)
        if (r.permission == permission)
            out << r.action;
    return out;
}

PortalDecision PortalPolicy::decide(const PortalRequest& req)
{
    if (!ruleFor(req.action))
        return deny(QCoreApplication::translate("PortalPolicy", "Unknown portal action."));
    if (req.item == Confidentiality::PsychotherapyNote)
        return deny(QCoreApplication::translate("PortalPolicy", "Psychotherapy notes are never shown in the portal."));
    if (req.actor != PortalActor::Client && req.item == Confidentiality::NotForContacts)
        return deny(QCoreApplication::translate("PortalPolicy", "A clinician marked this item as not for contacts."));

    switch (req.actor) {
    case PortalActor::Client:
        if (req.clientHasParentPortal)
            return deny(QCoreApplication::translate(
                "PortalPolicy",
                "This client's portal is run by a parent (parent portal); the client has no portal access."));
        break;
    case PortalActor::ParentPortalUser:
        if (!req.clientHasParentPortal)
            return deny(QCoreApplication::translate("PortalPolicy", "This person does not run the client's portal."));
        break;
    case PortalActor::Contact: {
        if (!req.relation || req.relation->meta.deleted)
            return deny(
                QCoreApplication::translate("PortalPolicy", "The contact's relation to the client was removed."));
        if (!req.relation->isActiveOn(req.today))
            return deny(QCoreApplication::translate("PortalPolicy",
                                                    "The contact's relation to the client is not valid today."));
        const EffectiveSetting access =
            PortalSettings::effective(PortalSetting::ContactPortalAccess, req.org, req.clientOverrides);
        if (!access.on)
            return deny(QCoreApplication::translate("PortalPolicy", "Portal access for contacts is off: %1")
                            .arg(access.reason));
        const auto needed = permissionFor(req.action);
        if (!needed)
            return deny(QCoreApplication::translate("PortalPolicy",
                                                    "This is only ever sent to the client, never to a contact."));
        if (!req.relation->permissions.testFlag(*needed))
            return deny(QCoreApplication::translate("PortalPolicy", "The contact does not have the \"%1\" permission.")
                            .arg(label(*needed)));
        break;
    }
    }

    if (const auto setting = settingFor(req.action, req.withinDay)) {
        const EffectiveSetting s = PortalSettings::effective(*setting, req.org, req.clientOverrides);
        if (!s.on)
            return deny(QCoreApplication::translate("PortalPolicy", "%1 is off: %2")
                            .arg(PortalSettings::label(*setting), s.reason));
    }
    return {true, {}};
}

QList<PortalAction> PortalPolicy::allActions()
{
    QList<PortalAction> out;
    for (const Rule& r : kRules)
        out << r.action;
    return out;
}

QList<PortalPermission> PortalPolicy::allPermissions()
{
    QList<PortalPermission> out;
    for (const PermissionText& t : kPermissionTexts)
        out << t.permission;
    return out;
}

QString PortalPolicy::label(PortalPermission p)
{
    for (const PermissionText& t : kPermissionTexts)
        if (t.permission == p)
            return QCoreApplication::translate("PortalPermission", t.label);
    return {};
}

QString PortalPolicy::explanation(PortalPermission p)
{
    for (const PermissionText& t : kPermissionTexts)
        if (t.permission == p)
            return QCoreApplication::translate("PortalPermission", t.explanation);
    return {};
}

} // namespace pd
