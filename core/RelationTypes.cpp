#include "core/RelationTypes.h"

#include <QCoreApplication>

namespace pd {

namespace {
struct TypeInfo
{
    RelationType type;
    const char* key;
    const char* label;
};

constexpr TypeInfo kTypes[] = {
    {RelationType::Parent, "parent", QT_TRANSLATE_NOOP("RelationType", "Parent")},
    {RelationType::LegalGuardian, "legal_guardian", QT_TRANSLATE_NOOP("RelationType", "Legal Guardian")},
    {RelationType::ResponsibleParty, "responsible_party", QT_TRANSLATE_NOOP("RelationType", "Responsible Party")},
    {RelationType::EmergencyContact, "emergency_contact", QT_TRANSLATE_NOOP("RelationType", "Emergency Contact")},
    {RelationType::SpousePartner, "spouse_partner", QT_TRANSLATE_NOOP("RelationType", "Spouse/Partner")},
    {RelationType::Sibling, "sibling", QT_TRANSLATE_NOOP("RelationType", "Sibling")},
    {RelationType::Caseworker, "caseworker", QT_TRANSLATE_NOOP("RelationType", "Caseworker")},
    {RelationType::Other, "other", QT_TRANSLATE_NOOP("RelationType", "Other")},
};

const TypeInfo& infoFor(RelationType type)
{
    for (const TypeInfo& t : kTypes)
        if (t.type == type)
            return t;
    return kTypes[std::size(kTypes) - 1];
}
} // namespace

QString relationTypeKey(RelationType type)
{
    return QString::fromLatin1(infoFor(type).key);
}

std::optional<RelationType> relationTypeFromKey(const QString& key)
{
    for (const TypeInfo& t : kTypes)
        if (key == QLatin1String(t.key))
            return t.type;
    return std::nullopt;
}

Result<RelationType> parseRelationTypeKey(const QString& key)
{
    if (const auto t = relationTypeFromKey(key))
        return *t;
    QStringList known;
    for (const TypeInfo& t : kTypes)
        known << QString::fromLatin1(t.key);
    return Error::invalid(
        QCoreApplication::translate("RelationType", "Unknown relation type \"%1\"; expected one of: %2.")
            .arg(key, known.join(QStringLiteral(", "))),
        QStringLiteral("relationType"));
}

QString relationTypeLabel(RelationType type)
{
    return QCoreApplication::translate("RelationType", infoFor(type).label);
}

QList<RelationType> allRelationTypes()
{
    QList<RelationType> out;
    for (const TypeInfo& t : kTypes)
        out << t.type;
    return out;
}

Relation defaultRelation(RelationType type)
{
    Relation r;
    r.type = type;
    switch (type) {
    case RelationType::LegalGuardian:
    case RelationType::ResponsibleParty:
        r.portalInvite = true;
        r.notifications = allNotifyToggles();
        r.canManageAppointments = true;
        r.permissions = PortalPermissions(PortalPermission::ViewForms) | PortalPermission::CompleteForms |
                        PortalPermission::ViewDocuments | PortalPermission::ManageBilling |
                        PortalPermission::ManageAppointments | PortalPermission::SecureMessaging;
        break;
    case RelationType::Parent:
        r.notifications = NotifyToggles(NotifyToggle::Reminders) | NotifyToggle::Confirmations;
        break;
    case RelationType::SpousePartner:
    case RelationType::Caseworker:
        r.notifications = NotifyToggles(NotifyToggle::Reminders);
        break;
    case RelationType::EmergencyContact:
    case RelationType::Sibling:
    case RelationType::Other:
        break;
    }
    return r;
}

} // namespace pd
